package dev.badgesmith.pages;

import java.util.List;

/**
 * The pathway page of a stack badge: every badge on the way to it, as a map and as the same steps
 * in text.
 *
 * @param badge the stack badge, linked to its criteria page
 * @param requirement what earns it, in words ("Earned by holding Mentor and any 1 of Talk or
 *     Workshop.")
 * @param steps every badge on the pathway, the first steps first and the stack badge last
 * @param map the steps drawn as boxes in columns, with an arrow from each badge to each one that
 *     requires it
 */
public record PathwayPageView(
    FrameView frame,
    LinkView badge,
    String imageUrl,
    String imageAlt,
    String requirement,
    List<PathwayStepView> steps,
    PathwayMapView map) {

  public PathwayPageView {
    steps = List.copyOf(steps);
  }
}
