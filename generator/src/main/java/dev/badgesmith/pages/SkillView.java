package dev.badgesmith.pages;

import java.util.List;

/**
 * One skill (an alignment target) and the badge classes aligned to it.
 *
 * @param url the skill's page in its framework, or null when it is not an http(s) URL
 * @param code the skill's code in its framework, or null
 * @param description the first description a badge class gives of it, or null
 * @param badges the aligned badge classes, linked to their criteria pages
 */
public record SkillView(
    String name, String url, String code, String description, List<LinkView> badges) {

  public SkillView {
    badges = List.copyOf(badges);
  }
}
