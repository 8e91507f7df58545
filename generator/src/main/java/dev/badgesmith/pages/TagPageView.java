package dev.badgesmith.pages;

import java.util.List;

/**
 * The gallery of the badge classes that carry one tag.
 *
 * @param tag the tag as the first badge class that carries it writes it
 * @param tags the filter: "All badges" first, then every tag, this one marked current
 */
public record TagPageView(
    FrameView frame, String tag, List<BadgeSummaryView> badges, List<TagFilterView> tags) {

  public TagPageView {
    badges = List.copyOf(badges);
    tags = List.copyOf(tags);
  }
}
