package dev.badgesmith.pathway;

import dev.badgesmith.diag.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** Short ways to write requirements in tests, each at a distinct position of its badge's file. */
final class Rules {
  private Rules() {}

  static SourcePosition at(String badge, int line, int column) {
    return new SourcePosition("badges/" + badge + ".md", line, column);
  }

  /** {@code badge} requires all of {@code ids}: the list on line 3, item i at column 12 + 3i. */
  static StackRule allOf(String badge, String... ids) {
    List<Requirement.Badge> refs = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      refs.add(new Requirement.Badge(ids[i], at(badge, 3, 12 + 3 * i)));
    }
    return StackRule.allOf(badge, at(badge, 3, 1), refs);
  }

  /** {@code badge} requires any {@code count} of {@code ids}: the group on line 4. */
  static StackRule anyOf(String badge, int count, String... ids) {
    return new StackRule(badge, at(badge, 3, 1), any(badge, count, ids));
  }

  static Requirement.AnyOf any(String badge, int count, String... ids) {
    List<Requirement> refs = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      refs.add(new Requirement.Badge(ids[i], at(badge, 5, 9 + 3 * i)));
    }
    return new Requirement.AnyOf(count, refs, at(badge, 4, 5));
  }
}
