package dev.badgesmith.pages;

/**
 * One award in the list on a criteria page. It never holds the recipient's identity, hashed or not:
 * only the display name the award record chose to publish.
 *
 * @param recipientName the published display name, or null
 * @param issuedOn {@code yyyy-MM-dd}
 * @param expires {@code yyyy-MM-dd}, or null
 * @param revokedOn {@code yyyy-MM-dd} of a revoked award that gives a date, else null
 * @param pageUrl the award's page
 * @param expired whether the award expired before the build date (false when revoked)
 * @param earnerUrl the earner's page, or null
 */
public record AwardRowView(
    String id,
    String recipientName,
    String issuedOn,
    String expires,
    boolean revoked,
    String revokedOn,
    String pageUrl,
    boolean expired,
    String earnerUrl) {}
