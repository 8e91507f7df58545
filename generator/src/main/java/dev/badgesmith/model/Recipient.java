package dev.badgesmith.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Who earned an award, as published: only the hashed identity and its salt, never the address.
 *
 * @param type the Open Badges 2.0 identity type: {@code email}, {@code url}, {@code telephone} or
 *     {@code id} (for a DID)
 * @param identity {@code sha256$} and 64 lowercase hex digits
 * @param name a display name the record chose to publish
 * @param publicId the URL or DID the earner is named by on their earner page and the recognition
 *     page: set only for a recipient given by {@code url} or {@code did} on a site that publishes
 *     either, so no other identity can reach a page
 */
public record Recipient(
    String type, String identity, String salt, Optional<String> name, Optional<String> publicId) {
  private static final String HASH_PREFIX = "sha256$";

  public Recipient {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(publicId, "publicId");
    if (publicId.isPresent() && !type.equals("url") && !type.equals("id")) {
      throw new IllegalArgumentException("only a URL or DID is public, not a " + type);
    }
    if (!isHash(identity)) {
      throw new IllegalArgumentException("identity must be a sha256 hash: " + identity);
    }
  }

  /** A recipient without an earner page. */
  public Recipient(String type, String identity, String salt, Optional<String> name) {
    this(type, identity, salt, name, Optional.empty());
  }

  /**
   * Whether a text is {@code sha256$} and 64 lowercase hex digits: checked by hand, as a large
   * site's every award is made through here on each run.
   */
  private static boolean isHash(String text) {
    if (text.length() != HASH_PREFIX.length() + 64 || !text.startsWith(HASH_PREFIX)) {
      return false;
    }
    for (int i = HASH_PREFIX.length(); i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
