package dev.badgesmith.lock;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.source.SiteScanner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code published.lock}, at the root of a badge site: one line per published award, sorted by
 * award, so that a pull request's diff shows exactly which awards it publishes; then, under a
 * comment of their own, one per published endorsement, sorted by id.
 *
 * <pre>
 * # published.lock v1 ...
 * intro/jane 69366 https://badges.example.org/guild/assertions/intro/jane.json sha256:... 1a2b-...
 * # endorsement:&lt;id&gt; index url digest fields [revoked]
 * endorsement:intro-review 8812 https://badges.example.org/guild/endorsements/intro-review.json ...
 * </pre>
 *
 * <p>A lock without endorsement lines is written exactly as before endorsements were locked.
 */
public record PublishedLock(List<LockLine> lines, List<EndorsementLine> endorsements) {
  public static final String FILE = "published.lock";

  static final String HEADER =
      """
      # published.lock v1: every award this badge site has published, one per line.
      # Written by `badgesmith lock` (or `build --update-lock`); `badgesmith check` fails when a
      # listed award changes or disappears. Never edit or delete a line: revoke the award instead.
      # award index url digest fields [revoked]
      """;

  /** Heads the endorsement lines, only when there are some. */
  static final String ENDORSEMENT_HEADER =
      "# endorsement:<id> index url digest endorser-endorses-claim-issuedOn [revoked]\n";

  private static final String HINT =
      "a line is: <badge>/<award> <index> <url> sha256:<64 hex> <fields> [revoked]; restore the"
          + " file from Git, or run `badgesmith lock` to write the lines of new awards";

  public PublishedLock {
    lines = lines.stream().sorted(Comparator.comparing(LockLine::award)).toList();
    endorsements = endorsements.stream().sorted(Comparator.comparing(EndorsementLine::id)).toList();
  }

  /** A lock of awards only. */
  public PublishedLock(List<LockLine> lines) {
    this(lines, List.of());
  }

  /** The endorsement lines by id. */
  public Map<String, EndorsementLine> byEndorsement() {
    Map<String, EndorsementLine> map = new LinkedHashMap<>();
    endorsements.forEach(l -> map.put(l.id(), l));
    return map;
  }

  /** The lines by award. */
  public Map<String, LockLine> byAward() {
    Map<String, LockLine> map = new LinkedHashMap<>();
    lines.forEach(l -> map.put(l.award(), l));
    return map;
  }

  /** The file's text: the header, then the lines sorted by award, {@code \n} line ends. */
  public String format() {
    StringBuilder text = new StringBuilder(HEADER);
    lines.forEach(l -> text.append(l.format()).append('\n'));
    if (!endorsements.isEmpty()) {
      text.append(ENDORSEMENT_HEADER);
      endorsements.forEach(l -> text.append(l.format()).append('\n'));
    }
    return text.toString();
  }

  /**
   * A site's lock as read from its file, with the problems of its lines.
   *
   * @param lock empty when the site has none
   * @param problems what is wrong in the file, in the order found
   * @param text the file's text when it is UTF-8: a lock with the same text parses to the same
   *     lines, which {@link BaseLock#at} then takes instead of parsing them again
   */
  public record Read(
      Optional<PublishedLock> lock, List<Diagnostic> problems, Optional<String> text) {
    public Read {
      problems = List.copyOf(problems);
    }

    /** The lock, with its problems reported into {@code diagnostics}. */
    public Optional<PublishedLock> reportInto(Diagnostics diagnostics) {
      problems.forEach(diagnostics::add);
      return lock;
    }
  }

  /**
   * Reads a site's lock. Empty when the site has none; every malformed line is reported and left
   * out, so the rest of the lock still protects its awards.
   */
  public static Optional<PublishedLock> read(Path siteRoot, Diagnostics diagnostics) {
    return readFile(siteRoot).reportInto(diagnostics);
  }

