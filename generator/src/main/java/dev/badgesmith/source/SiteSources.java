package dev.badgesmith.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The files of a badge site, by role, each list sorted by path.
 *
 * @param frameworks the CASE packages of {@code frameworks/}: read by the build, never published
 * @param endorsements the endorsements this site's issuers give, {@code endorsements/<id>.yaml}
 */
public record SiteSources(
    Path root,
    Optional<SourceFile> settings,
    List<SourceFile> issuers,
    List<SourceFile> badges,
    List<SourceFile> awards,
    List<SourceFile> frameworks,
    List<SourceFile> endorsements,
    List<SourceFile> staticFiles) {

  public SiteSources {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(settings, "settings");
    issuers = List.copyOf(issuers);
    badges = List.copyOf(badges);
    awards = List.copyOf(awards);
    frameworks = List.copyOf(frameworks);
    endorsements = List.copyOf(endorsements);
    staticFiles = List.copyOf(staticFiles);
  }

  /** The files of a site that keeps no CASE package. */
  public SiteSources(
      Path root,
      Optional<SourceFile> settings,
      List<SourceFile> issuers,
      List<SourceFile> badges,
      List<SourceFile> awards,
      List<SourceFile> staticFiles) {
    this(root, settings, issuers, badges, awards, List.of(), List.of(), staticFiles);
  }
}
