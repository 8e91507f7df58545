package dev.badgesmith.pages;

import java.util.List;

/**
 * A pathway drawn: its size in pixels, a box per badge, an arrow per requirement. Positions are
 * computed here so the template only draws.
 */
public record PathwayMapView(int width, int height, List<Node> nodes, List<Edge> edges) {

  public PathwayMapView {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * One badge's box.
   *
   * @param label its name, shortened to fit the box (the full name is {@code title})
   * @param earners the line under it ("3 earners")
   */
  public record Node(
      int x,
      int y,
      int width,
      int height,
      String title,
      String label,
      String earners,
      String url) {}

  /** An arrow from a required badge's box to the box of the badge that requires it. */
  public record Edge(int x1, int y1, int x2, int y2) {}
}
