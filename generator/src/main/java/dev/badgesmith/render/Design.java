package dev.badgesmith.render;

import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.SvgBaker;
import java.util.Optional;

/**
 * A badge class's design as published, and as PNG (the design itself, or rendered from SVG); an SVG
 * design read once for baking each version into it.
 *
 * @param format {@code png} or {@code svg}
 */
record Design(
    byte[] source,
    String format,
    byte[] png,
    Optional<SvgBaker.Template> ob2Svg,
    Optional<SvgBaker.Template> ob3Svg) {

  static Design of(byte[] source, String format, byte[] png) {
    boolean svg = format.equals("svg");
    return new Design(
        source,
        format,
        png,
        svg ? Optional.of(SvgBaker.template(source, BadgeVersion.OB2)) : Optional.empty(),
        svg ? Optional.of(SvgBaker.template(source, BadgeVersion.OB3)) : Optional.empty());
  }

  boolean isSvg() {
    return format.equals("svg");
  }
}
