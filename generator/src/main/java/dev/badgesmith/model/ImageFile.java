package dev.badgesmith.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A design image in the badge site, published as is (a PNG) or as checked and written again (an
 * SVG: see {@code ImageInspector.publishedSvg}).
 *
 * @param source the file, relative to the site root: the image, or the badge class whose {@code
 *     design:} block it is drawn from
 * @param format {@code png} or {@code svg}
 * @param drawn the SVG drawn from a {@code design:} block, which then stands for the file's bytes
 * @param design the {@code design:} block it is drawn from, for what shows a design's choices (the
 *     preview's gallery)
 */
public record ImageFile(
    String source, String format, Optional<String> drawn, Optional<DrawnDesign> design) {

  public ImageFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(drawn, "drawn");
    Objects.requireNonNull(design, "design");
    if (!format.equals("png") && !format.equals("svg")) {
      throw new IllegalArgumentException("images are png or svg: " + format);
    }
    if (drawn.isPresent() && !format.equals("svg")) {
      throw new IllegalArgumentException("a drawn design is SVG");
    }
    if (design.isPresent() != drawn.isPresent()) {
      throw new IllegalArgumentException("a design is drawn from its design: block");
    }
  }

  /** An image file of the site. */
  public ImageFile(String source, String format) {
    this(source, format, Optional.empty(), Optional.empty());
  }
}
