package dev.badgesmith.pathway;

import dev.badgesmith.diag.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * The requirement of one stack badge: the badge class {@code badgeId} is earned by holding what
 * {@code requirement} asks.
 *
 * @param badgeId the stack badge
 * @param requiresAt where its {@code requires:} key was written: problems with the requirement as a
 *     whole (a cycle, a requirement that can never be met) are reported here
 * @param requirement what it asks
 */
public record StackRule(String badgeId, SourcePosition requiresAt, Requirement requirement) {

  public StackRule {
    Objects.requireNonNull(badgeId, "badgeId");
    Objects.requireNonNull(requiresAt, "requiresAt");
    Objects.requireNonNull(requirement, "requirement");
  }

  /** Today's plain list: all of these badges. */
  public static StackRule allOf(
      String badgeId, SourcePosition requiresAt, List<Requirement.Badge> badges) {
    return new StackRule(
        badgeId, requiresAt, new Requirement.AllOf(List.copyOf(badges), requiresAt));
  }
}
