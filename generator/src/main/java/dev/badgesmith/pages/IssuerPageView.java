package dev.badgesmith.pages;

import java.util.List;

/**
 * An issuer's page: who gives the badges, and which.
 *
 * @param imageUrl the issuer's image, or null
 * @param descriptionHtml the description rendered from Markdown (headings from h2), or null
 * @param url the issuer's web site, or null when it is not an http(s) URL
 * @param jsonUrl the Open Badges 2.0 Profile
 * @param revocationListUrl the Open Badges 2.0 RevocationList
 * @param badges the issuer's badge classes
 * @param endorsements who endorses this issuer
 * @param gives the endorsements this issuer gives, linked to their pages
 */
public record IssuerPageView(
    FrameView frame,
    String name,
    String imageUrl,
    String descriptionHtml,
    String url,
    String jsonUrl,
    String revocationListUrl,
    List<BadgeSummaryView> badges,
    List<EndorsementView> endorsements,
    List<LinkView> gives) {

  public IssuerPageView {
    badges = List.copyOf(badges);
    endorsements = List.copyOf(endorsements);
    gives = List.copyOf(gives);
  }
}
