package dev.badgesmith.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The icons a {@code design:} block may name: Bootstrap Icons, read from its WebJar on the class
 * path, nothing fetched. Chosen because it is MIT-licensed (an icon may be embedded in a published
 * design without attribution on the badge), well kept (2,000 icons, regular releases) and drawn as
 * plain filled paths on a 16 x 16 grid, which needs nothing beyond the SVG a design may hold
 * ({@link SvgAllowList}). Other sets weighed: Tabler Icons (MIT, but stroked outlines on a larger
 * jar), Material Design Icons (Apache-2.0 and a much larger jar), Font Awesome Free (CC BY 4.0
 * icons: attribution on every badge).
 */
public final class IconSet {
  private static final String MAVEN = "/META-INF/maven/org.webjars.npm/bootstrap-icons/";
  private static final Pattern NAME = Pattern.compile("\"([a-z0-9-]+)\"\\s*:");
  private static final Pattern ELEMENT = Pattern.compile("<(path|circle|rect)\\b([^>]*?)/?>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

  /** The attributes of an icon's shapes that draw it; class and the like are left out. */
  private static final Set<String> DRAWING =
      Set.of(
          "d",
          "fill-rule",
          "clip-rule",
          "fill-opacity",
          "cx",
          "cy",
          "r",
          "x",
          "y",
          "width",
          "height",
          "rx",
          "ry",
          "transform");

  /** The grid every icon is drawn on. */
  static final int GRID = 16;

  private IconSet() {}

  /** The set's version, as its jar says. */
  public static String version() {
    return Loaded.VERSION;
  }

  /** Every icon's name, sorted. */
  public static List<String> names() {
    return Loaded.NAMES;
  }

  public static boolean has(String name) {
    return Loaded.NAME_SET.contains(name);
  }

  /**
   * The icon's shapes on its 16 x 16 grid, as SVG elements with only their drawing attributes, in
   * the order of the icon's file.
   */
  static List<String> elements(String name) {
    if (!has(name)) {
      throw new IllegalArgumentException("no icon " + name);
    }
    String svg = read("icons/" + name + ".svg").orElseThrow();
    List<String> out = new ArrayList<>();
    Matcher m = ELEMENT.matcher(svg);
    while (m.find()) {
      StringBuilder e = new StringBuilder("<").append(m.group(1));
      Matcher a = ATTRIBUTE.matcher(m.group(2));
      while (a.find()) {
        if (DRAWING.contains(a.group(1))) {
          e.append(' ').append(a.group(1)).append("=\"").append(a.group(2)).append('"');
        }
      }
      out.add(e.append("/>").toString());
    }
    return List.copyOf(out);
  }

  private static Optional<String> read(String file) {
    String path = "/META-INF/resources/webjars/bootstrap-icons/" + Loaded.VERSION + "/" + file;
    try (InputStream in = IconSet.class.getResourceAsStream(path)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Read once, when first asked: the jar does not change while the program runs. */
  private static final class Loaded {
    static final String VERSION = version();
    static final List<String> NAMES = names();
    static final Set<String> NAME_SET = Set.copyOf(NAMES);

    private static String version() {
      try (InputStream in = IconSet.class.getResourceAsStream(MAVEN + "pom.properties")) {
        if (in == null) {
          throw new IllegalStateException("Bootstrap Icons is not on the class path");
        }
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static List<String> names() {
      String json = read("font/bootstrap-icons.json").orElseThrow();
      TreeSet<String> names = new TreeSet<>();
      Matcher m = NAME.matcher(json);
      while (m.find()) {
        names.add(m.group(1));
      }
      return List.copyOf(names);
    }
  }
}
