package dev.badgesmith.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who earned an award, as published: only the hashed identity and its salt, never the address.
 *
 * @param type the Open Badges 2.0 identity type: {@code email}, {@code url}, {@code telephone} or
 *     {@code id} (for a DID)
 * @param identity {@code sha256$} and 64 lowercase hex digits
 * @param name a display name the record chose to publish
 */
public record Recipient(String type, String identity, String salt, Optional<String> name) {
  private static final Pattern HASH = Pattern.compile("sha256\\$[0-9a-f]{64}");

  public Recipient {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(name, "name");
    if (!HASH.matcher(identity).matches()) {
      throw new IllegalArgumentException("identity must be a sha256 hash: " + identity);
    }
  }
}
