package dev.badgesmith.model;

import java.util.Objects;
import java.util.Optional;

/** Evidence of an award; every field is optional, but at least one is present. */
public record Evidence(
    Optional<String> url,
    Optional<String> name,
    Optional<String> description,
    Optional<String> narrative,
    Optional<String> genre,
    Optional<String> audience) {

  public Evidence {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(narrative, "narrative");
    Objects.requireNonNull(genre, "genre");
    Objects.requireNonNull(audience, "audience");
  }
}