  /**
   * Reads a site's lock, keeping what is wrong in it apart: it needs nothing but the file, so it is
   * read while the site's files are scanned.
   */
  public static Read readFile(Path siteRoot) {
    Diagnostics diagnostics = new Diagnostics();
    Path file = siteRoot.resolve(FILE);
    if (!Files.exists(file)) {
      return new Read(Optional.empty(), List.of(), Optional.empty());
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      diagnostics.add(
          Diagnostic.error(
                  Code.UNREADABLE_FILE, SourcePosition.startOf(FILE), "the file is not UTF-8")
              .withHint(HINT));
      return new Read(
          Optional.of(new PublishedLock(List.of())), diagnostics.sorted(), Optional.empty());
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(
              Code.UNREADABLE_FILE,
              SourcePosition.startOf(FILE),
              "cannot read the file: " + e.getMessage()));
      return new Read(
          Optional.of(new PublishedLock(List.of())), diagnostics.sorted(), Optional.empty());
    }
    PublishedLock lock = parse(text, diagnostics);
    return new Read(Optional.of(lock), diagnostics.sorted(), Optional.of(text));
  }

  static PublishedLock parse(String text, Diagnostics diagnostics) {
    List<LockLine> lines = new ArrayList<>();
    List<EndorsementLine> endorsements = new ArrayList<>();
    Map<String, LockLine> byAward = new HashMap<>();
    Map<String, EndorsementLine> byEndorsement = new HashMap<>();
    // Awards and endorsements share the status list: an index is held by one line of either.
    Map<Integer, String> byIndex = new HashMap<>();
    Map<Integer, Integer> indexLine = new HashMap<>();
    // A large site's lock has tens of thousands of lines, read on every build: each is cut by hand
    // where a regular expression would cost more than the rest of the check.
    List<String> rows = rows(text);
    for (int i = 0; i < rows.size(); i++) {
      int number = i + 1;
      String row = rows.get(i);
      if (row.isBlank() || row.stripLeading().startsWith("#")) {
        continue;
      }
      if (row.strip().startsWith(EndorsementLine.PREFIX)) {
        Optional<EndorsementLine> parsed = EndorsementLines.line(row, number, diagnostics);
        if (parsed.isEmpty()) {
          continue;
        }
        EndorsementLine line = parsed.get();
        EndorsementLine same = byEndorsement.putIfAbsent(line.id(), line);
        if (same != null) {
          diagnostics.add(
              Diagnostic.error(
                      Code.MALFORMED_LOCK,
                      new SourcePosition(FILE, number, 1),
                      "the endorsement " + line.id() + " is also on line " + same.line())
                  .withHint("an endorsement has one line: keep the line it was published with"));
          continue;
        }
        if (sameIndex(row, number, line.index(), line.key(), byIndex, indexLine, diagnostics)) {
          continue;
        }
        endorsements.add(line);
        continue;
      }
      Optional<LockLine> parsed = line(row, number, diagnostics);
      if (parsed.isEmpty()) {
        continue;
      }
      LockLine line = parsed.get();
      LockLine sameAward = byAward.putIfAbsent(line.award(), line);
      if (sameAward != null) {
        diagnostics.add(
            Diagnostic.error(
                    Code.MALFORMED_LOCK,
                    new SourcePosition(FILE, number, 1),
                    "the award " + line.award() + " is also on line " + sameAward.line())
                .withHint("an award has one line: keep the line it was published with"));
        continue;
      }
      if (sameIndex(row, number, line.index(), line.award(), byIndex, indexLine, diagnostics)) {
        continue;
      }
      lines.add(line);
    }
    return new PublishedLock(lines, endorsements);
  }

  /** Whether an earlier line holds the index already, which is then reported. */
  private static boolean sameIndex(
      String row,
      int number,
      int index,
      String key,
      Map<Integer, String> byIndex,
      Map<Integer, Integer> indexLine,
      Diagnostics diagnostics) {
    String holder = byIndex.putIfAbsent(index, key);
    if (holder == null) {
      indexLine.put(index, number);
      return false;
    }
    boolean awards =
        !key.startsWith(EndorsementLine.PREFIX) && !holder.startsWith(EndorsementLine.PREFIX);
    diagnostics.add(
        Diagnostic.error(
                Code.MALFORMED_LOCK,
                new SourcePosition(FILE, number, column(row, 1)),
                "the status index "
                    + index
                    + " is also the index of "
                    + holder
                    + " (line "
                    + indexLine.get(index)
                    + ")")
            .withHint(
                (awards
                        ? "an index belongs to one award: keep the line of the award published first,"
                        : "an index belongs to one award or endorsement: keep the line of the one"
                            + " published first,")
                    + " delete this one and run `badgesmith lock` to give "
                    + key
                    + " a new index"));
    return true;
  }

  /** The text's lines, each without its line break ({@code \n} or {@code \r\n}). */
  static List<String> rows(String text) {
    List<String> rows = new ArrayList<>();
    for (int start = 0; ; ) {
      int end = text.indexOf('\n', start);
      int stop = end < 0 ? text.length() : end;
      if (end >= 0 && stop > start && text.charAt(stop - 1) == '\r') {
        stop--;
      }
      rows.add(text.substring(start, stop));
      if (end < 0) {
        return rows;
      }
      start = end + 1;
    }
  }

  /** A line's columns: what lies between runs of spaces, tabs and other ASCII white space. */
  static String[] columns(String row) {
    String line = row.strip();
    List<String> columns = new ArrayList<>(6);
    int start = 0;
    for (int at = 0; at <= line.length(); at++) {
      if (at == line.length() || isSpace(line.charAt(at))) {
        if (at > start || columns.isEmpty()) {
          columns.add(line.substring(start, at));
        }
        start = at + 1;
      }
    }
    return columns.toArray(new String[0]);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Whether a column is {@code <badge-id>/<award-id>}. */
  static boolean isAward(String column) {
    int slash = column.indexOf('/');
    return slash >= 0
        && SiteScanner.isSlug(column.substring(0, slash))
        && SiteScanner.isSlug(column.substring(slash + 1));
  }

  /** Whether a column is an index written plainly: 0, or up to 6 digits not starting with 0. */
  static boolean isIndex(String column) {
    if (column.isEmpty() || column.length() > 6 || column.charAt(0) == '0' && column.length() > 1) {
      return false;
    }
    for (int i = 0; i < column.length(); i++) {
      if (column.charAt(i) < '0' || column.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether a column is {@code sha256:} and 64 lowercase hex digits. */
  static boolean isDigest(String column) {
    return column.length() == 71
        && column.startsWith("sha256:")
        && AwardDigest.isLowerHex(column.substring(7));
  }

  private static Optional<LockLine> line(String row, int number, Diagnostics diagnostics) {
    String[] columns = columns(row);
    if (columns.length < 5 || columns.length > 6) {
      return malformed(
          row,
          number,
          0,
          "a lock line has 5 columns (6 for a revoked award), found " + columns.length,
          diagnostics);
    }
    if (!isAward(columns[0])) {
      return malformed(
          row, number, 0, "'" + columns[0] + "' is not <badge-id>/<award-id>", diagnostics);
    }
    if (!isIndex(columns[1]) || Integer.parseInt(columns[1]) >= StatusIndexes.SIZE) {
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
    if (!isDigest(columns[3])) {
      return malformed(
          row, number, 3, "'" + columns[3] + "' is not sha256: and 64 hex digits", diagnostics);
    }
    if (!AwardDigest.isFieldsColumn(columns[4])) {
      return malformed(
          row,
          number,
          4,
          "'" + columns[4] + "' is not 8 fingerprints of 4 hex digits joined by '-'",
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
        new LockLine(
            columns[0],
            Integer.parseInt(columns[1]),
            columns[2],
            columns[3],
            columns[4],
            columns.length == 6,
            number));
  }

  private static Optional<LockLine> malformed(
      String row, int number, int column, String message, Diagnostics diagnostics) {
    diagnostics.add(
        Diagnostic.error(
                Code.MALFORMED_LOCK, new SourcePosition(FILE, number, column(row, column)), message)
            .withHint(HINT));
    return Optional.empty();
  }

  /** The 1-based column where the n-th (0-based) space-separated column of a row starts. */
  static int column(String row, int n) {
    int at = 0;
    for (int seen = -1; at < row.length(); at++) {
      boolean starts =
          !Character.isWhitespace(row.charAt(at))
              && (at == 0 || Character.isWhitespace(row.charAt(at - 1)));
      if (starts && ++seen == n) {
        return at + 1;
      }
    }
    return 1;
  }
}
