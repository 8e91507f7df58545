package dev.badgesmith.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One award of a badge class to one recipient.
 *
 * @param expires from the award, or from the badge class's {@code validFor}
 * @param narrative Markdown
 * @param language the language the award is written and issued in, when it is not the site's
 *     default: its credential, certificate and texts are in it
 */
public record Award(
    String badgeId,
    String id,
    Recipient recipient,
    OffsetDateTime issuedOn,
    Optional<OffsetDateTime> expires,
    Optional<String> narrative,
    List<Evidence> evidence,
    Optional<Revocation> revocation,
    String source,
    Optional<String> language) {

  public Award {
    Objects.requireNonNull(badgeId, "badgeId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(issuedOn, "issuedOn");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(narrative, "narrative");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(revocation, "revocation");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(language, "language");
  }

  /** An award in the site's default language. */
  public Award(
      String badgeId,
      String id,
      Recipient recipient,
      OffsetDateTime issuedOn,
      Optional<OffsetDateTime> expires,
      Optional<String> narrative,
      List<Evidence> evidence,
      Optional<Revocation> revocation,
      String source) {
    this(
        badgeId,
        id,
        recipient,
        issuedOn,
        expires,
        narrative,
        evidence,
        revocation,
        source,
        Optional.empty());
  }

  public boolean revoked() {
    return revocation.isPresent();
  }
}
