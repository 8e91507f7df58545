package dev.badgesmith.pages;

import java.util.List;

/**
 * One badge class in the list on the home page.
 *
 * @param awardCount how many awards of it stand (revoked ones do not count)
 * @param tags its tags, each linked to the gallery of that tag
 */
public record BadgeSummaryView(
    String name,
    String description,
    String imageUrl,
    String imageAlt,
    String pageUrl,
    int awardCount,
    List<LinkView> tags) {

  public BadgeSummaryView {
    tags = List.copyOf(tags);
  }
}
