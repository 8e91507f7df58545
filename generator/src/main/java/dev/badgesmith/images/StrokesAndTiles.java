package dev.badgesmith.images;

import dev.badgesmith.diag.Code;
import dev.badgesmith.images.SvgTree.Element;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upper bounds, read from the attributes without rendering, of two kinds of work Batik does per
 * small piece rather than per element: the tiles of a {@code <pattern>} it draws, and the dashes of
 * a dashed stroke. Both are counts of user-space lengths and areas divided by one another, so they
 * do not depend on the size the image is rendered at; each estimate errs on the side of more work.
 */
final class StrokesAndTiles {
  private static final Pattern NUMBER =
      Pattern.compile("([+-]?(?:[0-9]*\\.)?[0-9]+(?:[eE][+-]?[0-9]+)?)\\s*(%|[a-zA-Z]*)");
  private static final Pattern TRANSFORM = Pattern.compile("([a-zA-Z]+)\\s*\\(([^)]*)\\)");
  private static final Pattern LIST_NUMBER =
      Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern PATH_COMMAND =
      Pattern.compile("([MmLlHhVvCcSsQqTtAaZz])([^MmLlHhVvCcSsQqTtAaZz]*)");

  private StrokesAndTiles() {}

  static ImageProblem tooManyTiles(Element pattern, double tiles) {
    return pattern.at(
        ImageProblem.error(
                Code.IMAGE_OVER_LIMITS,
                "the "
                    + pattern.tag()
                    + " element's tiles are too small: drawing the image would draw some "
                    + ImageLimits.count((long) Math.min(Long.MAX_VALUE, tiles))
                    + " tiles of patterns, over the limit of "
                    + ImageLimits.count((long) ImageLimits.MAX_PATTERN_TILES))
            .withHint(
                "make the tile larger (width and height), or fill with a colour: a tile smaller"
                    + " than a pixel shows nothing"));
  }

  /** Dashes over the limit; {@code at} gave the finest {@code stroke-dasharray}. */
  static ImageProblem tooManyDashes(Element at, double length, double dashes) {
    return at.at(
        ImageProblem.error(
                Code.IMAGE_OVER_LIMITS,
                "the stroke-dasharray of "
                    + at.tag()
                    + " is too fine for the strokes of the image: they are up to "
                    + ImageLimits.count((long) Math.min(Long.MAX_VALUE, length))
                    + " units long, some "
                    + ImageLimits.count((long) Math.min(Long.MAX_VALUE, dashes))
                    + " dashes, over the limit of "
                    + ImageLimits.count((long) ImageLimits.MAX_DASHES))
            .withHint("make the dashes and gaps longer"));
  }

  /** The root's canvas in its user units: its viewBox, else its width and height, else 4096. */
  static double[] canvas(Element root) {
    double[] box = numbers(root.attribute("viewBox"));
    if (box.length == 4 && box[2] > 0 && box[3] > 0) {
      return new double[] {box[2], box[3]};
    }
    double w = length(root.attribute("width"), null);
    double h = length(root.attribute("height"), null);
    return w > 0 && h > 0
        ? new double[] {w, h}
        : new double[] {SvgRasterizer.MAX_SIZE, SvgRasterizer.MAX_SIZE};
  }

  /**
   * How long the outline of a shape is, at most, in its user units: its perimeter; for a path, the
   * length of its control polygon (a curve is never longer than that) with each arc counted as a
   * whole ellipse; for text, eight times its font size a character.
   */
  static double strokeLength(Element e, double[] canvas) {
    return switch (e.local) {
      case "circle" -> 2 * Math.PI * length(e.attribute("r"), canvas);
      case "ellipse" ->
          2
              * Math.PI
              * Math.max(length(e.attribute("rx"), canvas), length(e.attribute("ry"), canvas));
      case "rect" ->
          2 * (length(e.attribute("width"), canvas) + length(e.attribute("height"), canvas));
      case "line" ->
          Math.hypot(
              length(e.attribute("x2"), canvas) - length(e.attribute("x1"), canvas),
              length(e.attribute("y2"), canvas) - length(e.attribute("y1"), canvas));
      case "polyline", "polygon" ->
          polygon(numbers(e.attribute("points")), e.local.equals("polyline"));
      case "path" -> path(e.attribute("d"), new double[4]);
      case "text", "tspan", "textPath" -> e.text().length() * 8.0 * fontSize(e, canvas);
      default -> 0;
    };
  }

