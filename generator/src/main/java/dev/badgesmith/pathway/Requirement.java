package dev.badgesmith.pathway;

import dev.badgesmith.diag.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a stack badge asks of an earner: one badge, all of a list, or any N of a list. Every part
 * remembers where it was written, so a problem is reported at the id or group that causes it.
 */
public sealed interface Requirement
    permits Requirement.Badge, Requirement.AllOf, Requirement.AnyOf {

  /** Where this part was written: the id, or the first key of a group. */
  SourcePosition at();

  /** Whether an earner holding the badges that {@code held} accepts meets this requirement. */
  boolean isMetBy(Predicate<String> held);

  /** The parts of a group; none for a single badge. */
  List<Requirement> parts();

  /** Every badge id this requirement names, in the order written, each once. */
  default List<String> badgeIds() {
    Set<String> ids = new LinkedHashSet<>();
    references().forEach(b -> ids.add(b.id()));
    return List.copyOf(ids);
  }

  /** Every {@link Badge} this requirement names, in the order written, repeats included. */
  default List<Badge> references() {
    List<Badge> found = new ArrayList<>();
    references(this, found);
    return List.copyOf(found);
  }

  private static void references(Requirement r, List<Badge> found) {
    if (r instanceof Badge b) {
      found.add(b);
    } else {
      r.parts().forEach(p -> references(p, found));
    }
  }

  /** The badge class {@code id} (its file is {@code badges/<id>.md}). */
  record Badge(String id, SourcePosition at) implements Requirement {
    public Badge {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public boolean isMetBy(Predicate<String> held) {
      return held.test(id);
    }

    @Override
    public List<Requirement> parts() {
      return List.of();
    }
  }

  /** Every part; what a plain list under {@code requires:} means. */
  record AllOf(List<Requirement> parts, SourcePosition at) implements Requirement {
    public AllOf {
      parts = List.copyOf(parts);
      Objects.requireNonNull(at, "at");
    }

    @Override
    public boolean isMetBy(Predicate<String> held) {
      return parts.stream().allMatch(p -> p.isMetBy(held));
    }
  }

  /**
   * At least {@code count} of the parts. A count larger than the parts can give is accepted here
   * and reported by {@link RequirementCheck}, so a loader can build the value before checking it.
   */
  record AnyOf(int count, List<Requirement> parts, SourcePosition at) implements Requirement {
    public AnyOf {
      parts = List.copyOf(parts);
      Objects.requireNonNull(at, "at");
    }

    @Override
    public boolean isMetBy(Predicate<String> held) {
      return metParts(held) >= count;
    }

    /**
     * How many parts are met. A badge named twice in the group counts once: holding it is one
     * achievement, however often the list repeats it.
     */
    public long metParts(Predicate<String> held) {
      Set<Object> seen = new LinkedHashSet<>();
      for (Requirement p : parts) {
        if (p.isMetBy(held)) {
          seen.add(p instanceof Badge b ? b.id() : p);
        }
      }
      return seen.size();
    }

    /** How many different parts there are: a badge named twice is one part. */
    public long distinctParts() {
      Set<Object> seen = new LinkedHashSet<>();
      for (Requirement p : parts) {
        seen.add(p instanceof Badge b ? b.id() : p);
      }
      return seen.size();
    }
  }
}
