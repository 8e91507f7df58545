package dev.badgesmith.certificate;

/**
 * A certificate layout that cannot be drawn, or a PDF that cannot be read: the message says why.
 */
public final class CertificateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CertificateException(String message) {
    super(message);
  }

  public CertificateException(String message, Throwable cause) {
    super(message, cause);
  }
}
