package dev.badgesmith;

import dev.badgesmith.diag.Diagnostic;
import java.util.List;

/**
 * What writing award files did ({@link Badgesmith#award}, {@link Badgesmith#awardCsv}, {@link
 * Badgesmith#importAssertions}): all of them or none.
 *
 * @param written the files written, relative to the site folder, in the order given
 * @param problems why nothing was written; empty when the files were written
 */
public record AwardResult(List<String> written, List<Diagnostic> problems) {
  public AwardResult {
    written = List.copyOf(written);
    problems = List.copyOf(problems);
    if (!written.isEmpty() && !problems.isEmpty()) {
      throw new IllegalArgumentException("award files are written all or none");
    }
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
