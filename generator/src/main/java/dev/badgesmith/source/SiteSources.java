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
 * @param translations the texts of issuers, badge classes and awards in another language: {@code
 *     <id>.<language>.<extension>} beside the file they translate ({@link #translationOf})
 */
public record SiteSources(
    Path root,
    Optional<SourceFile> settings,
    List<SourceFile> issuers,
    List<SourceFile> badges,
    List<SourceFile> awards,
    List<SourceFile> frameworks,
    List<SourceFile> endorsements,
    List<SourceFile> staticFiles,
    List<SourceFile> translations) {

  public SiteSources {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(settings, "settings");
    issuers = List.copyOf(issuers);
    badges = List.copyOf(badges);
    awards = List.copyOf(awards);
    frameworks = List.copyOf(frameworks);
    endorsements = List.copyOf(endorsements);
    staticFiles = List.copyOf(staticFiles);
    translations = List.copyOf(translations);
  }

  /**
   * These files but the award files: what the stages after validation read, without an entry per
   * award (a large site's model holds its awards, and its scan need not be held beside them).
   */
  public SiteSources withoutAwards() {
    return new SiteSources(
        root,
        settings,
        issuers,
        badges,
        List.of(),
        frameworks,
        endorsements,
        staticFiles,
        translations);
  }

  /** The files of a site with no translation. */
  public SiteSources(
      Path root,
      Optional<SourceFile> settings,
      List<SourceFile> issuers,
      List<SourceFile> badges,
      List<SourceFile> awards,
      List<SourceFile> frameworks,
      List<SourceFile> endorsements,
      List<SourceFile> staticFiles) {
    this(root, settings, issuers, badges, awards, frameworks, endorsements, staticFiles, List.of());
  }

  /**
   * The id a translation file translates and its language, for a name such as {@code intro.de.md}:
   * ids are slugs without dots, so the first dot ends the id. Empty for a name with one dot.
   */
  public static Optional<String[]> translationOf(SourceFile file) {
    String id = file.id();
    int dot = id.indexOf('.');
    return dot < 0
        ? Optional.empty()
        : Optional.of(new String[] {id.substring(0, dot), id.substring(dot + 1)});
  }

  /** The files of a site that keeps no CASE package. */
  public SiteSources(
      Path root,
      Optional<SourceFile> settings,
      List<SourceFile> issuers,
      List<SourceFile> badges,
      List<SourceFile> awards,
      List<SourceFile> staticFiles) {
    this(root, settings, issuers, badges, awards, List.of(), List.of(), staticFiles, List.of());
  }
}
