package dev.badgesmith.render;

import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.SvgBaker;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A badge class's design as published, and as PNG (the design itself, or rendered from SVG); an SVG
 * design read for baking each version into it the first time an award of its class needs it, once:
 * a rebuild that renders one award reads one design, not every badge class's.
 */
final class Design {
  private final byte[] source;
  private final String format;
  private final byte[] png;
  private final Map<BadgeVersion, Optional<SvgBaker.Template>> templates =
      new ConcurrentHashMap<>();

  /**
   * @param format {@code png} or {@code svg}
   */
  private Design(byte[] source, String format, byte[] png) {
    this.source = source;
    this.format = format;
    this.png = png;
  }

  static Design of(byte[] source, String format, byte[] png) {
    return new Design(source, format, png);
  }

  byte[] source() {
    return source;
  }

  String format() {
    return format;
  }

  byte[] png() {
    return png;
  }

  boolean isSvg() {
    return format.equals("svg");
  }

  /** The SVG design read for baking Open Badges 2.0 assertions; empty for a PNG design. */
  Optional<SvgBaker.Template> ob2Svg() {
    return template(BadgeVersion.OB2);
  }

  /** The SVG design read for baking Open Badges 3.0 credentials; empty for a PNG design. */
  Optional<SvgBaker.Template> ob3Svg() {
    return template(BadgeVersion.OB3);
  }

  private Optional<SvgBaker.Template> template(BadgeVersion version) {
    return templates.computeIfAbsent(
        version, v -> isSvg() ? Optional.of(SvgBaker.template(source, v)) : Optional.empty());
  }
}
