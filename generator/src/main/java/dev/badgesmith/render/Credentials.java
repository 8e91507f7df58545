package dev.badgesmith.render;

import dev.badgesmith.ld.DataIntegrity;
import dev.badgesmith.sign.SigningKey;
import java.util.Objects;
import java.util.Optional;

/**
 * What signs a site's Open Badges 3.0 credentials.
 *
 * @param jwt the key of VC-JWTs, when the site publishes them
 * @param dataIntegrityKey the Ed25519 key of embedded {@code eddsa-rdfc-2022} proofs
 * @param dataIntegrity the proof suite, with the JSON-LD contexts it canonicalises with
 */
public record Credentials(
    Optional<SigningKey> jwt, Optional<SigningKey> dataIntegrityKey, DataIntegrity dataIntegrity) {

  public Credentials {
    Objects.requireNonNull(jwt, "jwt");
    Objects.requireNonNull(dataIntegrityKey, "dataIntegrityKey");
    Objects.requireNonNull(dataIntegrity, "dataIntegrity");
  }
}
