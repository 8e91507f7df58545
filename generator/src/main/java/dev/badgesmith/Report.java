package dev.badgesmith;

import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Timings;
import dev.badgesmith.lock.AwardChange;
import dev.badgesmith.lock.LockChanges;
import dev.badgesmith.lock.PublishedLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a check or a build found and did.
 *
 * @param diagnostics every problem found, sorted by file and position
 * @param output the folder written, for a build that succeeded
 * @param filesWritten how many files the published site holds
 * @param filesChanged how many published files the build added, replaced or removed
 * @param awardsRendered how many awards the build rendered; the others were unchanged and kept
 * @param lock how the site's awards differ from its {@code published.lock}, for a site that loaded
 *     without errors
 * @param stages how long each stage took, in order
 */
public record Report(
    List<Diagnostic> diagnostics,
    Optional<Path> output,
    int filesWritten,
    int filesChanged,
    int awardsRendered,
    Optional<LockChanges> lock,
    List<Timings.Stage> stages) {

  /** The name of a site's lock file, which the summaries name. */
  public static final String LOCK_FILE = PublishedLock.FILE;

  public Report {
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(lock, "lock");
    stages = List.copyOf(stages);
  }

  /** A report of a check, or of a build that wrote everything it holds. */
  public Report(
      List<Diagnostic> diagnostics,
      Optional<Path> output,
      int filesWritten,
      Optional<LockChanges> lock) {
    this(diagnostics, output, filesWritten, filesWritten, 0, lock, List.of());
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public long errorCount() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  public long warningCount() {
    return diagnostics.size() - errorCount();
  }

  // What the command line, the Maven goals and the preview say of a report: one wording for all.

  /** How many errors and warnings, as {@code 2 errors, 1 warning}. */
  public String counts() {
    return count(errorCount(), "error") + ", " + count(warningCount(), "warning");
  }

  /** What a build wrote, as {@code Built 151 files (3 changed, 1 award rendered) into public}. */
  public String built(Path into) {
    return "Built "
        + count(filesWritten, "file")
        + " ("
        + filesChanged
        + " changed, "
        + count(awardsRendered, "award")
        + " rendered) into "
        + output.orElse(into);
  }

  /**
   * The awards the site's lock does not list yet, named (the first ten): what this change adds.
   * Empty when there is no lock, nothing new, or the lock was just written.
   */
  public Optional<String> newAwards() {
    return lock.filter(l -> l.lockFound() && !l.added().isEmpty() && !l.written())
        .map(
            l -> {
              List<String> added = l.added().stream().map(AwardChange::award).toList();
              return count(added.size(), "new award")
                  + " not in "
                  + PublishedLock.FILE
                  + " yet: "
                  + String.join(", ", added.subList(0, Math.min(10, added.size())))
                  + (added.size() > 10 ? " and " + (added.size() - 10) + " more" : "");
            });
  }

  /** What writing the lock did; empty when the run did not consider the lock. */
  public Optional<String> lockWritten() {
    return lock.map(
        l ->
            l.written()
                ? "Wrote "
                    + PublishedLock.FILE
                    + ": "
                    + count(l.added().size(), "award")
                    + " added, "
                    + (l.endorsements().added().isEmpty()
                        ? ""
                        : count(l.endorsements().added().size(), "endorsement") + " added, ")
                    + count(
                        l.revoked().size()
                            + l.reinstated().size()
                            + l.endorsements().revoked().size()
                            + l.endorsements().reinstated().size(),
                        "revocation")
                    + " marked"
                : PublishedLock.FILE + " is up to date");
  }

  /**
   * How long each stage took, a line each, then the whole process: its start-up is part of what a
   * user waits for.
   *
   * @param processMillis how long the process has run so far
   */
  public List<String> timings(long processMillis) {
    List<String> lines = new ArrayList<>();
    for (Timings.Stage stage : stages) {
      lines.add(timing(stage.name(), stage.millis()));
    }
    lines.add(timing("whole process so far", processMillis));
    return lines;
  }

  private static String timing(String name, long millis) {
    return String.format(Locale.ROOT, "  %-38s %,7d ms", name, millis);
  }

  /**
   * The report of a check of {@code site} as Markdown, for a CI job's summary page: what the change
   * publishes relative to the lock (and to the lock at the base, when held to one), and how many
   * problems it has.
   */
  public String summaryMarkdown(Path site) {
    return CheckSummary.markdown(site, this);
  }

  /** {@code n noun}, with the noun in the plural unless n is 1. */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
