package dev.badgesmith.importer;

import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.load.Docs.EvidenceDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.load.Docs.RevocationDoc;
import dev.badgesmith.load.Located;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Open Badges 1.0, 1.1 or 2.0 assertion as read for import, before it is matched to a badge
 * class of the site.
 *
 * @param version such as {@code Open Badges 2.0}
 * @param id the assertion's id ({@code id}, else the 1.x {@code uid} or {@code verify.url})
 * @param badgeClassId the BadgeClass's URL, when given
 * @param badgeClassName the BadgeClass's name, when the assertion embeds it
 * @param badgeAt where the assertion names its BadgeClass
 * @param at where the assertion starts
 * @param recipient a hashed identity as given, or a plain one (to be hashed)
 */
record ImportedAssertion(
    String version,
    Optional<String> id,
    Optional<String> badgeClassId,
    Optional<String> badgeClassName,
    SourcePosition badgeAt,
    SourcePosition at,
    RecipientDoc recipient,
    Located<String> issuedOn,
    Optional<Located<String>> expires,
    Optional<String> narrative,
    List<EvidenceDoc> evidence,
    Optional<RevocationDoc> revoked) {
  ImportedAssertion {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(badgeClassId, "badgeClassId");
    Objects.requireNonNull(badgeClassName, "badgeClassName");
    Objects.requireNonNull(badgeAt, "badgeAt");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(issuedOn, "issuedOn");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(narrative, "narrative");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(revoked, "revoked");
  }
}
