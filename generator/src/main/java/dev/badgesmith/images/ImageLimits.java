package dev.badgesmith.images;

import java.util.Locale;

/**
 * How much rendering work a badge or issuer image may ask for. Each limit is far above what a badge
 * needs and far below what would exhaust a build's memory; {@code check} and {@code build} refuse
 * an image over any of them with the same diagnostic, so neither ever runs out of memory.
 */
public final class ImageLimits {
  /**
   * The most pixels (width x height) of a PNG design, of a PNG embedded in an SVG (all of them
   * together), and of a PNG rendered from an SVG: 4096 x 4096, 64 MB once decoded to ARGB.
   */
  public static final long MAX_PIXELS = 4096L * 4096L;

  /** The most elements an SVG file may hold. */
  public static final int MAX_ELEMENTS = 20_000;

  /**
   * The deepest an SVG may nest: elements in elements, and references followed from an element
   * ({@code <use>}, gradients, patterns, clip paths, masks, filters) counted as one level each.
   * Batik recurses once or more per level and overflows its stack somewhere past 500.
   */
  public static final int MAX_DEPTH = 100;

  /**
   * The most elements an SVG may draw: each element once, plus what each {@code <use>} copies and
   * each reference to a gradient, pattern, clip path, mask or filter draws again, recursively, and
   * one for each character of text. Batik keeps about 8 KB per element it draws: 50,000 is some 400
   * MB.
   */
  public static final long MAX_DRAWN = 50_000;

  /**
   * The most tiles of patterns an SVG may draw, over every element a pattern fills or strokes:
   * Batik draws each tile, so a tile of a hundredth of a unit filling the canvas took 23 s. As many
   * tiles as the largest PNG has pixels: a tile smaller than a pixel shows nothing anyway.
   */
  public static final double MAX_PATTERN_TILES = MAX_PIXELS;

  /**
   * The most dashes the dashed strokes of an SVG may draw: Java 2D takes some 20 microseconds a
   * dash, so a circle with dashes of 0.00001 units took 13 to 30 s. A dashed border needs a few
   * hundred.
   */
  public static final double MAX_DASHES = 100_000;

  private ImageLimits() {}

  /** A count as written in messages: {@code 16,777,216}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
