package dev.badgesmith.write;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * {@code manifest.json}: every published file with its SHA-256, and every award with the paths of
 * its documents, so tools (and the next build) can tell what the site holds without crawling it.
 *
 * <p>Each award and each file is one line: a large site lists tens of thousands of files, and a
 * rebuild writes the manifest anew, so it is written straight to text (no tree), and a change to
 * one file is a change to one line of it.
 */
public final class ManifestDocument {
  private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

  private ManifestDocument() {}

  /** Awards and files per piece of text built on its own: pieces are built in parallel. */
  private static final int CHUNK = 2048;

  // A file's line, between its path and its digest and size.
  private static final String PATH = "{\"path\": ";
  private static final String SHA256 = ", \"sha256\": \"";
  private static final String SIZE = "\", \"size\": ";
  private static final String FIRST = "\n    ";
  private static final String NEXT = ",\n    ";
  private static final String END_OF_LIST = "\n  ]";
  private static final String TAIL = "\n}\n";
  private static final String FILES = ",\n  \"files\": [";
  private static final String BADGE = "{\"badge\": ";
  private static final String AWARD = ", \"award\": ";
  private static final byte[] BADGE_BYTES = utf8(BADGE + "\"");
  private static final byte[] AWARD_BYTES = utf8(AWARD);
  private static final byte[] FIRST_BYTES = utf8(FIRST);
  private static final byte[] NEXT_BYTES = utf8(NEXT);

  /**
   * A manifest and where its first file line starts (-1 when it lists no file), which the next
   * build needs to copy lines from it.
   */
  public record Manifest(byte[] bytes, int filesAt) {}

  /** The manifest up to its first award line. */
  private static String head(String baseUrl) {
    StringBuilder head =
        new StringBuilder("{\n  " + PublishedManifest.MARKER + ",\n  \"baseUrl\": ");
    return string(head, baseUrl).append(",\n  \"awards\": [").toString();
  }

  /**
   * The manifest's awards, one line each, for {@link #document}: the lines of awards whose files
   * were kept as published are copied from the published manifest.
   *
   * @param kept whether an award's files were kept as the published manifest lists them (its line
   *     there is then its line still)
   */
  public static byte[] awards(Site site, Optional<EarlierManifest> earlier, Predicate<Award> kept) {
    SiteLayout layout = new SiteLayout(site.settings());
    Map<String, BadgeClass> badges = site.badgesById();
    List<Award> awards = site.awards();
    Line line =
        (json, i) -> {
          Award award = awards.get(i);
          json.append(BADGE);
          string(json, award.badgeId()).append(AWARD);
          string(json, award.id()).append(", \"source\": ");
          string(json, award.source()).append(", \"revoked\": ").append(award.revoked());
          json.append(", \"documents\": {");
          String inner = "";
          BadgeClass badge = badges.get(award.badgeId());
          for (Map.Entry<String, SiteUrl> document :
              layout.awardDocuments(award, badge).entrySet()) {
            json.append(inner);
            string(json, document.getKey()).append(": ");
            string(json, document.getValue().file());
            inner = ", ";
          }
          json.append("}}");
        };
    Optional<AwardLines> published =
        earlier.flatMap(e -> AwardLines.of(e, site.settings().baseUrl()));
    if (published.isPresent()) {
      AwardLines lines = published.get();
      Pieces pieces = new Pieces();
      IntUnaryOperator earlierPosition =
          i -> kept.test(awards.get(i)) ? lines.position(awards.get(i)) : -1;
      if (copyLines(pieces, awards.size(), earlierPosition, lines, line)) {
        return pieces.join(earlier.map(EarlierManifest::bytes));
      }
    }
    return lines(awards.size(), line);
  }

  /** Where the published manifest holds the lines of one of its lists, by their place in it. */
  private interface EarlierLines {
    long start(int line);

    /** Where the line ends, before the separator that follows it. */
    long end(int line);

    /** Whether the line there is the one its place says; checked at the start of each run. */
    boolean holds(int line);
  }

