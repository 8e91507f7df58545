package dev.badgesmith.model;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of {@code site.yaml}, checked.
 *
 * @param baseUrl the public HTTPS URL the site is served at, ending in {@code /}
 * @param defaultIssuer the issuer id a badge class uses when it names none
 * @param timeZone the zone for dates given without one
 * @param pngSize the width and height of the PNG rendered from an SVG design, in pixels
 * @param maxImageBytes the largest design or issuer image allowed
 * @param signing the keys and proofs of Open Badges 3.0 credentials; without it the site publishes
 *     Open Badges 2.0 only
 * @param pages which pages about earners the site publishes, and whether they are indexed
 */
public record SiteSettings(
    String title,
    Optional<String> description,
    String baseUrl,
    String defaultIssuer,
    String language,
    ZoneId timeZone,
    int pngSize,
    long maxImageBytes,
    Optional<SigningSettings> signing,
    PageSettings pages) {

  public static final int DEFAULT_PNG_SIZE = 512;
  public static final long DEFAULT_MAX_IMAGE_BYTES = 256 * 1024;

  public SiteSettings {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(defaultIssuer, "defaultIssuer");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(pages, "pages");
    if (pngSize < 16 || maxImageBytes < 1) {
      throw new IllegalArgumentException(
          "image settings out of range: " + pngSize + ", " + maxImageBytes);
    }
    if (!baseUrl.endsWith("/")) {
      throw new IllegalArgumentException("baseUrl must end in '/': " + baseUrl);
    }
  }

  /** The same settings with another base URL, such as a local preview's. */
  public SiteSettings withBaseUrl(String otherBaseUrl) {
    return new SiteSettings(
        title,
        description,
        otherBaseUrl,
        defaultIssuer,
        language,
        timeZone,
        pngSize,
        maxImageBytes,
        signing,
        pages);
  }

  /** A URL of this site for a path under the output folder. */
  public SiteUrl url(String path) {
    return new SiteUrl(baseUrl, path);
  }
}
