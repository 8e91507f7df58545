package dev.badgesmith.pages;

/**
 * One award on an earner's page.
 *
 * @param pageUrl the award's page
 * @param criteriaUrl the badge class's criteria page
 * @param issuer the issuer's name, linked to its page on this site
 * @param issuedOn {@code yyyy-MM-dd}
 * @param expires {@code yyyy-MM-dd}, or null
 * @param expired whether it expired before the build date
 * @param narrativeHtml the award's narrative rendered from Markdown (headings from h4), or null
 */
public record EarnerAwardView(
    String badgeName,
    String pageUrl,
    String criteriaUrl,
    String imageUrl,
    String imageAlt,
    LinkView issuer,
    String issuedOn,
    String expires,
    boolean expired,
    String narrativeHtml) {}
