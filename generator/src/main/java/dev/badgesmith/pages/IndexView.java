package dev.badgesmith.pages;

import java.util.List;

/**
 * The home page: the site and its badge classes, in model order.
 *
 * @param description the site description, or null
 */
public record IndexView(
    FrameView frame, String title, String description, List<BadgeSummaryView> badges) {

  public IndexView {
    badges = List.copyOf(badges);
  }
}
