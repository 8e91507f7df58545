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
 * @param language the language these settings render in: the default (the first of {@code
 *     languages}) for the site itself, another for its pages in that language ({@link #inLanguage})
 * @param languages every language the site publishes, the default first
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
    PageSettings pages,
    java.util.List<String> languages) {

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
    languages = java.util.List.copyOf(languages);
    if (!languages.contains(language)) {
      throw new IllegalArgumentException(language + " is not one of " + languages);
    }
    if (pngSize < 16 || maxImageBytes < 1) {
      throw new IllegalArgumentException(
          "image settings out of range: " + pngSize + ", " + maxImageBytes);
    }
    if (!baseUrl.endsWith("/")) {
      throw new IllegalArgumentException("baseUrl must end in '/': " + baseUrl);
    }
  }

  /** Settings of a site in one language. */
  public SiteSettings(
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
    this(
        title,
        description,
        baseUrl,
        defaultIssuer,
        language,
        timeZone,
        pngSize,
        maxImageBytes,
        signing,
        pages,
        java.util.List.of(language));
  }

  /** The site's default language: its pages at the root are in it. */
  public String defaultLanguage() {
    return languages.get(0);
  }

  /** Whether the site publishes its pages in more than one language. */
  public boolean multilingual() {
    return languages.size() > 1;
  }

  /** The same settings rendering in another of the site's languages. */
  public SiteSettings inLanguage(String other) {
    return new SiteSettings(
        title,
        description,
        baseUrl,
        defaultIssuer,
        other,
        timeZone,
        pngSize,
        maxImageBytes,
        signing,
        pages,
        languages);
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
        pages,
        languages);
  }

  /** A URL of this site for a path under the output folder. */
  public SiteUrl url(String path) {
    return new SiteUrl(baseUrl, path);
  }
}
