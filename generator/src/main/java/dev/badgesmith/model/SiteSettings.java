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
 */
public record SiteSettings(
    String title,
    Optional<String> description,
    String baseUrl,
    String defaultIssuer,
    String language,
    ZoneId timeZone) {

  public SiteSettings {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(defaultIssuer, "defaultIssuer");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(timeZone, "timeZone");
    if (!baseUrl.endsWith("/")) {
      throw new IllegalArgumentException("baseUrl must end in '/': " + baseUrl);
    }
  }

  /** A URL of this site for a path under the output folder. */
  public SiteUrl url(String path) {
    return new SiteUrl(baseUrl, path);
  }
}
