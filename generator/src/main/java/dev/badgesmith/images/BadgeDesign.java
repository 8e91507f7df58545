package dev.badgesmith.images;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A badge design as a {@code design:} block describes it, its names already checked: {@link
 * DesignSvg} draws it.
 *
 * @param background {@code #rrggbb}
 * @param foreground {@code #rrggbb}, the colour of the icon and the label
 * @param icon a name of {@link IconSet}
 */
public record BadgeDesign(
    Shape shape,
    String background,
    String foreground,
    Optional<String> icon,
    Optional<String> label,
    Optional<Tier> tier) {

  public BadgeDesign {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(foreground, "foreground");
    Objects.requireNonNull(icon, "icon");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(tier, "tier");
  }

  /** The outline of a design. */
  public enum Shape {
    CIRCLE,
    HEXAGON,
    SHIELD,
    ROUNDED_SQUARE,
    RIBBON;

    /** The name a {@code design:} block writes. */
    public String written() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> names() {
      return Arrays.stream(values()).map(Shape::written).toList();
    }

    public static Optional<Shape> of(String written) {
      return Arrays.stream(values()).filter(s -> s.written().equals(written)).findFirst();
    }
  }

  /** A metal ring around the outline, drawn with a gradient of three of the metal's shades. */
  public enum Tier {
    BRONZE("#e8a36a", "#cd7f32", "#8c5523"),
    SILVER("#f2f2f2", "#c0c0c0", "#7d7d7d"),
    GOLD("#fff1a6", "#e6b422", "#9c7a0b");

    /** The highlight, the body and the shade of the ring. */
    final String light;

    final String mid;
    final String dark;

    Tier(String light, String mid, String dark) {
      this.light = light;
      this.mid = mid;
      this.dark = dark;
    }

    public String written() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> names() {
      return Arrays.stream(values()).map(Tier::written).toList();
    }

    public static Optional<Tier> of(String written) {
      return Arrays.stream(values()).filter(t -> t.written().equals(written)).findFirst();
    }
  }
}
