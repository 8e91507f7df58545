package dev.badgesmith.model;

import java.util.Objects;

/**
 * A design image in the badge site, published as is (a PNG) or as checked and written again (an
 * SVG: see {@code ImageInspector.publishedSvg}).
 *
 * @param source the file, relative to the site root
 * @param format {@code png} or {@code svg}
 */
public record ImageFile(String source, String format) {

  public ImageFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    if (!format.equals("png") && !format.equals("svg")) {
      throw new IllegalArgumentException("images are png or svg: " + format);
    }
  }
}
