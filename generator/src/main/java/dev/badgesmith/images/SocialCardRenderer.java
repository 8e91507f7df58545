package dev.badgesmith.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Renders a badge class's social card (the preview image of Open Graph, LinkedIn and the like) from
 * an SVG document of {@value #WIDTH} × {@value #HEIGHT}, which the pages package makes from the
 * theme's {@code social-card.svg.ftlx}. Shares the rasterizer's cache.
 *
 * <p>Fonts: Batik draws text with the fonts AWT finds on the system, trying each family of a {@code
 * font-family} list in turn; the default card's list ends in the generic {@code sans-serif}, which
 * AWT maps to its SansSerif font (DejaVu Sans on Debian, from {@code fonts-dejavu-core}). Without
 * any font installed text is not drawn, so CI installs that package.
 */
public final class SocialCardRenderer {
  /** The card's width in px: the size Open Graph and LinkedIn recommend (1.91:1). */
  public static final int WIDTH = 1200;

  /** The card's height in px. */
  public static final int HEIGHT = 630;

  private final SvgRasterizer rasterizer;

  public SocialCardRenderer(SvgRasterizer rasterizer) {
    this.rasterizer = Objects.requireNonNull(rasterizer, "rasterizer");
  }

  /**
   * A PNG of {@value #WIDTH} × {@value #HEIGHT} px.
   *
   * @throws ImageRenderException if the card's SVG cannot be rendered
   * @throws IOException if the cache folder cannot be read or written
   */
  public byte[] render(String cardSvg) throws IOException {
    Objects.requireNonNull(cardSvg, "cardSvg");
    return rasterizer.toPng(cardSvg.getBytes(StandardCharsets.UTF_8), WIDTH, HEIGHT);
  }
}
