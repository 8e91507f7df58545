package dev.badgesmith.validate;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.model.Award;
import dev.badgesmith.source.SiteSources;
import dev.badgesmith.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ids a site claims twice: by two files, or by a CSV row and another award. */
final class DuplicateIds {
  private DuplicateIds() {}

  /** Two files that give one id, such as issuers/x.yaml and issuers/x.md. */
  static void files(List<SourceFile> files, String what, Diagnostics d) {
    Map<String, SourceFile> seen = new HashMap<>();
    for (SourceFile f : files) {
      String key = key(f);
      SourceFile first = seen.putIfAbsent(key, f);
      if (first != null) {
        d.add(
            Diagnostic.error(
                    Code.DUPLICATE_ID,
                    SourcePosition.startOf(f.path()),
                    "the " + what + " id '" + f.id() + "' is also claimed by " + first.path())
                .withHint("keep one of the two files"));
      }
    }
  }

  /** {@code <folder>/<id>}, cut from the path in one piece: asked of every award file. */
  private static String key(SourceFile f) {
    String path = f.path();
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return f.folder() + "/" + f.id();
    }
    int dot = path.lastIndexOf('.');
    return path.substring(path.lastIndexOf('/', slash - 1) + 1, dot > slash ? dot : path.length());
  }

  /**
   * An award id that a CSV row claims as well as another row or an award file (two award files are
   * reported by {@link #files}).
   */
  static void rows(SiteSources sources, SiteDoc doc, List<Award> known, Diagnostics d) {
    if (sources.awards().stream().noneMatch(f -> f.hasExtension("csv"))) {
      return; // only a CSV row can claim an id another award has: award files have one each
    }
    record Claim(String key, String id, String path, SourcePosition at) {
      boolean isRow() {
        return path.endsWith(".csv");
      }
    }
    List<Claim> claims = new ArrayList<>();
    for (AwardDoc a : doc.awards()) {
      claims.add(new Claim(a.badgeId() + "/" + a.id(), a.id(), a.path(), a.at()));
    }
    for (Award a : known) {
      claims.add(
          new Claim(
              a.badgeId() + "/" + a.id(), a.id(), a.source(), SourcePosition.startOf(a.source())));
    }
    claims.sort(Comparator.comparing(Claim::path));
    Map<String, Claim> seen = new HashMap<>();
    for (Claim a : claims) {
      Claim first = seen.putIfAbsent(a.key(), a);
      if (first != null && (a.isRow() || first.isRow())) {
        String other = first.isRow() ? first.path() + ":" + first.at().line() : first.path();
        d.add(
            Diagnostic.error(
                    Code.DUPLICATE_ID,
                    a.at(),
                    "the award id '" + a.id() + "' is also claimed by " + other)
                .withHint("give each award its own id"));
      }
    }
  }
}
