package dev.badgesmith.pages;

import java.util.List;

/**
 * The home page: the site and its badge classes, in model order.
 *
 * @param description the site description, or null
 * @param tags every tag, to filter the gallery by (none marked current here)
 * @param issuers the site's issuers, linked to their pages
 * @param skillsUrl the skills index, or null when no badge class aligns to a skill
 */
public record IndexView(
    FrameView frame,
    String title,
    String description,
    List<BadgeSummaryView> badges,
    List<TagFilterView> tags,
    List<LinkView> issuers,
    String skillsUrl) {

  public IndexView {
    badges = List.copyOf(badges);
    tags = List.copyOf(tags);
    issuers = List.copyOf(issuers);
  }
}
