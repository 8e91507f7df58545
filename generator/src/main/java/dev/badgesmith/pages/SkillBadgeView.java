package dev.badgesmith.pages;

import java.util.List;

/**
 * A badge class aligned to a skill, on the skills search page.
 *
 * @param badge its name and criteria page
 * @param liveAwards its awards neither revoked nor expired at the build date
 * @param holders the earners of those awards who have an earner page (a URL or DID recipient on a
 *     site with {@code pages.earnerPages}), by name: each one's display name (or null when none of
 *     their awards gives one) and their earner page
 * @param otherAwards the live awards of earners who have no page, counted and never named
 */
public record SkillBadgeView(
    LinkView badge, int liveAwards, List<LinkView> holders, int otherAwards) {

  public SkillBadgeView {
    holders = List.copyOf(holders);
  }
}
