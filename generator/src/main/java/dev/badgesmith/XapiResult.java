package dev.badgesmith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Badgesmith#xapi} found and did.
 *
 * @param check the site's check (or, when it was built for its baked badges, its build): with an
 *     error, nothing was written
 * @param written the file the statements were written to; empty when the site has errors
 * @param earned how many statements say that a recipient earned a badge
 * @param voided how many void the statement of a revoked award
 * @param notes one line per reason awards were left out, with how many and which
 * @param sent what the learning record store answered, when one was given
 */
public record XapiResult(
    Report check,
    Optional<Path> written,
    int earned,
    int voided,
    List<String> notes,
    Optional<Sent> sent) {
  public XapiResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(written, "written");
    notes = List.copyOf(notes);
    Objects.requireNonNull(sent, "sent");
  }

  /** How many statements were written. */
  public int statements() {
    return earned + voided;
  }

  /**
   * What was done, for the command line and the logs to print alike: the notes, the file written,
   * and what the store answered with a line per conflict; nothing when the site has errors.
   */
  public List<String> lines() {
    if (written.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(notes);
    lines.add(
        "Wrote "
            + Report.count(statements(), "statement")
            + " ("
            + earned
            + " earned, "
            + voided
            + " voiding) to "
            + written.get());
    sent.ifPresent(
        s -> {
          lines.add(
              "Sent to "
                  + s.statements()
                  + " in "
                  + Report.count(s.requests(), "request")
                  + ": "
                  + s.accepted()
                  + " accepted (stored, or already held unchanged), "
                  + Report.count(s.conflicts().size(), "conflict"));
          s.conflicts()
              .forEach(
                  id ->
                      lines.add(
                          "  "
                              + id
                              + ": the store holds another statement with this id, and"
                              + " keeps it"));
        });
    return lines;
  }

  /**
   * What a learning record store answered.
   *
   * @param statements where they were sent: the store's statements resource
   * @param accepted statements the store answered with success: stored now, or already held with
   *     the same content (xAPI answers both alike, and neither changes the store)
   * @param requests how many requests were sent
   * @param conflicts ids of statements the store already holds with other content; it keeps its
   *     own, as xAPI requires
   */
  public record Sent(String statements, int accepted, int requests, List<String> conflicts) {
    public Sent {
      Objects.requireNonNull(statements, "statements");
      conflicts = List.copyOf(conflicts);
    }
  }
}
