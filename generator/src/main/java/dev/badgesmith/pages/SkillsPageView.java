package dev.badgesmith.pages;

import java.util.List;

/**
 * The skills index: every skill the badge classes align to, grouped by framework.
 *
 * @param frameworks by name; skills without a framework come last
 * @param searchUrl the skills search page: the same skills, filterable, with their holders
 */
public record SkillsPageView(FrameView frame, List<FrameworkView> frameworks, String searchUrl) {

  public SkillsPageView {
    frameworks = List.copyOf(frameworks);
  }
}
