package dev.badgesmith;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Open Badges 1.x and 2.0 assertions to turn into award files ({@link
 * Badgesmith#importAssertions}).
 *
 * @param inputs JSON files (one assertion or a list), http(s) URLs, or baked PNG or SVG badges
 * @param badge the site's badge every assertion is an award of, unless mapped by {@code
 *     byBadgeClass}; without it, a BadgeClass is matched by this site's BadgeClass URL or its name
 * @param byBadgeClass the site's badge for a BadgeClass, by its id or name
 * @param network how URLs are fetched
 */
public record ImportRequest(
    List<String> inputs,
    Optional<String> badge,
    Map<String, String> byBadgeClass,
    Network network) {
  public ImportRequest {
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("nothing to import");
    }
    Objects.requireNonNull(badge, "badge");
    byBadgeClass = Map.copyOf(byBadgeClass);
    Objects.requireNonNull(network, "network");
  }
}
