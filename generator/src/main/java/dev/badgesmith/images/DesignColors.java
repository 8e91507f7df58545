package dev.badgesmith.images;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The colours of a {@code design:} block: {@code #rrggbb}, or a name of a small palette chosen so
 * that the dark names carry white text, and the light ones dark text, at WCAG AA contrast. Also the
 * WCAG 2.x contrast ratio the check warns by.
 */
public final class DesignColors {
  private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

  /** The palette, in the order the README lists it. */
  public static final Map<String, String> PALETTE = palette();

  private DesignColors() {}

  private static Map<String, String> palette() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("navy", "#1f3a5f");
    p.put("blue", "#1d4ed8");
    p.put("teal", "#0f766e");
    p.put("green", "#15803d");
    p.put("purple", "#6d28d9");
    p.put("red", "#b91c1c");
    p.put("orange", "#c2410c");
    p.put("brown", "#7c2d12");
    p.put("slate", "#334155");
    p.put("black", "#111827");
    p.put("white", "#ffffff");
    p.put("cream", "#fff7e6");
    p.put("sky", "#bae6fd");
    p.put("mint", "#bbf7d0");
    p.put("yellow", "#fde047");
    p.put("pink", "#fbcfe8");
    return Collections.unmodifiableMap(p);
  }

  /** The palette's names. */
  public static List<String> names() {
    return List.copyOf(PALETTE.keySet());
  }

  /** A colour as {@code #rrggbb} in lower case, or empty when it is neither hex nor a name. */
  public static Optional<String> parse(String written) {
    String s = written.strip();
    if (HEX.matcher(s).matches()) {
      return Optional.of(s.toLowerCase(Locale.ROOT));
    }
    return Optional.ofNullable(PALETTE.get(s));
  }

  /** Whether the value is meant as hex: it starts with '#'. */
  public static boolean looksHex(String written) {
    return written.strip().startsWith("#");
  }

  /** WCAG 2.x relative luminance of {@code #rrggbb}. */
  public static double luminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** WCAG 2.x level AA's contrast minimum: normal text, or graphics such as an icon alone. */
  public static double aaMinimum(boolean text) {
    return text ? 4.5 : 3.0;
  }

  /** A ratio as {@code 4.49}, rounded down, so one under a minimum never reads as the minimum. */
  public static String ratio(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.FLOOR).toPlainString();
  }

  /** WCAG 2.x contrast ratio of two colours, 1 to 21. */
  public static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** White or near-black, whichever reads better on {@code background}. */
  public static String readableOn(String background) {
    String dark = PALETTE.get("black");
    return contrast(background, "#ffffff") >= contrast(background, dark) ? "#ffffff" : dark;
  }
}
