package dev.badgesmith.pages;

import java.util.List;

/**
 * The skills index: every skill the badge classes align to, grouped by framework.
 *
 * @param frameworks by name; skills without a framework come last
 */
public record SkillsPageView(FrameView frame, List<FrameworkView> frameworks) {

  public SkillsPageView {
    frameworks = List.copyOf(frameworks);
  }
}
