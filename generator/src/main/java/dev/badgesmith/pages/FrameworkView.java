package dev.badgesmith.pages;

import java.util.List;

/**
 * A skills framework and the skills of it that badge classes align to.
 *
 * @param name the framework, or null for the skills that name none
 * @param skills by code, then name
 */
public record FrameworkView(String name, List<SkillView> skills) {

  public FrameworkView {
    skills = List.copyOf(skills);
  }
}
