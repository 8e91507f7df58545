package dev.badgesmith.pages;

import java.util.List;

/**
 * The skills search page: every skill the badge classes align to, flat under its framework, with
 * the badges aligned to it and, where the site publishes earner pages, who holds them. The page is
 * a complete list without script; its script only hides what a filter leaves out.
 *
 * @param skillsUrl the skills index, which shows the frameworks' hierarchy
 * @param jsonUrl {@code skills/index.json}, the same skills for machines
 * @param scriptUrl the filter's script, relative to the page, so a saved copy finds it
 * @param skillCount how many skills the page lists
 * @param frameworks by name; the skills that name none come last
 */
public record SkillSearchPageView(
    FrameView frame,
    String skillsUrl,
    String jsonUrl,
    String scriptUrl,
    int skillCount,
    List<SkillSearchFrameworkView> frameworks) {

  public SkillSearchPageView {
    frameworks = List.copyOf(frameworks);
  }
}
