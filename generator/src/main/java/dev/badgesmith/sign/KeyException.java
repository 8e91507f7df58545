package dev.badgesmith.sign;

import dev.badgesmith.diag.BadgesmithException;

/**
 * A key that cannot be read, has an algorithm other than the one declared, or does not match its
 * other half: a setup problem, so the command line exits 2.
 */
public class KeyException extends BadgesmithException {
  private static final long serialVersionUID = 1L;

  public KeyException(String message) {
    super(message);
  }

  public KeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
