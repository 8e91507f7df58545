package dev.badgesmith.pages;

/**
 * What an award's certificate shows, for the theme's {@code certificate.xml.ftlx}. Optional values
 * are null. Text holds no character XML cannot carry.
 *
 * @param language the site's BCP 47 language tag
 * @param siteTitle the site's name
 * @param badgeName the badge's name
 * @param holder the display name the award record publishes, or null: never the recipient's
 *     identity
 * @param issuerName the issuer's name
 * @param issuedOn the date of issue, {@code YYYY-MM-DD}
 * @param issuedOnText the date of issue in words, in the site's language
 * @param expires the expiry, {@code YYYY-MM-DD}, or null
 * @param expiresText the expiry in words, or null
 * @param criteriaSummary the criteria as plain text, cut at about 400 characters
 * @param pageUrl the award page, which the QR code leads to
 * @param revoked whether the award was revoked
 * @param revokedOn the date of revocation, or null
 * @param revokedReason why it was revoked, or null
 * @param t a message of the site's language: {@code ${t("key", args...)}}
 */
public record CertificateView(
    String language,
    String siteTitle,
    String badgeName,
    String holder,
    String issuerName,
    String issuedOn,
    String issuedOnText,
    String expires,
    String expiresText,
    String criteriaSummary,
    String pageUrl,
    boolean revoked,
    String revokedOn,
    String revokedReason,
    freemarker.template.TemplateMethodModelEx t) {}
