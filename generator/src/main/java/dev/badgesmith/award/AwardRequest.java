package dev.badgesmith.award;

import dev.badgesmith.pathway.EarnerKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A new award, as given on the command line.
 *
 * @param identityKey {@code email}, {@code url}, {@code telephone} or {@code did}
 * @param awardId the file name to use; derived from the recipient when empty
 * @param hash store only the salted hash of the identity, so the repository never holds it
 * @param earner the keyed earner key to store beside the hashed identity (see {@link
 *     EarnerKey#keyed}); ignored when the identity is written in plain
 */
public record AwardRequest(
    String badgeId,
    Optional<String> awardId,
    String identityKey,
    String identity,
    Optional<String> name,
    LocalDate issuedOn,
    Optional<String> narrative,
    List<String> evidence,
    boolean hash,
    Optional<EarnerKey> earner) {

  /** An award that stores no earner key. */
  public AwardRequest(
      String badgeId,
      Optional<String> awardId,
      String identityKey,
      String identity,
      Optional<String> name,
      LocalDate issuedOn,
      Optional<String> narrative,
      List<String> evidence,
      boolean hash) {
    this(
        badgeId,
        awardId,
        identityKey,
        identity,
        name,
        issuedOn,
        narrative,
        evidence,
        hash,
        Optional.empty());
  }

  public AwardRequest {
    Objects.requireNonNull(badgeId, "badgeId");
    Objects.requireNonNull(awardId, "awardId");
    Objects.requireNonNull(identityKey, "identityKey");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(issuedOn, "issuedOn");
    Objects.requireNonNull(narrative, "narrative");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(earner, "earner");
  }
}
