package dev.badgesmith;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A new award, as given on the command line ({@link Badgesmith#award}).
 *
 * @param badgeId the badge class's id
 * @param awardId the file name to use; derived from the recipient when empty
 * @param identityKey {@code email}, {@code url}, {@code telephone} or {@code did}
 * @param name a display name to publish on the award page
 * @param narrative what the recipient did, in Markdown
 * @param evidence links to evidence
 * @param hash store only the salted hash of the identity, so the repository never holds it
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
    boolean hash) {

  public AwardRequest {
    Objects.requireNonNull(badgeId, "badgeId");
    Objects.requireNonNull(awardId, "awardId");
    if (!List.of("email", "url", "telephone", "did").contains(identityKey)) {
      throw new IllegalArgumentException("not a kind of identity: " + identityKey);
    }
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(issuedOn, "issuedOn");
    Objects.requireNonNull(narrative, "narrative");
    evidence = List.copyOf(evidence);
  }
}
