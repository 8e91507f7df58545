package dev.badgesmith.pages;

import java.util.List;

/**
 * The criteria page of a badge class. Optional parts are null when absent, lists empty.
 *
 * @param language the badge's own language when it differs from the site's, else null
 * @param criteriaHtml the criteria narrative, already rendered and made safe by the Markdown
 *     renderer; the only field a template may print unescaped
 * @param issuer the issuer's name, linked to its web site
 * @param issuerJsonUrl the issuer's Open Badges 2.0 Profile
 * @param requires the badge classes this one stacks on, linked to their criteria pages
 * @param pathwayUrl the page that draws the badges this one builds on, or null when it builds on
 *     none
 * @param requirement a sentence on which of them earn it when that is not simply all of them ("any
 *     2 of ..."), else null
 * @param expiry a sentence on how long awards stay valid, or null when they do not expire
 * @param tags its tags, each linked to the gallery of that tag
 * @param jsonUrl the Open Badges 2.0 BadgeClass
 * @param awards every award of this badge class, revoked ones included and marked; empty when the
 *     site does not list earners
 * @param issuerPageUrl the issuer's page on this site
 * @param requiredBy the badge classes that stack on this one, linked to their criteria pages
 * @param listEarners whether the site lists earners on criteria pages ({@code pages.listEarners})
 * @param endorsements who endorses this badge class
 */
public record BadgePageView(
    FrameView frame,
    String language,
    String name,
    String description,
    String imageUrl,
    String imageAlt,
    String criteriaHtml,
    LinkView issuer,
    String issuerJsonUrl,
    List<LinkView> tags,
    List<AlignmentView> alignments,
    List<LinkView> requires,
    String pathwayUrl,
    String requirement,
    String expiry,
    String jsonUrl,
    List<AwardRowView> awards,
    String issuerPageUrl,
    List<LinkView> requiredBy,
    boolean listEarners,
    List<EndorsementView> endorsements) {

  public BadgePageView {
    requiredBy = List.copyOf(requiredBy);
    tags = List.copyOf(tags);
    alignments = List.copyOf(alignments);
    requires = List.copyOf(requires);
    awards = List.copyOf(awards);
    endorsements = List.copyOf(endorsements);
  }
}