  /**
   * The smallest dash period of a {@code stroke-dasharray} value (the sum of its lengths, twice
   * when their count is odd), or infinity when it draws no dashes; a percentage counted of the
   * canvas's smaller side, em and ex as percentages too, which is smaller than they usually are.
   */
  static double period(String dashArray, double[] canvas) {
    double sum = 0;
    int count = 0;
    Matcher m = NUMBER.matcher(dashArray);
    while (m.find()) {
      double value = Math.abs(Double.parseDouble(m.group(1)));
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      sum +=
          unit.equals("%") || unit.equals("em") || unit.equals("ex")
              ? value * Math.min(canvas[0], canvas[1]) / 100
              : value;
      count++;
    }
    if (count == 0 || !(sum > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    return count % 2 == 1 ? 2 * sum : sum;
  }

  /**
   * How many tiles of {@code pattern} filling or stroking {@code from} Batik draws, at most: the
   * tiles in the element's bounding box for a pattern in {@code objectBoundingBox} units (the
   * default); for one in {@code userSpaceOnUse}, those over the whole canvas, seen from the
   * element's user space (its own and its ancestors' transforms and nested viewBoxes). A {@code
   * patternTransform} scales the tile; attributes the pattern does not set come from the pattern
   * its {@code href} names, as in SVG.
   */
  static double tiles(Element pattern, Element from, Map<String, Element> ids, double[] canvas) {
    Tile tile = tile(pattern, ids, canvas);
    if (!(tile.area() > 0)) {
      return 0;
    }
    double area =
        tile.userSpace() ? Math.pow(Math.max(canvas[0], canvas[1]), 2) / userScale(from) : 1;
    return Math.max(1, area / tile.area());
  }

  /**
   * How many tiles of {@code pattern} in {@code userSpaceOnUse} units cover {@code area}, the areas
   * of the shapes it paints, each in its own user space (where its tile is measured too, since a
   * shape that inherits the paint refers to the pattern itself): whatever transforms or {@code
   * <use>} draw a shape, the tiles it holds are its area over the tile's. Zero for a pattern in
   * bounding-box units.
   */
  static double tilesOver(Element pattern, double area, Map<String, Element> ids, double[] canvas) {
    Tile tile = tile(pattern, ids, canvas);
    return tile.userSpace() && tile.area() > 0 ? area / tile.area() : 0;
  }

  /** A pattern's tile: whether in user units, and its area (scaled by its transform). */
  private record Tile(boolean userSpace, double area) {}

  private static Tile tile(Element pattern, Map<String, Element> ids, double[] canvas) {
    String width = inherited(pattern, "width", ids);
    String height = inherited(pattern, "height", ids);
    String units = inherited(pattern, "patternUnits", ids);
    String transform = inherited(pattern, "patternTransform", ids);
    boolean userSpace = units != null && units.strip().equals("userSpaceOnUse");
    double[] relative = userSpace ? canvas : new double[] {1, 1};
    return new Tile(
        userSpace, length(width, relative) * length(height, relative) * scale(transform));
  }

  /**
   * The area a shape covers in its user space, at most: its bounding box (a path's, through its
   * control points); zero for text and what has no geometry of its own.
   */
  static double area(Element e, double[] canvas) {
    return switch (e.local) {
      case "rect" -> length(e.attribute("width"), canvas) * length(e.attribute("height"), canvas);
      case "circle" -> Math.pow(2 * length(e.attribute("r"), canvas), 2);
      case "ellipse" -> 4 * length(e.attribute("rx"), canvas) * length(e.attribute("ry"), canvas);
      case "polyline", "polygon" -> box(numbers(e.attribute("points")));
      case "path" -> {
        double[] bounds = {
          Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE
        };
        path(e.attribute("d"), bounds);
        yield area(bounds);
      }
      default -> 0;
    };
  }

  /** The area of the box around points given as x, y pairs. */
  private static double box(double[] xy) {
    double[] bounds = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i + 1 < xy.length; i += 2) {
      include(bounds, xy[i], xy[i + 1]);
    }
    return area(bounds);
  }

  private static void include(double[] bounds, double x, double y) {
    bounds[0] = Math.min(bounds[0], x);
    bounds[1] = Math.min(bounds[1], y);
    bounds[2] = Math.max(bounds[2], x);
    bounds[3] = Math.max(bounds[3], y);
  }

  private static double area(double[] bounds) {
    return bounds[2] < bounds[0] ? 0 : (bounds[2] - bounds[0]) * (bounds[3] - bounds[1]);
  }

  /** How much an element scales areas for its parent: its transform, and a nested viewBox. */
  private static double ownScale(Element e) {
    double scale = scale(e.attribute("transform"));
    if (e.local.equals("svg") && e.parent != null) {
      scale *= viewBoxScale(e);
    }
    return scale;
  }

  /** An attribute of a pattern, or of the patterns its {@code href} leads to. */
  private static String inherited(Element pattern, String name, Map<String, Element> ids) {
    Set<Element> seen = new HashSet<>();
    for (Element p = pattern; p != null && seen.add(p); ) {
      String value = p.attribute(name);
      if (value != null) {
        return value;
      }
      String href = p.href();
      p = href != null && href.strip().startsWith("#") ? ids.get(href.strip().substring(1)) : null;
    }
    return null;
  }

  /**
   * How much an area of the element's user space covers of the root's: the product of its own and
   * its ancestors' transforms' scales, and of each nested {@code <svg>}'s viewBox.
   */
  private static double userScale(Element from) {
    double scale = 1;
    for (Element e = from; e != null && e.parent != null; e = e.parent) {
      scale *= ownScale(e);
    }
    return scale > 0 ? scale : Double.MIN_VALUE;
  }

  /**
   * The font size an element's attributes give it, or its ancestors'; else an eighth of the canvas
   * (style sheets may set it too, which this does not read).
   */
  private static double fontSize(Element e, double[] canvas) {
    for (Element at = e; at != null; at = at.parent) {
      double size = length(at.attribute("font-size"), canvas);
      if (size > 0) {
        return size;
      }
    }
    return Math.max(canvas[0], canvas[1]) / 8;
  }

  private static double viewBoxScale(Element e) {
    double[] box = numbers(e.attribute("viewBox"));
    if (box.length != 4 || !(box[2] > 0) || !(box[3] > 0)) {
      return 1;
    }
    double w = length(e.attribute("width"), null);
    double h = length(e.attribute("height"), null);
    // Without a plain width and height, it fills at most a canvas of 4096.
    w = w > 0 ? w : SvgRasterizer.MAX_SIZE;
    h = h > 0 ? h : SvgRasterizer.MAX_SIZE;
    return Math.pow(Math.min(w / box[2], h / box[3]), 2);
  }

  /** How much a transform list scales areas: the absolute determinant of its matrix. */
  static double scale(String transform) {
    if (transform == null) {
      return 1;
    }
    double scale = 1;
    Matcher m = TRANSFORM.matcher(transform);
    while (m.find()) {
      double[] a = numbers(m.group(2));
      scale *=
          switch (m.group(1)) {
            case "matrix" -> a.length == 6 ? Math.abs(a[0] * a[3] - a[1] * a[2]) : 1;
            case "scale" -> a.length == 0 ? 1 : Math.abs(a[0] * (a.length > 1 ? a[1] : a[0]));
            default -> 1; // translate, rotate and skew keep areas
          };
    }
    return scale;
  }

  private static double polygon(double[] xy, boolean open) {
    double total = 0;
    for (int i = 2; i + 1 < xy.length; i += 2) {
      total += Math.hypot(xy[i] - xy[i - 2], xy[i + 1] - xy[i - 1]);
    }
    if (!open && xy.length >= 4) {
      total += Math.hypot(xy[0] - xy[xy.length - 2], xy[1] - xy[xy.length - 1]);
    }
    return total;
  }

  /**
   * At least the length of path data: the length of its control polygon, from point to point
   * through every control point (a Bézier curve is no longer than that); an arc counted as the
   * longer of an ellipse of its radii and four times its chord; a close as the way back to where
   * its subpath began.
   */
  private static double path(String d, double[] bounds) {
    if (d == null) {
      return 0;
    }
    double total = 0;
    double x = 0;
    double y = 0;
    double startX = 0;
    double startY = 0;
    Matcher m = PATH_COMMAND.matcher(d);
    while (m.find()) {
      char command = m.group(1).charAt(0);
      char lower = Character.toLowerCase(command);
      boolean relative = command == lower;
      double[] a = numbers(m.group(2));
      if (lower == 'z') {
        total += Math.hypot(startX - x, startY - y);
        x = startX;
        y = startY;
        continue;
      }
      int arity =
          switch (lower) {
            case 'h', 'v' -> 1;
            case 'm', 'l', 't' -> 2;
            case 's', 'q' -> 4;
            case 'c' -> 6;
            default -> 7; // a
          };
      for (int i = 0; i + arity <= a.length; i += arity) {
        double baseX = relative ? x : 0;
        double baseY = relative ? y : 0;
        if (lower == 'h' || lower == 'v') {
          double to = a[i] + (lower == 'h' ? baseX : baseY);
          total += Math.abs(to - (lower == 'h' ? x : y));
          x = lower == 'h' ? to : x;
          y = lower == 'v' ? to : y;
          include(bounds, x, y);
          continue;
        }
        int points = lower == 'a' ? 1 : arity / 2;
        int first = lower == 'a' ? i + 5 : i;
        double fromX = x;
        double fromY = y;
        for (int p = 0; p < points; p++) {
          double px = a[first + 2 * p] + baseX;
          double py = a[first + 2 * p + 1] + baseY;
          if (!(lower == 'm' && i == 0)) {
            total += Math.hypot(px - x, py - y);
          }
          x = px;
          y = py;
          include(bounds, x, y);
        }
        if (lower == 'a') {
          double radius = Math.max(Math.abs(a[i]), Math.abs(a[i + 1]));
          double reach = Math.max(2 * radius, Math.hypot(x - fromX, y - fromY));
          total += Math.max(2 * Math.PI * radius, 4 * Math.hypot(x - fromX, y - fromY));
          // The arc stays within its diameter (or its chord, when the radii scale up) of its start.
          include(bounds, fromX - reach, fromY - reach);
          include(bounds, fromX + reach, fromY + reach);
        }
        if (lower == 'm' && i == 0) {
          startX = x;
          startY = y;
        }
      }
    }
    return total;
  }

  /** A length as a number of user units; a percentage of the larger side of {@code relative}. */
  private static double length(String value, double[] relative) {
    if (value == null) {
      return 0;
    }
    Matcher m = NUMBER.matcher(value.strip());
    if (!m.lookingAt()) {
      return 0;
    }
    double number = Double.parseDouble(m.group(1));
    if (m.group(2).equals("%")) {
      return relative == null ? 0 : number * Math.max(relative[0], relative[1]) / 100;
    }
    return number;
  }

  /** The numbers of a list, as SVG reads them: {@code 0.5.5-1} is 0.5, 0.5 and -1. */
  private static double[] numbers(String list) {
    if (list == null) {
      return new double[0];
    }
    double[] out = new double[8];
    int n = 0;
    Matcher m = LIST_NUMBER.matcher(list);
    while (m.find()) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = Double.parseDouble(m.group());
    }
    return Arrays.copyOf(out, n);
  }
}
