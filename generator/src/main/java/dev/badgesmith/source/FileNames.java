package dev.badgesmith.source;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of a site's files, which must work in every checkout and on every host. A repository
 * that holds a file named as a Windows device ({@code con.yaml}), or two names that differ only in
 * case or in Unicode normalisation ({@code Ada.yaml} and {@code ada.yaml}), cannot be checked out
 * on Windows or macOS; a static file is published under its own name, which must need no encoding
 * in a URL.
 */
public final class FileNames {
  /**
   * A published name: ASCII letters, digits, {@code .}, {@code _} and {@code -}, so that a file's
   * URL is its path as written, with nothing to percent-encode and no second Unicode spelling (the
   * write stage publishes no other name).
   */
  private static final Pattern PUBLISHED_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private static final Set<String> DEVICES =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
          "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private FileNames() {}

  /**
   * Whether Windows reserves a file name for a device: {@code con}, {@code prn}, {@code aux},
   * {@code nul}, {@code com1} to {@code com9} and {@code lpt1} to {@code lpt9}, in any case and
   * with any extension ({@code con.yaml}, {@code Aux.tar.gz}).
   */
  public static boolean isReserved(String name) {
    int end = name.indexOf('.');
    if (end < 0) {
      end = name.length();
    }
    // The base is stripped as String.strip does, by index: most names are longer than any device's.
    int start = 0;
    while (start < end && Character.isWhitespace(name.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(name.charAt(end - 1))) {
      end--;
    }
    return end - start <= 4
        && DEVICES.contains(name.substring(start, end).toLowerCase(Locale.ROOT));
  }

  /** The message and hint of a name Windows reserves. */
  static Diagnostic reserved(SourcePosition at, String name) {
    return Diagnostic.error(
            Code.UNPORTABLE_NAME,
            at,
            "'"
                + name
                + "' is a name Windows reserves for a device: a repository that holds it"
                + " cannot be checked out on Windows")
        .withHint(
            "rename it: con, prn, aux, nul, com1 to com9 and lpt1 to lpt9 are reserved in any"
                + " case and with any extension");
  }

  /**
   * Reports the names of these files (paths relative to the site root) that not every checkout or
   * host can hold: a file or folder named as a Windows device, two paths that differ only in case
   * or Unicode normalisation, and a file under {@code static/} whose name a URL cannot hold as it
   * is. Each is reported once, at the first file of its path (in the order of paths); two paths
   * that differ only in case, at the first file of each.
   */
  static void check(List<SourceFile> files, Diagnostics diagnostics) {
    // Each path (of a file or folder) by its folded form, with the first file under it.
    Map<String, Map.Entry<String, SourcePosition>> byFolded = new HashMap<>();
    Set<String> reported = new HashSet<>();
    // A folder's path is checked at its first file: at the next ones each check would find what it
    // found then (an award folder holds thousands of files).
    Set<String> folders = new HashSet<>();
    List<SourceFile> sorted =
        files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
    for (SourceFile f : sorted) {
      SourcePosition at = SourcePosition.startOf(f.path());
      String path = f.path();
      boolean published = path.startsWith("static/");
      int from = 0;
      while (from <= path.length()) {
        int end = path.indexOf('/', from);
        if (end < 0) {
          end = path.length();
        }
        String prefix = end == path.length() ? path : path.substring(0, end);
        if (end < path.length() && !folders.add(prefix)) {
          from = end + 1;
          continue;
        }
        String name = path.substring(from, end);
        if (isReserved(name) && reported.add("reserved " + prefix)) {
          diagnostics.add(reserved(at, prefix));
        } else if (published && from > 0 && !publishable(name) && reported.add("name " + prefix)) {
          diagnostics.add(unpublishable(at, prefix, name));
        }
        Map.Entry<String, SourcePosition> earlier =
            byFolded.putIfAbsent(folded(prefix), Map.entry(prefix, at));
        if (earlier != null && !earlier.getKey().equals(prefix) && reported.add("twin " + prefix)) {
          // At both, so each file shows the problem: a review sees it whichever it opens.
          diagnostics.add(twins(earlier.getValue(), earlier.getKey(), prefix));
          diagnostics.add(twins(at, earlier.getKey(), prefix));
        }
        from = end + 1;
      }
    }
  }

  private static boolean publishable(String name) {
    return PUBLISHED_NAME.matcher(name).matches() && !name.endsWith(".");
  }

  private static Diagnostic unpublishable(SourcePosition at, String path, String name) {
    String suggestion =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replaceAll("[^A-Za-z0-9._-]+", "-")
            .replaceAll("^-+|[-.]+$", "");
    return Diagnostic.error(
            Code.UNPORTABLE_NAME,
            at,
            "'"
                + path
                + "' cannot be published: the name of a static file or folder has ASCII letters,"
                + " digits, '.', '_' and '-' only, and does not end in '.'")
        .withHint(
            (suggestion.isEmpty() ? "rename it" : "rename it, such as to '" + suggestion + "'")
                + ": its URL is then its name as written, with nothing to encode");
  }

  private static Diagnostic twins(SourcePosition at, String earlier, String later) {
    boolean normalisation =
        Normalizer.normalize(earlier, Normalizer.Form.NFC)
            .equals(Normalizer.normalize(later, Normalizer.Form.NFC));
    return Diagnostic.error(
            Code.NAMES_DIFFER_IN_CASE,
            at,
            "'"
                + earlier
                + "' and '"
                + later
                + "' differ only in "
                + (normalisation ? "their Unicode normalisation (NFC and NFD)" : "case")
                + ": Windows and macOS hold one of them, so the repository cannot be checked out"
                + " there")
        .withHint("rename or remove one of them");
  }

  /** A path as a file system that ignores case and Unicode normalisation compares it. */
  static String folded(String path) {
    boolean ascii = true;
    for (int i = 0; i < path.length() && ascii; i++) {
      ascii = path.charAt(i) < 0x80;
    }
    if (ascii) {
      return path.toLowerCase(Locale.ROOT);
    }
    StringBuilder folded = new StringBuilder(path.length());
    Normalizer.normalize(path, Normalizer.Form.NFC)
        .codePoints()
        .forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
    return folded.toString();
  }
}