  /**
   * Adds lines 0 to count - 1, each after its separator: the runs the published manifest holds are
   * copied from it, the other lines written. False, having added nothing, when a run's first line
   * is not what it should be.
   *
   * @param earlierPosition where each line is in the published manifest's list, or -1
   */
  private static boolean copyLines(
      Pieces pieces, int count, IntUnaryOperator earlierPosition, EarlierLines earlier, Line line) {
    int mark = pieces.mark();
    StringBuilder json = new StringBuilder(512);
    try {
      Runs.walk(
          count,
          earlierPosition,
          new Runs.Visitor() {
            @Override
            public void copy(int at, int earlierAt, int length) throws IOException {
              if (!earlier.holds(earlierAt)) {
                throw new IOException("not the manifest its lists describe");
              }
              pieces.add(at == 0 ? FIRST_BYTES : NEXT_BYTES);
              long from = earlier.start(earlierAt);
              pieces.addEarlier((int) from, (int) (earlier.end(earlierAt + length - 1) - from));
            }

            @Override
            public void encode(int at) {
              json.setLength(0);
              json.append(at == 0 ? FIRST : NEXT);
              line.append(json, at);
              pieces.add(utf8(json.toString()));
            }
          });
      return true;
    } catch (IOException e) {
      pieces.reset(mark);
      return false;
    }
  }

  /**
   * The award lines of the published manifest, found by their badge class and id. Strings in JSON
   * hold no line break, so each line ends where a line break follows.
   */
  private static final class AwardLines implements EarlierLines {
    private final int[] starts;
    private final int[] ends;
    private final Map<String, Integer> byKey;

    private AwardLines(int[] starts, int[] ends, Map<String, Integer> byKey) {
      this.starts = starts;
      this.ends = ends;
      this.byKey = byKey;
    }

    @Override
    public long start(int line) {
      return starts[line];
    }

    @Override
    public long end(int line) {
      return ends[line];
    }

    /** Its key was read from the line itself. */
    @Override
    public boolean holds(int line) {
      return true;
    }

    /** Empty when the manifest is for another base URL, or not laid out as ours are. */
    static Optional<AwardLines> of(EarlierManifest earlier, String baseUrl) {
      ByteBuffer old = earlier.bytes();
      String head = head(baseUrl);
      String after = END_OF_LIST + FILES + FIRST;
      long end = (long) earlier.filesAt() - after.length();
      int start = utf8(head).length;
      if (earlier.filesAt() < 0
          || end <= start + FIRST.length()
          || !startsWith(old, 0, head + FIRST)
          || !startsWith(old, end, after)) {
        return Optional.empty();
      }
      // Scanned as an array: the award lines' places in it are their places in the manifest.
      byte[] section = new byte[(int) end];
      old.get(0, section, 0, section.length);
      List<int[]> lines = new ArrayList<>();
      int lineStart = start + FIRST.length();
      for (int at = lineStart; at <= section.length; at++) {
        if (at == section.length || section[at] == '\n') {
          // A line ends before the comma of ",\n    ", or at the end of the section.
          int lineEnd = at == section.length ? at : at - 1;
          if (lineEnd <= lineStart || (at < section.length && section[lineEnd] != ',')) {
            return Optional.empty();
          }
          lines.add(new int[] {lineStart, lineEnd});
          lineStart = at + NEXT.length() - 1;
        }
      }
      int[] starts = new int[lines.size()];
      int[] ends = new int[lines.size()];
      Map<String, Integer> byKey = new HashMap<>(lines.size() * 2);
      for (int i = 0; i < lines.size(); i++) {
        starts[i] = lines.get(i)[0];
        ends[i] = lines.get(i)[1];
        Optional<String> key = key(section, starts[i], ends[i]);
        if (key.isEmpty() || byKey.put(key.get(), i) != null) {
          return Optional.empty();
        }
      }
      return Optional.of(new AwardLines(starts, ends, byKey));
    }

