package dev.badgesmith.model;

import java.util.List;
import java.util.Objects;

/**
 * A published file: its path inside the output folder and its public URL. Both come from one value,
 * so a link and the file it points at always agree.
 *
 * @param base the site's base URL, ending in {@code /}
 * @param path the path under the output folder, with forward slashes and no leading slash; it may
 *     end in {@code /} for a folder served by its {@code index.html}
 */
public record SiteUrl(String base, String path) {

  public SiteUrl {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(path, "path");
    if (!base.endsWith("/")) {
      throw new IllegalArgumentException("base URL must end in '/': " + base);
    }
    if (path.startsWith("/") || path.contains("\\") || path.contains("//")) {
      throw new IllegalArgumentException("not a relative site path: " + path);
    }
    // Segment by segment without splitting: every link of every page makes one of these.
    for (int start = 0; start <= path.length(); ) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      int length = end - start;
      if ((length == 1 || length == 2 && path.charAt(start + 1) == '.')
          && path.charAt(start) == '.') {
        throw new IllegalArgumentException("path leaves the site: " + path);
      }
      start = end + 1;
    }
  }

  /** The absolute public URL. */
  public String url() {
    return base + path;
  }

  /** The file that holds this URL's content: {@code index.html} for a folder URL. */
  public String file() {
    return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
  }

  /**
   * This URL relative to a page's, such as {@code ../assets/style.css}: a link that also works in a
   * copy of the site saved to disk and opened over file://, where absolute URLs lead elsewhere.
   */
  public String relativeFrom(SiteUrl page) {
    String folder = page.path().substring(0, page.path().lastIndexOf('/') + 1);
    List<String> from = folder.isEmpty() ? List.of() : List.of(folder.split("/"));
    List<String> to = List.of(path.split("/", -1));
    int common = 0;
    while (common < from.size()
        && common < to.size() - 1
        && from.get(common).equals(to.get(common))) {
      common++;
    }
    String relative =
        "../".repeat(from.size() - common) + String.join("/", to.subList(common, to.size()));
    return relative.isEmpty() ? "./" : relative;
  }

  @Override
  public String toString() {
    return url();
  }
}
