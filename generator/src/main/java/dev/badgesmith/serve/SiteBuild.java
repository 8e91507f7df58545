package dev.badgesmith.serve;

import dev.badgesmith.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** One build of the previewed site into the preview's output folder. */
@FunctionalInterface
public interface SiteBuild {
  /**
   * Builds {@code site} into {@code output}.
   *
   * @throws dev.badgesmith.diag.BadgesmithException for a setup problem
   */
  Built build(Path site, Path output);

  /**
   * What a build found and wrote.
   *
   * @param errors how many errors, worded as every other report of a build words it
   */
  record Built(List<Diagnostic> diagnostics, int filesWritten, String errors) {
    public Built {
      diagnostics = List.copyOf(diagnostics);
      Objects.requireNonNull(errors, "errors");
    }
  }
}