    /** The line's badge class and award id, as {@code badge/award}; empty if either is escaped. */
    private static Optional<String> key(byte[] section, int start, int end) {
      int badgeAt = start + BADGE_BYTES.length;
      int badgeEnd = quoted(section, badgeAt - 1, end);
      int awardAt = badgeEnd + 1 + AWARD_BYTES.length + 1;
      int awardEnd = quoted(section, awardAt - 1, end);
      if (!matches(section, start, BADGE_BYTES)
          || badgeEnd < 0
          || !matches(section, badgeEnd + 1, AWARD_BYTES)
          || awardEnd < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new String(section, badgeAt, badgeEnd - badgeAt, StandardCharsets.UTF_8)
              + "/"
              + new String(section, awardAt, awardEnd - awardAt, StandardCharsets.UTF_8));
    }

    /**
     * Where the string whose opening quote is at {@code quote} ends (its closing quote); -1 when
     * there is none before {@code end} or the string holds an escape.
     */
    private static int quoted(byte[] section, int quote, int end) {
      if (quote < 0 || quote >= end || section[quote] != '"') {
        return -1;
      }
      for (int at = quote + 1; at < end; at++) {
        if (section[at] == '"') {
          return at;
        } else if (section[at] == '\\') {
          return -1;
        }
      }
      return -1;
    }

    private static boolean matches(byte[] section, int at, byte[] expected) {
      return at >= 0
          && at + expected.length <= section.length
          && Arrays.equals(section, at, at + expected.length, expected, 0, expected.length);
    }

    /** Where the award's line is, or -1. */
    int position(Award award) {
      return byKey.getOrDefault(award.badgeId() + "/" + award.id(), -1);
    }
  }

  /**
   * The manifest, from its {@linkplain #awards awards} and the files of the site. The lines its
   * list of files shares with the published manifest, a run at a time, are copied from that.
   *
   * @param earlier the published manifest, when it is known
   * @param earlierPosition where each file is in the published manifest's list (with the same
   *     digest and size), or -1
   */
  public static Manifest document(
      String baseUrl,
      byte[] awards,
      List<PublishedFile> files,
      Optional<EarlierManifest> earlier,
      IntUnaryOperator earlierPosition) {
    String middle = (awards.length == 0 ? "]" : END_OF_LIST) + FILES;
    String tail = (files.isEmpty() ? "]" : END_OF_LIST) + TAIL;
    Pieces pieces = new Pieces();
    pieces.add(utf8(head(baseUrl)));
    pieces.add(awards);
    pieces.add(utf8(middle));
    int filesAt = files.isEmpty() ? -1 : pieces.length() + FIRST.length();
    if (!earlier.map(e -> copied(e, files, earlierPosition, pieces)).orElse(false)) {
      pieces.add(lines(files.size(), (json, i) -> fileLine(json, files.get(i))));
    }
    pieces.add(utf8(tail));
    return new Manifest(pieces.join(earlier.map(EarlierManifest::bytes)), filesAt);
  }

  /** The manifest's bytes as they are gathered: its own, or ranges of the published manifest. */
  private static final class Pieces {
    /** A range of bytes of its own, or (when {@code own} is null) of the published manifest. */
    private record Piece(byte[] own, int from, int length) {}

    private final List<Piece> pieces = new ArrayList<>();
    private long length;

    void add(byte[] bytes) {
      add(bytes, 0, bytes.length);
    }

    void add(byte[] bytes, int from, int rangeLength) {
      pieces.add(new Piece(bytes, from, rangeLength));
      length += rangeLength;
    }

    void addEarlier(int from, int rangeLength) {
      pieces.add(new Piece(null, from, rangeLength));
      length += rangeLength;
    }

    int length() {
      return Math.toIntExact(length);
    }

    int mark() {
      return pieces.size();
    }

    /** Drops the pieces added since the mark. */
    void reset(int mark) {
      List<Piece> dropped = pieces.subList(mark, pieces.size());
      dropped.forEach(p -> length -= p.length());
      dropped.clear();
    }

    byte[] join(Optional<ByteBuffer> earlier) {
      byte[] all = new byte[length()];
      int at = 0;
      for (Piece piece : pieces) {
        if (piece.own() != null) {
          System.arraycopy(piece.own(), piece.from(), all, at, piece.length());
        } else {
          earlier.orElseThrow().get(piece.from(), all, at, piece.length());
        }
        at += piece.length();
      }
      return all;
    }
  }

