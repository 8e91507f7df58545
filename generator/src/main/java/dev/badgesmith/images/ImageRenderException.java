package dev.badgesmith.images;

/**
 * An SVG that cannot be rendered: not well-formed, not SVG, or referring to something the renderer
 * refuses to load. A problem with the site's content, not with how Badgesmith was set up.
 */
public class ImageRenderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ImageRenderException(String message) {
    super(message);
  }

  public ImageRenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
