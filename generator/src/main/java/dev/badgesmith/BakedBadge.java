package dev.badgesmith;

import java.util.Objects;
import java.util.Optional;

/**
 * An assertion or credential baked into an image ({@link Badgesmith#extract}).
 *
 * @param version the Open Badges version, in words ({@code Open Badges 2.0 assertion})
 * @param format {@code png} or {@code svg}
 * @param carrier where it was found, such as {@code iTXt "openbadges"}
 * @param payload the assertion or credential (JSON or a compact JWS); for an SVG element with an
 *     empty body, its {@code verify} attribute
 * @param verify the SVG element's {@code verify} attribute, when it has one
 */
public record BakedBadge(
    String version, String format, String carrier, String payload, Optional<String> verify) {
  public BakedBadge {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(carrier, "carrier");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(verify, "verify");
  }
}
