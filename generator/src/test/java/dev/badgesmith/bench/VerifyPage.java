package dev.badgesmith.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a built verify page loads before a badge is dropped: the page, the scripts it names with
 * {@code src}, the stylesheets, icons and images it links, and what those stylesheets name with
 * {@code url(...)}, each counted once. Links a browser does not load ({@code canonical}, {@code
 * alternate}), {@code data:} URLs and the files its script loads only for a dropped badge (the
 * hosted-assertion buckets, the proof scripts named in an attribute) are not counted.
 */
final class VerifyPage {
  private static final Pattern SCRIPT =
      Pattern.compile("<script\\b[^>]*\\bsrc=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern LINK = Pattern.compile("<link\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern REL =
      Pattern.compile(
          "\\brel=\"(?:stylesheet|icon|preload|modulepreload|apple-touch-icon)\"",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]+)\"");
  private static final Pattern IMG =
      Pattern.compile("<img\\b[^>]*\\bsrc=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

  private VerifyPage() {}

  record Loaded(Map<String, Long> files) {
    long total() {
      return files.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  static Loaded eager(Path page) throws IOException {
    Map<String, Long> files = new LinkedHashMap<>();
    Path root = page.getParent().getParent();
    files.put(root.relativize(page).toString(), Files.size(page));
    String html = Files.readString(page, StandardCharsets.UTF_8);
    for (Matcher m = SCRIPT.matcher(html); m.find(); ) {
      add(files, root, page.getParent(), m.group(1));
    }
    for (Matcher m = LINK.matcher(html); m.find(); ) {
      Matcher href = HREF.matcher(m.group());
      if (REL.matcher(m.group()).find() && href.find()) {
        Path file = add(files, root, page.getParent(), href.group(1));
        if (file != null && file.toString().endsWith(".css")) {
          String css = Files.readString(file, StandardCharsets.UTF_8);
          for (Matcher u = CSS_URL.matcher(css); u.find(); ) {
            add(files, root, file.getParent(), u.group(1));
          }
        }
      }
    }
    for (Matcher m = IMG.matcher(html); m.find(); ) {
      add(files, root, page.getParent(), m.group(1));
    }
    return new Loaded(files);
  }

  /** Counts a local file once; a URL elsewhere or inline is not the site's bytes. */
  private static Path add(Map<String, Long> files, Path root, Path from, String reference)
      throws IOException {
    if (reference.startsWith("data:") || reference.matches("^[a-z]+://.*|^//.*")) {
      return null;
    }
    String path = reference.replaceAll("[?#].*$", "");
    Path file =
        (path.startsWith("/") ? root.resolve(path.substring(1)) : from.resolve(path)).normalize();
    String name = root.relativize(file).toString();
    if (!files.containsKey(name)) {
      files.put(name, Files.size(file));
    }
    return file;
  }
}
