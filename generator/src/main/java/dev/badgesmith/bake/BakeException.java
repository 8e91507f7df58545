package dev.badgesmith.bake;

/** An image that cannot be baked or read: not a PNG or SVG, or a corrupt one. */
public class BakeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BakeException(String message) {
    super(message);
  }

  public BakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
