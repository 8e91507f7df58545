package dev.badgesmith.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import dev.badgesmith.write.EarlierManifest;
import dev.badgesmith.write.PublishedFile;
import dev.badgesmith.write.Runs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
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
  private static final byte[] FIRST_BYTES = utf8(FIRST);
  private static final byte[] NEXT_BYTES = utf8(NEXT);

  /**
   * A manifest and where its first file line starts (-1 when it lists no file), which the next
   * build needs to copy lines from it.
   */
  public record Manifest(byte[] bytes, int filesAt) {}

  /** The manifest's awards, one line each, for {@link #bytes(Site, byte[], List)}. */
  public static byte[] awards(Site site) {
    SiteLayout layout = new SiteLayout(site.settings());
    Map<String, BadgeClass> badges = site.badgesById();
    List<Award> awards = site.awards();
    return lines(
        awards.size(),
        (json, i) -> {
          Award award = awards.get(i);
          json.append("{\"badge\": ");
          string(json, award.badgeId()).append(", \"award\": ");
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
        });
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
    StringBuilder head = new StringBuilder("{\n  \"generator\": \"Badgesmith\",\n  \"baseUrl\": ");
    string(head, baseUrl).append(",\n  \"awards\": [");
    String middle = (awards.length == 0 ? "]" : END_OF_LIST) + ",\n  \"files\": [";
    String tail = (files.isEmpty() ? "]" : END_OF_LIST) + TAIL;
    Pieces pieces = new Pieces();
    pieces.add(utf8(head.toString()));
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
    /** Bytes of its own, or (when {@code own} is null) a range of the published manifest. */
    private record Piece(byte[] own, int from, int length) {}

    private final List<Piece> pieces = new ArrayList<>();
    private long length;

    void add(byte[] bytes) {
      pieces.add(new Piece(bytes, 0, bytes.length));
      length += bytes.length;
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
          System.arraycopy(piece.own(), 0, all, at, piece.length());
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
    int mark = pieces.mark();
    StringBuilder line = new StringBuilder(256);
    try {
      Runs.walk(
          files.size(),
          earlierPosition,
          new Runs.Visitor() {
            @Override
            public void copy(int to, int earlierAt, int length) throws IOException {
              // Each run is checked to start with its first file's line as it would be written.
              line.setLength(0);
              fileLine(line, listed.get(earlierAt));
              if (!startsWith(old, starts[earlierAt], line.toString())) {
                throw new IOException("not the manifest its file list describes");
              }
              pieces.add(to == 0 ? FIRST_BYTES : NEXT_BYTES);
              int from = (int) starts[earlierAt];
              pieces.addEarlier(from, (int) starts[earlierAt + length] - NEXT.length() - from);
            }

            @Override
            public void encode(int to) {
              line.setLength(0);
              line.append(to == 0 ? FIRST : NEXT);
              fileLine(line, files.get(to));
              pieces.add(utf8(line.toString()));
            }
          });
    } catch (IOException e) {
      pieces.reset(mark);
      return false;
    }
    return true;
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
    return concat(pieces);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(List<byte[]> pieces) {
    int length = 0;
    for (byte[] piece : pieces) {
      length += piece.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] piece : pieces) {
      System.arraycopy(piece, 0, all, at, piece.length);
      at += piece.length;
    }
    return all;
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
