package dev.badgesmith.sign;

/** A JWS or VC-JWT that does not verify, with a message for people that says why. */
public final class VerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  public VerificationException(String message) {
    super(message);
  }
}
