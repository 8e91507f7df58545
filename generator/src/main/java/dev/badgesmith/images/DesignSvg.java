package dev.badgesmith.images;

import dev.badgesmith.images.BadgeDesign.Shape;
import dev.badgesmith.images.BadgeDesign.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Draws a {@link BadgeDesign} as an SVG on a 512 x 512 canvas: the shape in the background colour,
 * a ring inside it in the foreground colour (or a metal ring around it for a tier), the icon above
 * the label in the foreground colour, both within the shape's safe area. The same design always
 * gives the same bytes: nothing depends on the time, the machine or a random id.
 *
 * <p>The label embeds no font: it names a list of families ending in the generic {@code
 * sans-serif}, as the social card does, so the PNG Batik draws depends on the fonts installed where
 * it is built ({@link SvgRasterizer}); {@link LabelFit} keeps it in the safe area whatever font is
 * found.
 */
public final class DesignSvg {
  /** The canvas's width and height. */
  static final int SIZE = 512;

  static final String FONTS = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";

  /** The longest label, in characters: more does not fit two lines at a readable size. */
  public static final int MAX_LABEL = 40;

  private static final double INNER = 0.88;

  private DesignSvg() {}

  /**
   * Where the icon and label go: inside the inner ring, clear of the outline.
   *
   * @param cx the centre the inner ring is scaled around
   */
  record SafeArea(double x, double y, double width, double height, double cx, double cy) {}

  static SafeArea safeArea(Shape shape) {
    return switch (shape) {
      case CIRCLE -> new SafeArea(112, 112, 288, 288, 256, 256);
      case HEXAGON -> new SafeArea(126, 128, 260, 256, 256, 256);
      case SHIELD -> new SafeArea(120, 100, 272, 256, 256, 256);
      case ROUNDED_SQUARE -> new SafeArea(96, 96, 320, 320, 256, 256);
      case RIBBON -> new SafeArea(146, 98, 220, 220, 256, 208);
    };
  }

