package dev.badgesmith.serve;

import java.util.List;
import java.util.Optional;

/**
 * What a preview serves: the latest build's number, where the built site sits under the origin
 * (empty until a build succeeded), and what went wrong in the latest build.
 */
record PreviewState(long generation, Optional<String> basePath, List<String> problems) {
  PreviewState {
    problems = List.copyOf(problems);
  }
}
