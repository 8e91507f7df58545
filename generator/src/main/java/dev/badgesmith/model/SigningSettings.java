package dev.badgesmith.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code signing} section of {@code site.yaml}: the site's published keys and which of them
 * sign what. With it, the site publishes Open Badges 3.0 credentials.
 *
 * @param issuerIdIsDid whether credentials name the issuer by the site's did:web (else by the
 *     issuer's profile URL)
 * @param jwtKey the key that signs VC-JWTs (RS256 or ES256), when the site publishes them
 * @param dataIntegrityKey the Ed25519 key of {@code eddsa-rdfc-2022} proofs, when the site adds
 *     them
 * @param keys every key the site publishes: current ones and earlier ones, so that credentials
 *     signed before a rotation still verify
 * @param ob2Signed whether Open Badges 2.0 assertions are signed (a JWS, by the RS256 {@code jwt}
 *     key) instead of hosted
 */
public record SigningSettings(
    boolean issuerIdIsDid,
    Optional<String> jwtKey,
    Optional<String> dataIntegrityKey,
    List<PublishedKey> keys,
    boolean ob2Signed) {

  public SigningSettings {
    Objects.requireNonNull(jwtKey, "jwtKey");
    Objects.requireNonNull(dataIntegrityKey, "dataIntegrityKey");
    keys = List.copyOf(keys);
  }

  public Optional<PublishedKey> key(String id) {
    return keys.stream().filter(k -> k.id().equals(id)).findFirst();
  }
}
