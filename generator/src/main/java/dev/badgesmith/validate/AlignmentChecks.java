package dev.badgesmith.validate;

import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.framework.CaseAlignment;
import dev.badgesmith.framework.CaseFrameworks;
import dev.badgesmith.load.Docs.AlignmentDoc;
import dev.badgesmith.load.Docs.CaseItemAlignment;
import dev.badgesmith.load.Docs.WrittenAlignment;
import dev.badgesmith.model.Alignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A badge class's alignments as the model holds them: written ones as they are, each {@code case:}
 * item resolved in the site's CASE packages and given the package's fields.
 */
final class AlignmentChecks {
  private final CaseFrameworks frameworks;
  private final boolean allRead;
  private final Diagnostics d;

  /**
   * @param allRead whether every package of {@code frameworks/} was read: an item of one that was
   *     not is not reported unknown, as the package's own error stands for it
   */
  AlignmentChecks(CaseFrameworks frameworks, boolean allRead, Diagnostics d) {
    this.frameworks = frameworks;
    this.allRead = allRead;
    this.d = d;
  }

  /** The alignments, or empty when a CASE item is unknown (reported). */
  Optional<List<Alignment>> alignments(List<AlignmentDoc> docs) {
    List<Alignment> alignments = new ArrayList<>();
    boolean ok = true;
    for (AlignmentDoc doc : docs) {
      if (doc instanceof WrittenAlignment w) {
        alignments.add(
            new Alignment(
                w.targetName(),
                w.targetUrl(),
                w.targetDescription(),
                w.targetFramework(),
                w.targetCode(),
                Optional.empty()));
      } else if (doc instanceof CaseItemAlignment c) {
        Optional<CaseAlignment> found =
            frameworks.find(c.item().value()).map(CaseFrameworks.Found::alignment);
        if (found.isEmpty() && allRead) {
          d.add(frameworks.unknown(c.item().value(), c.item().at()));
        }
        found.ifPresent(a -> alignments.add(alignment(a)));
        ok &= found.isPresent();
      }
    }
    return ok ? Optional.of(alignments) : Optional.empty();
  }

  private static Alignment alignment(CaseAlignment a) {
    return new Alignment(
        a.targetName(),
        a.targetUrl(),
        a.targetDescription(),
        Optional.of(a.targetFramework()),
        a.targetCode(),
        Optional.of(a.targetType()));
  }
}