  private static void fileLine(StringBuilder json, PublishedFile f) {
    json.append(PATH);
    string(json, f.path()).append(SHA256).append(f.sha256());
    json.append(SIZE).append(f.size()).append('}');
  }

  /**
   * Adds the list of files, its unchanged lines as ranges of the published manifest; false, having
   * added nothing, when that manifest is not laid out as its file list says (then every line is to
   * be written anew).
   */
  private static boolean copied(
      EarlierManifest earlier,
      List<PublishedFile> files,
      IntUnaryOperator earlierPosition,
      Pieces pieces) {
    List<PublishedFile> listed = earlier.files();
    ByteBuffer old = earlier.bytes();
    if (listed.isEmpty()) {
      return false;
    }
    // Each line's place follows from the lines before it: its length is known from its file.
    long[] starts = new long[listed.size() + 1];
    starts[0] = earlier.filesAt();
    for (int i = 0; i < listed.size(); i++) {
      starts[i + 1] = starts[i] + lineLength(listed.get(i)) + NEXT.length();
    }
    long end = starts[listed.size()] - NEXT.length(); // after the last line
    if (end + END_OF_LIST.length() + TAIL.length() != old.capacity()
        || !startsWith(old, end, END_OF_LIST + TAIL)) {
      return false;
    }
    return copyLines(
        pieces,
        files.size(),
        earlierPosition,
        new EarlierLines() {
          @Override
          public long start(int line) {
            return starts[line];
          }

          @Override
          public long end(int line) {
            return starts[line + 1] - NEXT.length();
          }

          @Override
          public boolean holds(int line) {
            StringBuilder expected = new StringBuilder(256);
            fileLine(expected, listed.get(line));
            return startsWith(old, starts[line], expected.toString());
          }
        },
        (json, i) -> fileLine(json, files.get(i)));
  }

  /** The length in bytes of a file's line, without the separator before it. */
  private static long lineLength(PublishedFile f) {
    String path = f.path();
    long pathLength;
    if (plain(path)) {
      pathLength = path.length();
    } else {
      StringBuilder quoted = new StringBuilder();
      ENCODER.quoteAsString(path, quoted);
      pathLength = utf8(quoted.toString()).length;
    }
    return PATH.length()
        + 2
        + pathLength
        + SHA256.length()
        + f.sha256().length()
        + SIZE.length()
        + digits(f.size())
        + 1;
  }

  private static int digits(long size) {
    int digits = size < 0 ? 2 : 1;
    for (long rest = size / 10; rest != 0; rest /= 10) {
      digits++;
    }
    return digits;
  }

  /** Whether {@code bytes} hold the text (in UTF-8) at {@code at}. */
  private static boolean startsWith(ByteBuffer bytes, long at, String text) {
    byte[] expected = utf8(text);
    if (at < 0 || at + expected.length > bytes.capacity()) {
      return false;
    }
    byte[] actual = new byte[expected.length];
    bytes.get((int) at, actual, 0, actual.length);
    return Arrays.equals(actual, expected);
  }

  private interface Line {
    void append(StringBuilder json, int index);
  }

  /** Lines 0 to count - 1, each after "\n " and all but the first after a comma. */
  private static byte[] lines(int count, Line line) {
    int chunks = (count + CHUNK - 1) / CHUNK;
    List<byte[]> pieces =
        IntStream.range(0, chunks)
            .parallel()
            .mapToObj(
                c -> {
                  StringBuilder json = new StringBuilder(CHUNK * 160);
                  for (int i = c * CHUNK; i < Math.min(count, (c + 1) * CHUNK); i++) {
                    json.append(i == 0 ? FIRST : NEXT);
                    line.append(json, i);
                  }
                  return utf8(json.toString());
                })
            .toList();
    Pieces joined = new Pieces();
    pieces.forEach(joined::add);
    return joined.join(Optional.empty());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static StringBuilder string(StringBuilder json, String value) {
    json.append('"');
    if (plain(value)) {
      json.append(value); // the common case: paths and ids need no escape
    } else {
      ENCODER.quoteAsString(value, json);
    }
    return json.append('"');
  }

  /** Whether a string is printable ASCII without a quote or backslash: JSON as it stands. */
  private static boolean plain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
