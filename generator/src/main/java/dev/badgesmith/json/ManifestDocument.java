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

  public static byte[] bytes(Site site, List<PublishedFile> files) {
    SiteLayout layout = new SiteLayout(site.settings());
    StringBuilder json = new StringBuilder(256 + 200 * (site.awards().size() + files.size()));
    json.append("{\n  \"generator\": \"Badgesmith\",\n  \"baseUrl\": ");
    string(json, site.settings().baseUrl()).append(",\n  \"awards\": [");
    Map<String, BadgeClass> badges = site.badgesById();
    String separator = "\n    ";
    for (Award award : site.awards()) {
      json.append(separator).append("{\"badge\": ");
      string(json, award.badgeId()).append(", \"award\": ");
      string(json, award.id()).append(", \"source\": ");
      string(json, award.source()).append(", \"revoked\": ").append(award.revoked());
      json.append(", \"documents\": {");
      String inner = "";
      BadgeClass badge = badges.get(award.badgeId());
      for (Map.Entry<String, SiteUrl> document : layout.awardDocuments(award, badge).entrySet()) {
        json.append(inner);
        string(json, document.getKey()).append(": ");
        string(json, document.getValue().file());
        inner = ", ";
      }
      json.append("}}");
      separator = ",\n    ";
    }
    json.append(site.awards().isEmpty() ? "]" : "\n  ]").append(",\n  \"files\": [");
    separator = "\n    ";
    for (PublishedFile f : files) {
      json.append(separator).append("{\"path\": ");
      string(json, f.path()).append(", \"sha256\": \"").append(f.sha256());
      json.append("\", \"size\": ").append(f.size()).append('}');
      separator = ",\n    ";
    }
    json.append(files.isEmpty() ? "]" : "\n  ]").append("\n}\n");
    return json.toString().getBytes(StandardCharsets.UTF_8);
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
