package dev.badgesmith.pages;

import java.util.List;

/**
 * One skill (an alignment target) and the badge classes aligned to it.
 *
 * @param url the skill's page in its framework, or null when it is not an http(s) URL
 * @param code the skill's code in its framework, or null
 * @param description the first description a badge class gives of it, or null
 * @param badges the aligned badge classes, linked to their criteria pages; none for an item of a
 *     CASE framework shown only because skills below it are aligned to
 * @param children the items its CASE framework places under it ({@code isChildOf}) that badges
 *     align to, or that have such items below them; empty for a skill not from a CASE package
 */
public record SkillView(
    String name,
    String url,
    String code,
    String description,
    List<LinkView> badges,
    List<SkillView> children) {

  public SkillView {
    badges = List.copyOf(badges);
    children = List.copyOf(children);
  }

  /** A skill with nothing under it. */
  public SkillView(
      String name, String url, String code, String description, List<LinkView> badges) {
    this(name, url, code, description, badges, List.of());
  }
}
