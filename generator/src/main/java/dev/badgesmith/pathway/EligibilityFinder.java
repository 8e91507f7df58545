package dev.badgesmith.pathway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the earners who could be awarded a stack badge now: they hold live awards that meet its
 * requirement and hold no live award of the badge itself. Only awards count, not eligibility: an
 * earner eligible for {@code a} is not thereby eligible for a badge that requires {@code a}.
 */
public final class EligibilityFinder {
  private EligibilityFinder() {}

  /**
   * Every eligibility, by stack badge id, then earner key.
   *
   * @param rules the stack badges' requirements
   * @param live the live awards of the site, in any order
   */
  public static List<Eligibility> find(Collection<StackRule> rules, Collection<LiveAward> live) {
    Map<EarnerKey, Map<String, LiveAward>> held = new TreeMap<>();
    for (LiveAward award : live) {
      held.computeIfAbsent(award.earner(), e -> new TreeMap<>())
          .merge(award.badgeId(), award, (a, b) -> a.awardId().compareTo(b.awardId()) <= 0 ? a : b);
    }
    Map<String, StackRule> byBadge = new TreeMap<>();
    rules.forEach(r -> byBadge.put(r.badgeId(), r));
    List<Eligibility> found = new ArrayList<>();
    for (StackRule rule : byBadge.values()) {
      for (Map.Entry<EarnerKey, Map<String, LiveAward>> earner : held.entrySet()) {
        Map<String, LiveAward> badges = earner.getValue();
        if (!badges.containsKey(rule.badgeId())
            && rule.requirement().isMetBy(badges::containsKey)) {
          Set<LiveAward> qualifying = new LinkedHashSet<>();
          qualifying(rule.requirement(), badges, qualifying);
          found.add(new Eligibility(rule.badgeId(), earner.getKey(), List.copyOf(qualifying)));
        }
      }
    }
    return List.copyOf(found);
  }

  /** The eligibilities for one stack badge; empty when it has no rule. */
  public static List<Eligibility> find(
      Collection<StackRule> rules, Collection<LiveAward> live, String badgeId) {
    return find(rules.stream().filter(r -> r.badgeId().equals(badgeId)).toList(), live);
  }

  /** The held awards of the parts that are met, in the order written. */
  private static void qualifying(
      Requirement r, Map<String, LiveAward> badges, Set<LiveAward> into) {
    if (r instanceof Requirement.Badge b) {
      LiveAward award = badges.get(b.id());
      if (award != null) {
        into.add(award);
      }
      return;
    }
    for (Requirement part : r.parts()) {
      if (part.isMetBy(badges::containsKey)) {
        qualifying(part, badges, into);
      }
    }
  }
}
