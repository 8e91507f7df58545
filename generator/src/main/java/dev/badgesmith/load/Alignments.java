package dev.badgesmith.load;

import static dev.badgesmith.load.SiteKeys.ALIGNMENT_KEYS;
import static dev.badgesmith.load.ValueChecks.httpUrl;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.load.Docs.AlignmentDoc;
import dev.badgesmith.load.Docs.CaseItemAlignment;
import dev.badgesmith.load.Docs.WrittenAlignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A badge class's {@code alignment:} list: each item gives its target fields, or names a CASE item
 * ({@code case:}) whose fields the validator takes from the site's frameworks.
 */
final class Alignments {
  static final String CASE = "case";

  private Alignments() {}

  static List<AlignmentDoc> read(MapReader badge, Diagnostics d) {
    List<AlignmentDoc> alignments = new ArrayList<>();
    for (MapReader a : badge.mapList("alignment", "an alignment", ALIGNMENT_KEYS)) {
      if (a.has(CASE)) {
        byCase(a, d).ifPresent(alignments::add);
        continue;
      }
      Optional<Located<String>> targetName = a.requiredText("targetName");
      Optional<Located<String>> targetUrl = a.requiredText("targetUrl").filter(u -> httpUrl(u, d));
      if (targetName.isPresent() && targetUrl.isPresent()) {
        alignments.add(
            new WrittenAlignment(
                targetName.get().value(),
                targetUrl.get().value(),
                a.text("targetDescription").map(Located::value),
                a.text("targetFramework").map(Located::value),
                a.text("targetCode").map(Located::value)));
      }
    }
    return alignments;
  }

  /** An alignment to a CASE item: the item's fields are the framework's, never written beside. */
  private static Optional<AlignmentDoc> byCase(MapReader a, Diagnostics d) {
    Optional<Located<String>> item = a.requiredText(CASE);
    boolean ok = item.isPresent();
    for (String key : ALIGNMENT_KEYS) {
      if (!key.equals(CASE) && a.has(key)) {
        d.add(
            Diagnostic.error(
                    Code.INVALID_VALUE,
                    a.keyAt(key),
                    "an alignment to a CASE item cannot also give '" + key + "'")
                .withHint(
                    "the build fills the target fields from the framework: remove '"
                        + key
                        + "', or align by target fields without 'case'"));
        ok = false;
      }
    }
    return ok ? Optional.of(new CaseItemAlignment(item.get())) : Optional.empty();
  }
}
