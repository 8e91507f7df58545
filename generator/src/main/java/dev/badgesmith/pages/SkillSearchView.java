package dev.badgesmith.pages;

import java.util.List;

/**
 * One skill on the skills search page.
 *
 * @param url the skill's page in its framework, or null when it is not an http(s) URL
 * @param code its code, or null
 * @param description the first description a badge class gives of it, or null
 * @param partOf for an item of a CASE framework, the items its framework places it under
 * @param searchText what the filter matches a query against, folded (lower case, no accents): the
 *     skill's name, code and description, the names and codes of the items it is part of, and the
 *     names of its badges
 * @param liveAwards awards of its badges neither revoked nor expired at the build date
 * @param badges the badge classes aligned to it, in the site's order
 */
public record SkillSearchView(
    String name,
    String url,
    String code,
    String description,
    List<String> partOf,
    String searchText,
    int liveAwards,
    List<SkillBadgeView> badges) {

  public SkillSearchView {
    partOf = List.copyOf(partOf);
    badges = List.copyOf(badges);
  }
}
