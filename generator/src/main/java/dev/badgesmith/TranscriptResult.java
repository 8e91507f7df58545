package dev.badgesmith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Badgesmith#transcript} found and wrote.
 *
 * @param check the site's check: with an error, nothing was written
 * @param written the learner record written; empty when the site has errors
 * @param awards the learner's awards it holds, as {@code badge/award}, oldest first
 * @param revoked the learner's revoked awards, left out, as {@code badge/award}
 */
public record TranscriptResult(
    Report check, Optional<Path> written, List<String> awards, List<String> revoked) {
  public TranscriptResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(written, "written");
    awards = List.copyOf(awards);
    revoked = List.copyOf(revoked);
  }

  /** What was done, for the command line and the logs to print alike. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (written.isEmpty()) {
      return lines;
    }
    if (!revoked.isEmpty()) {
      lines.add("Left out " + revoked.size() + " revoked: " + String.join(", ", revoked));
    }
    lines.add(
        "Wrote the learner record of "
            + awards.size()
            + (awards.size() == 1 ? " award" : " awards")
            + " ("
            + String.join(", ", awards)
            + ") to "
            + written.get()
            + ": send it to the learner; it is not part of the site");
    return lines;
  }
}
