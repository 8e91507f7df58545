package dev.badgesmith.images;

import java.util.List;

/**
 * A label fitted into a box without the font's metrics, which depend on the fonts a machine has:
 * widths are estimated per character for a bold sans-serif, the label goes on one line or, when
 * that would make it too small, on two split at the space nearest its middle, at the largest size
 * that fits. A line as wide as the box also gets {@code textLength}, so the renderer squeezes it
 * into the box whatever font it finds.
 *
 * @param lines one or two lines
 * @param fontSize in the design's units
 * @param widths each line's estimated width, in the design's units
 * @param squeezed whether the lines fill the box's width, and so carry {@code textLength}
 */
record LabelFit(List<String> lines, double fontSize, List<Double> widths, boolean squeezed) {
  /** Line height, in font sizes. */
  static final double LEADING = 1.15;

  /** Below this share of the box's width as font size, two lines read better than one. */
  private static final double SMALL = 0.13;

  static LabelFit fit(String label, double width, double height) {
    LabelFit one = lines(List.of(label), width, height);
    int split = splitAt(label);
    if (split < 0 || one.fontSize >= SMALL * width) {
      return one;
    }
    LabelFit two =
        lines(List.of(label.substring(0, split), label.substring(split + 1)), width, height);
    return two.fontSize > one.fontSize ? two : one;
  }

  private static LabelFit lines(List<String> lines, double width, double height) {
    double widest = lines.stream().mapToDouble(LabelFit::ems).max().orElse(1);
    double byHeight = height / (lines.size() * LEADING);
    double byWidth = width / Math.max(widest, 0.5);
    double size = Math.min(byHeight, byWidth);
    List<Double> widths = lines.stream().map(l -> Math.min(width, ems(l) * size)).toList();
    return new LabelFit(List.copyOf(lines), size, widths, byWidth <= byHeight);
  }

  /** The space nearest the middle, or -1 when there is none. */
  private static int splitAt(String label) {
    int best = -1;
    for (int i = 0; i < label.length(); i++) {
      if (label.charAt(i) == ' '
          && (best < 0 || Math.abs(2 * i - label.length()) < Math.abs(2 * best - label.length()))) {
        best = i;
      }
    }
    return best;
  }

  /** The estimated width of a text in ems of a bold sans-serif (DejaVu Sans Bold's, roughly). */
  static double ems(String text) {
    double w = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      w += em(c);
    }
    return w;
  }

  private static double em(int c) {
    if (c == ' ') {
      return 0.35;
    }
    if ("iljI.,:;'!|()[]".indexOf(c) >= 0) {
      return 0.38;
    }
    if ("ftr-\"".indexOf(c) >= 0) {
      return 0.5;
    }
    if ("mwMW@%".indexOf(c) >= 0) {
      return 1.0;
    }
    if (Character.isUpperCase(c)) {
      return 0.78;
    }
    if (Character.isIdeographic(c)) {
      return 1.0;
    }
    return 0.68;
  }
}
