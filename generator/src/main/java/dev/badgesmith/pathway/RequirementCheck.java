package dev.badgesmith.pathway;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Spelling;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks the requirements of all stack badges of a site together: unknown ids and a badge that
 * requires itself (at the id), a group that asks for more badges than it names (at the group), a
 * cycle (at the {@code requires:} of one badge on it, naming the whole cycle), and a requirement
 * that can never be met because a badge it needs can never be earned (at its {@code requires:}).
 *
 * <p>Each problem is reported once, where it starts: a badge that needs an unknown id, a cycle or
 * an impossible group is not reported again as unsatisfiable, and neither is every badge above it
 * that would inherit only that problem. A badge that depends on a badge with an impossible group is
 * reported, though: requiring a badge that can never be earned is a requirement that can never be
 * met, and the maintainer of that badge may not be the one who wrote the group. The result is
 * sorted by {@link Diagnostic#ORDER}.
 */
public final class RequirementCheck {
  private final List<String> badgeIds;
  private final Set<String> known;
  private final Map<String, StackRule> rules = new TreeMap<>();
  private final List<Diagnostic> found = new ArrayList<>();

  private RequirementCheck(List<String> badgeIds, Collection<StackRule> rules) {
    this.badgeIds = List.copyOf(badgeIds);
    this.known = new HashSet<>(badgeIds);
    for (StackRule rule : rules) {
      if (this.rules.put(rule.badgeId(), rule) != null) {
        throw new IllegalArgumentException("two rules for badge " + rule.badgeId());
      }
    }
  }

  /**
   * Every problem of the requirements of a site's badges.
   *
   * @param badgeIds every badge class of the site, in the order a "did you mean" hint lists them
   * @param rules one rule per stack badge
   */
  public static List<Diagnostic> check(List<String> badgeIds, Collection<StackRule> rules) {
    RequirementCheck check = new RequirementCheck(badgeIds, rules);
    Set<String> locallyImpossible = new HashSet<>();
    for (StackRule rule : check.rules.values()) {
      check.references(rule);
      if (!check.groups(rule.requirement())) {
        locallyImpossible.add(rule.badgeId());
      }
    }
    Map<String, Integer> component = check.cycles();
    check.unsatisfiable(component, locallyImpossible);
    List<Diagnostic> sorted = new ArrayList<>(check.found);
    sorted.sort(Diagnostic.ORDER);
    return List.copyOf(sorted);
  }

  private void references(StackRule rule) {
    for (Requirement.Badge ref : rule.requirement().references()) {
      if (ref.id().equals(rule.badgeId())) {
        found.add(
            Diagnostic.error(Code.UNKNOWN_BADGE, ref.at(), "a badge class cannot require itself"));
      } else if (!known.contains(ref.id())) {
        found.add(unknown(ref));
      }
    }
  }

  private Diagnostic unknown(Requirement.Badge ref) {
    Diagnostic base =
        Diagnostic.error(Code.UNKNOWN_BADGE, ref.at(), "no badge class '" + ref.id() + "'");
    Optional<String> closest = Spelling.closest(ref.id(), badgeIds);
    return base.withHint(
        closest
            .map(k -> "did you mean '" + k + "'?")
            .orElse(
                "create badges/"
                    + ref.id()
                    + ".md"
                    + (badgeIds.isEmpty()
                        ? ""
                        : ", or use one of: " + String.join(", ", badgeIds))));
  }

  /** Reports impossible or repetitive groups; false when a group can never be met. */
  private boolean groups(Requirement r) {
    boolean possible = true;
    for (Requirement part : r.parts()) {
      possible &= groups(part);
    }
    Set<String> seen = new HashSet<>();
    for (Requirement part : r.parts()) {
      if (part instanceof Requirement.Badge b && !seen.add(b.id())) {
        found.add(
            Diagnostic.warning(
                    Code.DUPLICATE_ID, b.at(), "'" + b.id() + "' is named twice in this group")
                .withHint("remove the second one; holding a badge counts once"));
      }
    }
    if (r instanceof Requirement.AnyOf any) {
      if (any.count() < 1) {
        found.add(
            Diagnostic.error(
                    Code.INVALID_VALUE,
                    any.at(),
                    "'any: " + any.count() + "' asks for nothing; it must be 1 or more")
                .withHint("give the number of the listed badges an earner must hold"));
        possible = false;
      } else if (any.count() > any.distinctParts()) {
        long parts = any.distinctParts();
        found.add(
            Diagnostic.error(
                    Code.UNSATISFIABLE_REQUIREMENT,
                    any.at(),
                    "'any "
                        + any.count()
                        + " of' names only "
                        + parts
                        + (parts == 1 ? " badge" : " badges")
                        + ": this requirement can never be met")
                .withHint(
                    parts == 0
                        ? "list the badges under 'of:'"
                        : "lower 'any' to at most " + parts + ", or name more badges under 'of:'"));
        possible = false;
      }
    }
    return possible;
  }

  /**
   * Tarjan's strongly connected components over the requirement edges; each component with more
   * than one badge holds a cycle, reported once, starting from its first id in order.
   *
   * @return the component number of each badge on a cycle
   */
  private Map<String, Integer> cycles() {
    Map<String, List<String>> edges = new TreeMap<>();
    for (StackRule rule : rules.values()) {
      Set<String> targets = new TreeSet<>(rule.requirement().badgeIds());
      targets.remove(rule.badgeId());
      targets.retainAll(known);
      edges.put(rule.badgeId(), List.copyOf(targets));
    }
    List<List<String>> components = new Tarjan(edges).components();
    Map<String, Integer> componentOf = new HashMap<>();
    for (int i = 0; i < components.size(); i++) {
      List<String> members = components.get(i);
      if (members.size() < 2) {
        continue;
      }
      for (String m : members) {
        componentOf.put(m, i);
      }
      String start = new TreeSet<>(members).first();
      List<String> cycle = shortestCycle(start, edges, Set.copyOf(members));
      StackRule rule = rules.get(start);
      found.add(
          Diagnostic.error(
                  Code.REQUIREMENT_CYCLE,
                  rule.requiresAt(),
                  "requirement cycle: " + String.join(" -> ", cycle))
              .withHint(
                  "a badge cannot require, even through others, a badge that requires it:"
                      + " remove one of these requirements"));
    }
    return componentOf;
  }

  /** Breadth-first, neighbours in id order: the shortest cycle back to {@code start}. */
  private static List<String> shortestCycle(
      String start, Map<String, List<String>> edges, Set<String> within) {
    Map<String, String> previous = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String at = queue.removeFirst();
      for (String next : edges.getOrDefault(at, List.of())) {
        if (!within.contains(next)) {
          continue;
        }
        if (next.equals(start)) {
          List<String> path = new ArrayList<>(List.of(start));
          for (String s = at; !s.equals(start); s = previous.get(s)) {
            path.add(1, s);
          }
          path.add(start);
          return path;
        }
        if (!previous.containsKey(next)) {
          previous.put(next, at);
          queue.addLast(next);
        }
      }
    }
    throw new IllegalStateException("a strongly connected component without a cycle: " + start);
  }

  /**
   * Which stack badges can ever be earned, as a least fixed point: a badge with no requirement can;
   * a stack badge can once its requirement is met by badges that can. Unknown ids, self-references
   * and the edges of a cycle count as met, since each is reported on its own.
   */
  private void unsatisfiable(Map<String, Integer> component, Set<String> locallyImpossible) {
    Set<String> earnable = new HashSet<>(known);
    earnable.removeAll(rules.keySet());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (StackRule rule : rules.values()) {
        if (!earnable.contains(rule.badgeId())
            && rule.requirement().isMetBy(id -> counts(rule.badgeId(), id, earnable, component))) {
          earnable.add(rule.badgeId());
          changed = true;
        }
      }
    }
    for (StackRule rule : rules.values()) {
      if (earnable.contains(rule.badgeId()) || locallyImpossible.contains(rule.badgeId())) {
        continue;
      }
      Set<String> blockers = new LinkedHashSet<>();
      for (String id : rule.requirement().badgeIds()) {
        if (!counts(rule.badgeId(), id, earnable, component)) {
          blockers.add(id);
        }
      }
      found.add(
          Diagnostic.error(
                  Code.UNSATISFIABLE_REQUIREMENT,
                  rule.requiresAt(),
                  "the requirement of '"
                      + rule.badgeId()
                      + "' can never be met: "
                      + quoted(blockers)
                      + " can never be earned")
              .withHint(
                  "fix the requirement of " + quoted(blockers) + ", or require other badges"));
    }
  }

  private boolean counts(
      String from, String id, Set<String> earnable, Map<String, Integer> component) {
    if (earnable.contains(id) || !known.contains(id) || id.equals(from)) {
      return true;
    }
    Integer a = component.get(from);
    return a != null && a.equals(component.get(id));
  }

  private static String quoted(Collection<String> ids) {
    List<String> q = new ArrayList<>();
    ids.forEach(i -> q.add("'" + i + "'"));
    return String.join(", ", q);
  }
}
