package dev.badgesmith.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code design:} block chose, its names as written in the site format: what shows a
 * design's choices (the preview's gallery) reads it, the image itself is drawn from it once.
 *
 * @param shape such as {@code hexagon}
 * @param tier {@code bronze}, {@code silver} or {@code gold}
 * @param background {@code #rrggbb}
 * @param foreground {@code #rrggbb}, the colour of the icon and the label
 */
public record DrawnDesign(
    String shape,
    Optional<String> tier,
    Optional<String> icon,
    Optional<String> label,
    String background,
    String foreground) {

  public DrawnDesign {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(icon, "icon");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(foreground, "foreground");
  }
}
