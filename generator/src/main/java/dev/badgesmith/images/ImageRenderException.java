package dev.badgesmith.images;

/**
 * An SVG that cannot be rendered: not well-formed, not SVG, or referring to something the renderer
 * refuses to load. A problem with the site's content, not with how Badgesmith was set up.
 */
public class ImageRenderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int element;

  public ImageRenderException(String message) {
    this(message, -1, null);
  }

  public ImageRenderException(String message, Throwable cause) {
    this(message, -1, cause);
  }

  /**
   * @param element the index, in document order, of the element the renderer refused, or -1
   */
  ImageRenderException(String message, int element, Throwable cause) {
    super(message, cause);
    this.element = element;
  }

  /** The index, in document order, of the element the renderer refused; -1 when not known. */
  int element() {
    return element;
  }
}
