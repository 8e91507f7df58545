package dev.badgesmith.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An issuer profile.
 *
 * @param description Markdown
 */
public record Issuer(
    String id,
    String name,
    String url,
    String email,
    Optional<String> description,
    Optional<ImageFile> image,
    String source) {

  public Issuer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(source, "source");
  }
}
