package dev.badgesmith.render;

/**
 * A badge class's design as published, and as PNG (the design itself, or rendered from SVG).
 *
 * @param format {@code png} or {@code svg}
 */
record Design(byte[] source, String format, byte[] png) {
  boolean isSvg() {
    return format.equals("svg");
  }
}
