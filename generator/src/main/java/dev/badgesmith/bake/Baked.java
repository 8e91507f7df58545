package dev.badgesmith.bake;

import java.util.Objects;
import java.util.Optional;

/**
 * One payload found in an image.
 *
 * @param version the Open Badges version, from the PNG keyword or the SVG element's namespace
 * @param format {@code png} or {@code svg}
 * @param carrier where it was found, such as {@code iTXt "openbadges"} or {@code
 *     <openbadges:assertion>}
 * @param payload the assertion or credential (JSON or a compact JWS); for an SVG element with an
 *     empty body, its {@code verify} attribute
 * @param verify the SVG element's {@code verify} attribute, when it has one
 */
public record Baked(
    BadgeVersion version, String format, String carrier, String payload, Optional<String> verify) {
  public Baked {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(carrier, "carrier");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(verify, "verify");
  }
}
