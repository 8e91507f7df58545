package dev.badgesmith.lock;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.source.SiteScanner;
import java.util.Map;
import java.util.Optional;

/** Reads an endorsement's line of {@code published.lock}, column by column as an award's. */
final class EndorsementLines {
  private static final String HINT =
      "an endorsement's line is: endorsement:<id> <index> <url> sha256:<64 hex> <fields>"
          + " [revoked]; restore the file from Git, or run `badgesmith lock` to write the lines of"
          + " new endorsements";

  private EndorsementLines() {}

  static Optional<EndorsementLine> line(String row, int number, Diagnostics diagnostics) {
    String[] columns = PublishedLock.columns(row);
    if (columns.length < 5 || columns.length > 6) {
      return malformed(
          row,
          number,
          0,
          "a lock line has 5 columns (6 for a revoked endorsement), found " + columns.length,
          diagnostics);
    }
    String id = columns[0].substring(EndorsementLine.PREFIX.length());
    if (!SiteScanner.isSlug(id)) {
      return malformed(
          row, number, 0, "'" + columns[0] + "' is not endorsement:<endorsement-id>", diagnostics);
    }
    if (!PublishedLock.isIndex(columns[1]) || Integer.parseInt(columns[1]) >= StatusIndexes.SIZE) {
      return malformed(
          row,
          number,
          1,
          "'" + columns[1] + "' is not a status list index (0 to " + (StatusIndexes.SIZE - 1) + ")",
          diagnostics);
    }
    if (!columns[2].startsWith("https://")) {
      return malformed(row, number, 2, "'" + columns[2] + "' is not an https URL", diagnostics);
    }
    if (!PublishedLock.isDigest(columns[3])) {
      return malformed(
          row, number, 3, "'" + columns[3] + "' is not sha256: and 64 hex digits", diagnostics);
    }
    Optional<Map<EndorsementField, String>> fields = EndorsementDigest.parseFields(columns[4]);
    if (fields.isEmpty()) {
      return malformed(
          row,
          number,
          4,
          "'"
              + columns[4]
              + "' is not "
              + EndorsementField.values().length
              + " fingerprints of 4 hex digits joined by '-'",
          diagnostics);
    }
    if (columns.length == 6 && !columns[5].equals("revoked")) {
      return malformed(
          row,
          number,
          5,
          "unknown column '" + columns[5] + "'; only 'revoked' may follow",
          diagnostics);
    }
    return Optional.of(
        new EndorsementLine(
            id,
            Integer.parseInt(columns[1]),
            columns[2],
            columns[3],
            fields.get(),
            columns.length == 6,
            number));
  }

  private static Optional<EndorsementLine> malformed(
      String row, int number, int column, String message, Diagnostics diagnostics) {
    diagnostics.add(
        Diagnostic.error(
                Code.MALFORMED_LOCK,
                new SourcePosition(PublishedLock.FILE, number, PublishedLock.column(row, column)),
                message)
            .withHint(HINT));
    return Optional.empty();
  }
}
