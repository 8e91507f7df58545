package dev.badgesmith.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import dev.badgesmith.write.PublishedFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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

  /**
   * The manifest. Its two long lists are built piece by piece in a parallel stream, so on a
   * fork-join pool's thread they take that pool's threads.
   */
  public static byte[] bytes(Site site, List<PublishedFile> files) {
    return bytes(site, awards(site), files);
  }

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

  /** The manifest, from its {@linkplain #awards awards} and the files of the site. */
  public static byte[] bytes(Site site, byte[] awards, List<PublishedFile> files) {
    byte[] fileLines =
        lines(
            files.size(),
            (json, i) -> {
              PublishedFile f = files.get(i);
              json.append("{\"path\": ");
              string(json, f.path()).append(", \"sha256\": \"").append(f.sha256());
              json.append("\", \"size\": ").append(f.size()).append('}');
            });
    StringBuilder head = new StringBuilder("{\n  \"generator\": \"Badgesmith\",\n  \"baseUrl\": ");
    string(head, site.settings().baseUrl()).append(",\n  \"awards\": [");
    String middle = (awards.length == 0 ? "]" : "\n  ]") + ",\n  \"files\": [";
    String tail = (fileLines.length == 0 ? "]" : "\n  ]") + "\n}\n";
    return concat(List.of(utf8(head.toString()), awards, utf8(middle), fileLines, utf8(tail)));
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
                    json.append(i == 0 ? "\n    " : ",\n    ");
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
