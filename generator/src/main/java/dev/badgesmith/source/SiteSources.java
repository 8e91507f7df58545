package dev.badgesmith.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The files of a badge site, by role, each list sorted by path. */
public record SiteSources(
    Path root,
    Optional<SourceFile> settings,
    List<SourceFile> issuers,
    List<SourceFile> badges,
    List<SourceFile> awards,
    List<SourceFile> staticFiles) {

  public SiteSources {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(settings, "settings");
    issuers = List.copyOf(issuers);
    badges = List.copyOf(badges);
    awards = List.copyOf(awards);
    staticFiles = List.copyOf(staticFiles);
  }
}
