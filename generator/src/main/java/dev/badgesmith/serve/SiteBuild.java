package dev.badgesmith.serve;

import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.model.Site;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
   * @param site the site as published, when the build published it: the preview's design gallery
   *     shows its designs
   */
  record Built(List<Diagnostic> diagnostics, int filesWritten, String errors, Optional<Site> site) {
    public Built {
      diagnostics = List.copyOf(diagnostics);
      Objects.requireNonNull(errors, "errors");
      Objects.requireNonNull(site, "site");
    }

    /** A build with no site to show beside it. */
    public Built(List<Diagnostic> diagnostics, int filesWritten, String errors) {
      this(diagnostics, filesWritten, errors, Optional.empty());
    }
  }
}
