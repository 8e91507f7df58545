package dev.badgesmith.serve;

import dev.badgesmith.model.Site;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a preview serves: the latest build's number, where the built site sits under the origin
 * (empty until a build succeeded), what went wrong in the latest build, and the site of the latest
 * good build, whose designs the gallery shows.
 */
record PreviewState(
    long generation, Optional<String> basePath, List<String> problems, Optional<Site> site) {
  PreviewState {
    problems = List.copyOf(problems);
    Objects.requireNonNull(site, "site");
  }
}
