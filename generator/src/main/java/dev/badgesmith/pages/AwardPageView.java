package dev.badgesmith.pages;

import java.util.List;

/**
 * An award's page: what its earner shares. Optional values are null; lists may be empty.
 *
 * @param imageUrl the badge baked with this award (for a revoked award, the plain design)
 * @param recipientName the display name the award record chose to publish, or null
 * @param expires the date the award stops being valid, or null
 * @param revokedReason why the award was revoked, or null while it stands
 * @param narrativeHtml the award's narrative rendered from Markdown, or null
 * @param linkedInUrl a pre-filled LinkedIn "Add to profile" link, or null for a revoked award
 * @param issuerPageUrl the issuer's page on this site
 * @param expired whether the award expired before the build date; false for a revoked award, as
 *     revocation says more
 * @param earnerUrl the earner's page, or null when the site publishes none for this earner
 * @param verifyUrl the site's verify page, where a downloaded badge can be checked
 * @param endorsements who endorses this award
 */
public record AwardPageView(
    FrameView frame,
    String badgeName,
    String badgeDescription,
    String criteriaUrl,
    String imageUrl,
    String imageAlt,
    String recipientName,
    LinkView issuer,
    String issuedOn,
    String expires,
    String revokedReason,
    String revokedOn,
    String narrativeHtml,
    List<EvidenceView> evidence,
    List<LinkView> downloads,
    String linkedInUrl,
    String issuerPageUrl,
    boolean expired,
    String earnerUrl,
    String verifyUrl,
    List<EndorsementView> endorsements) {

  public AwardPageView {
    evidence = List.copyOf(evidence);
    downloads = List.copyOf(downloads);
    endorsements = List.copyOf(endorsements);
  }
}
