package dev.badgesmith.pages;

import java.util.List;

/**
 * One framework on the skills search page.
 *
 * @param name the framework, or null for the skills that name none
 * @param key a name for the framework made of letters, digits and {@code -}, unique on the page:
 *     the filter's value for it, and the {@code framework} parameter of a link to the page
 * @param skills by code, then name, then URL
 */
public record SkillSearchFrameworkView(String name, String key, List<SkillSearchView> skills) {

  public SkillSearchFrameworkView {
    skills = List.copyOf(skills);
  }
}
