package dev.badgesmith.model;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A public signing key of the site; its private part is never in the site.
 *
 * @param algorithm {@code RS256}, {@code ES256} or {@code Ed25519}
 * @param publicKeyPem the SPKI PEM text, from {@code source}
 * @param revoked a revoked key is not published for verification, so what it signed fails
 */
public record PublishedKey(
    String id,
    String algorithm,
    String publicKeyPem,
    Optional<OffsetDateTime> validFrom,
    Optional<OffsetDateTime> validUntil,
    boolean revoked,
    String source) {

  public PublishedKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(publicKeyPem, "publicKeyPem");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(source, "source");
  }
}
