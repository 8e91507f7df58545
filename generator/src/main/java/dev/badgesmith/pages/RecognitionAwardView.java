package dev.badgesmith.pages;

/**
 * An award on the recognition page.
 *
 * @param earner the display name of the earner, else their URL or DID
 * @param pageUrl the award's page
 * @param issuedOn {@code yyyy-MM-dd}
 */
public record RecognitionAwardView(
    String earner,
    String badgeName,
    String imageUrl,
    String imageAlt,
    String pageUrl,
    String issuedOn) {}
