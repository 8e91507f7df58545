package dev.badgesmith.cli;

import dev.badgesmith.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * The summary page of a GitHub Actions job ({@code GITHUB_STEP_SUMMARY}), where {@code check}
 * appends the Markdown of its report ({@link Report#summaryMarkdown}).
 */
final class StepSummary {
  private final Path file;

  private StepSummary(Path file) {
    this.file = file;
  }

  /** Present when the environment names a summary file. */
  static Optional<StepSummary> in(Map<String, String> environment) {
    return Optional.ofNullable(environment.get("GITHUB_STEP_SUMMARY"))
        .filter(f -> !f.isBlank())
        .map(Path::of)
        .map(StepSummary::new);
  }

  /**
   * Appends the summary of one check, as GitHub expects: other steps may have written before.
   *
   * @param more Markdown to follow the report's, such as who became eligible for a stack badge
   */
  void append(Path site, Report report, String more) throws IOException {
    Files.writeString(
        file,
        report.summaryMarkdown(site) + more,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
