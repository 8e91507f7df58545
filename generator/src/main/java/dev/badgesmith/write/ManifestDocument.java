package dev.badgesmith.write;

import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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
 * one file is a change to one line of it. Lines a rebuild keeps are copied from the published
 * manifest ({@link PublishedAwardLines}, {@link EarlierLines}) into the {@link ManifestPieces} the
 * new one is joined from; {@link ManifestText} writes the JSON strings.
 */
public final class ManifestDocument {
  private ManifestDocument() {}

  /** Awards and files per piece of text built on its own: pieces are built in parallel. */
  private static final int CHUNK = 2048;

  // A file's line, between its path and its digest and size.
  private static final String PATH = "{\"path\": ";
  private static final String SHA256 = ", \"sha256\": \"";
  private static final String SIZE = "\", \"size\": ";
  static final String FIRST = "\n    ";
  static final String NEXT = ",\n    ";
  static final String END_OF_LIST = "\n  ]";
  private static final String TAIL = "\n}\n";
  static final String FILES = ",\n  \"files\": [";
  static final String BADGE = "{\"badge\": ";
  static final String AWARD = ", \"award\": ";
  private static final byte[] FIRST_BYTES = ManifestText.utf8(FIRST);
  private static final byte[] NEXT_BYTES = ManifestText.utf8(NEXT);

  /**
   * A manifest and where its first file line starts (-1 when it lists no file), which the next
   * build needs to copy lines from it. Its list of files is made as it is written: on a large site
   * it is the largest text the build makes.
   */
  public static final class Manifest {
    private final ManifestPieces pieces;
    private final Optional<ByteBuffer> earlier;
    private final int filesAt;

    private Manifest(ManifestPieces pieces, Optional<ByteBuffer> earlier, int filesAt) {
      this.pieces = pieces;
      this.earlier = earlier;
      this.filesAt = filesAt;
    }

    public int filesAt() {
      return filesAt;
    }

    /** Writes the manifest's bytes. */
    public void writeTo(OutputStream out) throws IOException {
      pieces.writeTo(out, earlier);
    }
  }

  /** Chunks of lines made at once, in parallel, while a list is written out. */
  private static final int WINDOW = 8;

  /** The manifest up to its first award line. */
  static String head(String baseUrl) {
    StringBuilder head =
        new StringBuilder("{\n  " + PublishedManifest.MARKER + ",\n  \"baseUrl\": ");
    return ManifestText.string(head, baseUrl).append(",\n  \"awards\": [").toString();
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
          ManifestText.string(json, award.badgeId()).append(AWARD);
          ManifestText.string(json, award.id()).append(", \"source\": ");
          ManifestText.string(json, award.source())
              .append(", \"revoked\": ")
              .append(award.revoked());
          json.append(", \"documents\": {");
          String inner = "";
          BadgeClass badge = badges.get(award.badgeId());
          for (Map.Entry<String, SiteUrl> document :
              layout.awardDocuments(award, badge).entrySet()) {
            json.append(inner);
            ManifestText.string(json, document.getKey()).append(": ");
            ManifestText.string(json, document.getValue().file());
            inner = ", ";
          }
          json.append("}}");
        };
    Optional<PublishedAwardLines> published =
        earlier.flatMap(e -> PublishedAwardLines.of(e, site.settings().baseUrl()));
    if (published.isPresent()) {
      PublishedAwardLines lines = published.get();
      ManifestPieces pieces = new ManifestPieces();
      IntUnaryOperator earlierPosition =
          i -> kept.test(awards.get(i)) ? lines.position(awards.get(i)) : -1;
      if (copyLines(pieces, awards.size(), earlierPosition, lines, line)) {
        return pieces.join(earlier.map(EarlierManifest::bytes));
      }
    }
    return lines(awards.size(), line);
  }

  /**
   * Adds lines 0 to count - 1, each after its separator: the runs the published manifest holds are
   * copied from it, the other lines written. False, having added nothing, when a run's first line
   * is not what it should be.
   *
   * @param earlierPosition where each line is in the published manifest's list, or -1
   */
  private static boolean copyLines(
      ManifestPieces pieces,
      int count,
      IntUnaryOperator earlierPosition,
      EarlierLines earlier,
      Line line) {
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
              pieces.add(ManifestText.utf8(json.toString()));
            }
          });
      return true;
    } catch (IOException e) {
      pieces.reset(mark);
      return false;
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
    ManifestPieces pieces = new ManifestPieces();
    pieces.add(ManifestText.utf8(head(baseUrl)));
    pieces.add(awards);
    pieces.add(ManifestText.utf8(middle));
    int filesAt = files.isEmpty() ? -1 : pieces.length() + FIRST.length();
    if (!earlier.map(e -> copied(e, files, earlierPosition, pieces)).orElse(false)) {
      int count = files.size();
      pieces.addLater(out -> writeLines(out, count, (json, i) -> fileLine(json, files.get(i))));
    }
    pieces.add(ManifestText.utf8(tail));
    return new Manifest(pieces, earlier.map(EarlierManifest::bytes), filesAt);
  }

  private static void fileLine(StringBuilder json, PublishedFile f) {
    json.append(PATH);
    f.appendSha256(ManifestText.string(json, f.path()).append(SHA256));
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
      ManifestPieces pieces) {
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
        || !ManifestText.startsWith(old, end, END_OF_LIST + TAIL)) {
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
            return ManifestText.startsWith(old, starts[line], expected.toString());
          }
        },
        (json, i) -> fileLine(json, files.get(i)));
  }

  /** The length in bytes of a file's line, without the separator before it. */
  private static long lineLength(PublishedFile f) {
    return PATH.length()
        + 2
        + ManifestText.quotedLength(f.path())
        + SHA256.length()
        + f.sha256Length()
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

  private interface Line {
    void append(StringBuilder json, int index);
  }

  /** Lines 0 to count - 1, each after "\n " and all but the first after a comma. */
  private static byte[] lines(int count, Line line) {
    int chunks = (count + CHUNK - 1) / CHUNK;
    List<byte[]> pieces =
        IntStream.range(0, chunks).parallel().mapToObj(c -> chunk(c, count, line)).toList();
    ManifestPieces joined = new ManifestPieces();
    pieces.forEach(joined::add);
    return joined.join(Optional.empty());
  }

  /**
   * The same lines as {@link #lines}, written out a few chunks at a time (each chunk made in
   * parallel): only those chunks are held at once.
   */
  private static void writeLines(OutputStream out, int count, Line line) throws IOException {
    int chunks = (count + CHUNK - 1) / CHUNK;
    for (int from = 0; from < chunks; from += WINDOW) {
      List<byte[]> window =
          IntStream.range(from, Math.min(chunks, from + WINDOW))
              .parallel()
              .mapToObj(c -> chunk(c, count, line))
              .toList();
      for (byte[] piece : window) {
        out.write(piece);
      }
    }
  }

  /** Chunk {@code c} of lines 0 to count - 1. */
  private static byte[] chunk(int c, int count, Line line) {
    StringBuilder json = new StringBuilder(CHUNK * 160);
    for (int i = c * CHUNK; i < Math.min(count, (c + 1) * CHUNK); i++) {
      json.append(i == 0 ? FIRST : NEXT);
      line.append(json, i);
    }
    return ManifestText.utf8(json.toString());
  }
}
