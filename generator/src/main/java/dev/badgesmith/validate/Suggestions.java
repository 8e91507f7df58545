package dev.badgesmith.validate;

import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Spelling;
import java.util.List;

/** The hint of a name that refers to nothing: the closest known name, or what to create. */
final class Suggestions {
  private Suggestions() {}

  static Diagnostic withSuggestion(
      Diagnostic base, String wrong, List<String> known, String create) {
    return base.withHint(
        Spelling.closest(wrong, known)
            .map(k -> "did you mean '" + k + "'?")
            .orElse(
                "create "
                    + create
                    + (known.isEmpty() ? "" : ", or use one of: " + String.join(", ", known))));
  }
}
