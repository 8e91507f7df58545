package dev.badgesmith.load;

import dev.badgesmith.load.Docs.DesignDoc;
import java.util.Optional;

/**
 * Reads a badge class's {@code design:} block: its keys and their types. What the names mean (a
 * shape, a colour, an icon) is the validator's to check, where the lists of them are.
 */
final class DesignReader {
  private DesignReader() {}

  static Optional<DesignDoc> read(MapReader badge) {
    return badge
        .map("design", "a badge design", SiteKeys.DESIGN_KEYS)
        .map(
            r ->
                new DesignDoc(
                    badge.keyAt("design"),
                    r.text("shape"),
                    r.textList("colors"),
                    r.text("icon"),
                    r.text("label"),
                    r.text("tier")));
  }
}
