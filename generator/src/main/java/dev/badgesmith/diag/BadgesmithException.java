package dev.badgesmith.diag;

/**
 * A problem with how Badgesmith was called or set up (a missing site folder, an output folder it
 * must not replace), as opposed to a mistake in the site's content, which is a diagnostic.
 */
public class BadgesmithException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadgesmithException(String message) {
    super(message);
  }

  public BadgesmithException(String message, Throwable cause) {
    super(message, cause);
  }
}
