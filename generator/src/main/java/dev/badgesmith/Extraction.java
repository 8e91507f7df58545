package dev.badgesmith;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a baked image carries ({@link Badgesmith#extract}).
 *
 * @param badges every assertion and credential found, in the order of the image
 * @param corrupt why the image could not be read, when it could not; then {@code badges} is empty
 */
public record Extraction(List<BakedBadge> badges, Optional<String> corrupt) {
  public Extraction {
    badges = List.copyOf(badges);
    Objects.requireNonNull(corrupt, "corrupt");
    if (corrupt.isPresent() && !badges.isEmpty()) {
      throw new IllegalArgumentException("a corrupt image yields no badge");
    }
  }
}
