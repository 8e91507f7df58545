package dev.badgesmith;

import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Timings;
import dev.badgesmith.lock.LockChanges;
import java.nio.file.Path;
import java.util.List;
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

  public Report {
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(lock, "lock");
    stages = List.copyOf(stages);
  }

  /** A report without timings. */
  public Report(
      List<Diagnostic> diagnostics,
      Optional<Path> output,
      int filesWritten,
      int filesChanged,
      int awardsRendered,
      Optional<LockChanges> lock) {
    this(diagnostics, output, filesWritten, filesChanged, awardsRendered, lock, List.of());
  }

  /** A report of a check, or of a build that wrote everything it holds. */
  public Report(
      List<Diagnostic> diagnostics,
      Optional<Path> output,
      int filesWritten,
      Optional<LockChanges> lock) {
    this(diagnostics, output, filesWritten, filesWritten, 0, lock);
  }

  /** A report that says nothing about the lock. */
  public Report(List<Diagnostic> diagnostics, Optional<Path> output, int filesWritten) {
    this(diagnostics, output, filesWritten, Optional.empty());
  }

  /** A report of a build that says nothing about the lock. */
  public Report(
      List<Diagnostic> diagnostics,
      Optional<Path> output,
      int filesWritten,
      int filesChanged,
      int awardsRendered) {
    this(diagnostics, output, filesWritten, filesChanged, awardsRendered, Optional.empty());
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
}
