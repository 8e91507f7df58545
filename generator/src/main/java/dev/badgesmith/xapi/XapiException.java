package dev.badgesmith.xapi;

/**
 * Statements could not be made or sent; the message says why in words a user can act on, and is
 * meant to be printed without a stack trace.
 */
public final class XapiException extends Exception {
  private static final long serialVersionUID = 1L;

  public XapiException(String message) {
    super(message);
  }
}
