package dev.badgesmith.model;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * An endorsement one of the site's issuers gives: a claim, in its own words, about a badge class,
 * an issuer or an award of this site, or a badge class or issuer elsewhere.
 *
 * @param endorserId the id of the issuer that gives it
 * @param claim the endorsement's comment, Markdown
 */
public record Endorsement(
    String id,
    String endorserId,
    Target target,
    String claim,
    OffsetDateTime issuedOn,
    Optional<Revocation> revocation,
    String source) {

  public Endorsement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(endorserId, "endorserId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(issuedOn, "issuedOn");
    Objects.requireNonNull(revocation, "revocation");
    Objects.requireNonNull(source, "source");
  }

  public boolean revoked() {
    return revocation.isPresent();
  }

  /** What is endorsed. */
  public enum Kind {
    BADGE,
    ISSUER,
    AWARD
  }

  /**
   * What an endorsement names.
   *
   * @param ref the id of a badge class or issuer of this site, {@code <badge-id>/<award-id>} for an
   *     award, or the URL of a badge class or issuer elsewhere
   */
  public record Target(Kind kind, String ref) {
    public Target {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(ref, "ref");
    }

    /** Whether it lies outside this site: named by its URL. */
    public boolean external() {
      return ref.contains(":");
    }

    /** Whether it is the badge class, issuer or award of this site with this id. */
    public boolean is(Kind kind, String id) {
      return this.kind == kind && ref.equals(id);
    }
  }
}
