package dev.badgesmith.sign;

/** A JWS or VC-JWT that does not verify, with the reason and a message for people. */
public final class VerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why verification failed. */
  public enum Reason {
    /** Not a compact JWS, or its header or payload is not the JSON expected. */
    MALFORMED,
    /** The header names another algorithm than the key's, or one that is not allowed. */
    WRONG_ALGORITHM,
    /** The signature does not match the header and payload under this key. */
    BAD_SIGNATURE,
    /**
     * A VC-JWT claim ({@code iss}, {@code jti}, {@code sub}, {@code nbf}, {@code exp}) or header
     * that breaks the VC-JWT rules.
     */
    CLAIM_MISMATCH
  }

  private final Reason reason;

  public VerificationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