  /** The design as UTF-8 SVG. */
  public static byte[] render(BadgeDesign design) {
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"512\" height=\"512\"")
        .append(" viewBox=\"0 0 512 512\">\n");
    Optional<Tier> tier = design.tier();
    tier.ifPresent(
        t ->
            out.append("  <defs>\n")
                .append("    <linearGradient id=\"metal\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\">\n")
                .append(stop("0", t.light))
                .append(stop("0.5", t.mid))
                .append(stop("1", t.dark))
                .append("    </linearGradient>\n")
                .append("  </defs>\n"));
    String fill = "fill=\"" + design.background() + "\"";
    String outline =
        tier.map(t -> fill + " stroke=\"url(#metal)\" stroke-width=\"20\"").orElse(fill);
    SafeArea area = safeArea(design.shape());
    if (design.shape() == Shape.RIBBON) {
      for (String tail : List.of(TAIL_LEFT, TAIL_RIGHT)) {
        out.append("  <polygon points=\"")
            .append(tail)
            .append("\" ")
            .append(outline)
            .append("/>\n");
        out.append("  <polygon points=\"")
            .append(tail)
            .append("\" fill=\"#000000\" fill-opacity=\"0.2\"/>\n");
      }
    }
    out.append("  ").append(shape(design.shape(), outline)).append('\n');
    String ring =
        "fill=\"none\" stroke=\""
            + tier.map(t -> t.dark).orElse(design.foreground())
            + "\" stroke-opacity=\"0.45\" stroke-width=\"6\"";
    out.append("  <g transform=\"translate(")
        .append(num(area.cx()))
        .append(' ')
        .append(num(area.cy()))
        .append(") scale(")
        .append(INNER)
        .append(") translate(")
        .append(num(-area.cx()))
        .append(' ')
        .append(num(-area.cy()))
        .append(")\">")
        .append(shape(design.shape(), ring))
        .append("</g>\n");
    content(design, area, out);
    out.append("</svg>\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static final String TAIL_LEFT = "168,328 112,488 176,464 208,504 256,376";
  private static final String TAIL_RIGHT = "344,328 400,488 336,464 304,504 256,376";

  private static String shape(Shape shape, String attributes) {
    return switch (shape) {
      case CIRCLE -> "<circle cx=\"256\" cy=\"256\" r=\"232\" " + attributes + "/>";
      case HEXAGON ->
          "<polygon points=\"256,24 457,140 457,372 256,488 55,372 55,140\" " + attributes + "/>";
      case SHIELD ->
          "<path d=\"M256 28 L448 92 V236 C448 356 372 440 256 488 C140 440 64 356 64 236 V92 Z\" "
              + attributes
              + "/>";
      case ROUNDED_SQUARE ->
          "<rect x=\"32\" y=\"32\" width=\"448\" height=\"448\" rx=\"96\" " + attributes + "/>";
      case RIBBON -> "<circle cx=\"256\" cy=\"208\" r=\"176\" " + attributes + "/>";
    };
  }

  /** The icon above the label, each alone centred, within the safe area. */
  private static void content(BadgeDesign design, SafeArea a, StringBuilder out) {
    double gap = a.height() * 0.05;
    double iconSize =
        design.label().isPresent()
            ? Math.min(a.width(), a.height() * 0.55)
            : Math.min(a.width(), a.height()) * 0.8;
    if (design.icon().isPresent()) {
      double top = design.label().isPresent() ? a.y() : a.y() + (a.height() - iconSize) / 2;
      double left = a.x() + (a.width() - iconSize) / 2;
      out.append("  <g transform=\"translate(")
          .append(num(left))
          .append(' ')
          .append(num(top))
          .append(") scale(")
          .append(num(iconSize / IconSet.GRID))
          .append(")\" fill=\"")
          .append(design.foreground())
          .append("\">");
      IconSet.elements(design.icon().get()).forEach(out::append);
      out.append("</g>\n");
    }
    if (design.label().isEmpty()) {
      return;
    }
    double top = design.icon().isPresent() ? a.y() + iconSize + gap : a.y();
    double height = a.y() + a.height() - top;
    if (design.icon().isEmpty()) {
      // A label alone is not drawn taller than a third of the area: it is a word, not a poster.
      top += height / 3;
      height /= 3;
    }
    // Measured as drawn: without the characters XML cannot hold, which escape() leaves out.
    String label =
        design
            .label()
            .get()
            .codePoints()
            .filter(DesignSvg::xmlChar)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    LabelFit fit = LabelFit.fit(label, a.width(), height);
    double size = fit.fontSize();
    double block = fit.lines().size() * size * LabelFit.LEADING;
    double baseline = top + (height - block) / 2 + size * 0.95;
    out.append("  <g font-family=\"")
        .append(FONTS)
        .append("\" font-weight=\"bold\" font-size=\"")
        .append(num(size))
        .append("\" text-anchor=\"middle\" fill=\"")
        .append(design.foreground())
        .append("\">\n");
    for (int i = 0; i < fit.lines().size(); i++) {
      out.append("    <text x=\"")
          .append(num(a.x() + a.width() / 2))
          .append("\" y=\"")
          .append(num(baseline + i * size * LabelFit.LEADING))
          .append('"');
      if (fit.squeezed()) {
        out.append(" textLength=\"")
            .append(num(fit.widths().get(i)))
            .append("\" lengthAdjust=\"spacingAndGlyphs\"");
      }
      out.append('>').append(escape(fit.lines().get(i))).append("</text>\n");
    }
    out.append("  </g>\n");
  }

  private static String stop(String offset, String colour) {
    return "      <stop offset=\"" + offset + "\" stop-color=\"" + colour + "\"/>\n";
  }

  /** A number as SVG writes it: at most two decimals, no exponent, no trailing zeros. */
  static String num(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  /** Whether XML 1.0 can hold the character; a tab or line break would not show in a label. */
  private static boolean xmlChar(int c) {
    return c >= 0x20 && c != 0xfffe && c != 0xffff && (c < 0xd800 || c > 0xdfff);
  }

  /** Text as XML character data: markup escaped, characters XML 1.0 cannot hold left out. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                  if (xmlChar(c)) {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
