package dev.badgesmith.images;

import dev.badgesmith.diag.Code;
import dev.badgesmith.images.SvgTree.Element;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The references between the published elements of an SVG, and how much drawing they add up to.
 * Each reference must name an element of the right kind ({@code fill} a gradient or pattern, {@code
 * <use>} a shape or group, ...), since Batik fails on any other; no chain of references may lead
 * back to where it started; and the image may draw at most {@link ImageLimits#MAX_DRAWN} elements,
 * nested at most {@link ImageLimits#MAX_DEPTH} deep.
 *
 * <p>What an element draws: itself, one per character of its text, what its children draw, for a
 * {@code <use>} what its element draws, and for each reference to a gradient, pattern, clip path,
 * mask or filter what that draws, once for each element it applies to ({@code fill} and {@code
 * stroke} are inherited by every descendant). Definitions ({@code <defs>}, {@code <symbol>},
 * gradients, patterns, clip paths, masks, filters) draw where they are referred to; where they are
 * written they count one per element. A rule of a {@code <style>} element applies to the elements
 * the last part of its selectors names ({@code rect}, {@code .cls}, {@code #id}), or else to every
 * element that draws. Counted once per element, however often it is referred to, so a chain of ten
 * {@code <use>} of ten of the one before costs ten steps to count, not ten billion. The tiles of
 * patterns and the length of strokes are added up the same way ({@link StrokesAndTiles}), against
 * {@link ImageLimits#MAX_PATTERN_TILES} and, over the finest dash period, {@link
 * ImageLimits#MAX_DASHES}.
 */
final class RenderBudget {
  private static final Pattern SIMPLE_SELECTOR =
      Pattern.compile("#([\\w-]+)|([A-Za-z][\\w-]*)?((?:\\.[\\w-]+)*)");
  private static final long CAP = ImageLimits.MAX_DRAWN + 1;

  /** Elements that draw something themselves. */
  private static final Set<String> GRAPHICS =
      Set.of(
          "path",
          "rect",
          "circle",
          "ellipse",
          "line",
          "polyline",
          "polygon",
          "text",
          "tspan",
          "textPath",
          "use",
          "image");

  /** Elements drawn where they are referred to, not where they are. */
  private static final Set<String> DRAWN_WHEN_REFERRED =
      Set.of(
          "defs",
          "symbol",
          "linearGradient",
          "radialGradient",
          "pattern",
          "clipPath",
          "mask",
          "filter");

  /** A reference as written: where (for messages) and through what it refers. */
  private record Reference(String via, String id, String what, Element from) {}

  /** A reference resolved: what it draws, and whether the element's descendants draw it too. */
  private record Edge(Element target, boolean inherited, Reference reference) {}

  private final List<Element> elements = new ArrayList<>();
  private final Map<String, Element> ids = new HashMap<>();
  private final List<Reference> references = new ArrayList<>();
  private final List<Map.Entry<Element, CssCheck.Rule>> rules = new ArrayList<>();
  private final Map<Element, List<Edge>> edges = new IdentityHashMap<>();
  private final Map<Element, Drawing> drawn = new IdentityHashMap<>();
  private final Set<Element> open = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<ImageProblem> problems = new ArrayList<>();
  private ImageProblem over;
  private ImageProblem tooManyReferences;
  private int edgeCount;
  private final Map<Element, Set<String>> classes = new IdentityHashMap<>();
  private double[] canvas;
  private double shortestPeriod = Double.POSITIVE_INFINITY;
  private Element shortestDashes;
  private double heaviestTiles;
  private Element heaviestPattern;

  /** A published element, in document order; the first is the root. */
  void element(Element e) {
    if (elements.isEmpty()) {
      canvas = StrokesAndTiles.canvas(e);
    }
    elements.add(e);
    String id = e.attribute("id");
    if (id != null) {
      ids.putIfAbsent(id.strip(), e);
    }
  }

  /**
   * A reference from {@code from}: {@code via} is {@code href} or the property of a {@code
   * url(#id)}; {@code what} names the attribute in messages.
   */
  void reference(Element from, String via, String id, String what) {
    references.add(new Reference(via, id, what, from));
  }

  /** A {@code stroke-dasharray} value given by {@code e} or its style sheet. */
  void dashArray(Element e, String value) {
    double period = StrokesAndTiles.period(value, canvas);
    if (period < shortestPeriod) {
      shortestPeriod = period;
      shortestDashes = e;
    }
  }

  /** A rule of the stylesheet in {@code style}. */
  void rule(Element style, CssCheck.Rule rule) {
    rules.add(Map.entry(style, rule));
  }

  /** Every problem: references to nothing or to the wrong kind, a cycle, and the limits. */
  List<ImageProblem> check() {
    for (Reference r : references) {
      Element target = resolve(r, r.from());
      if (target != null) {
        edge(r.from(), new Edge(target, inherited(r.via()), r));
      }
    }
    for (Map.Entry<Element, CssCheck.Rule> entry : rules) {
      applyRule(entry.getKey(), entry.getValue());
    }
    if (tooManyReferences != null) {
      problems.add(tooManyReferences);
      return problems;
    }
    if (elements.isEmpty()) {
      return problems;
    }
    Drawing all;
    try {
      all = draws(elements.get(0), 1);
    } catch (Unbounded e) {
      problems.add(e.problem);
      return problems;
    }
    if (over != null) {
      problems.add(over);
    }
    if (all.tiles() > ImageLimits.MAX_PATTERN_TILES) {
      problems.add(StrokesAndTiles.tooManyTiles(heaviestPattern, all.tiles()));
    }
    if (all.length() / shortestPeriod > ImageLimits.MAX_DASHES) {
      problems.add(
          StrokesAndTiles.tooManyDashes(
              shortestDashes, all.length(), all.length() / shortestPeriod));
    }
    return problems;
  }

  private void applyRule(Element style, CssCheck.Rule rule) {
    List<Edge> resolved = new ArrayList<>();
    for (CssCheck.Reference ref : rule.references()) {
      Reference r =
          new Reference(ref.property(), ref.id(), "the " + style.tag() + " element", style);
      Element target = resolve(r, style);
      if (target != null) {
        resolved.add(new Edge(target, inherited(ref.property()), r));
      }
    }
    if (resolved.isEmpty()) {
      return;
    }
    List<Subject> subjects = new ArrayList<>();
    for (String selector : rule.selectors()) {
      Matcher m = SIMPLE_SELECTOR.matcher(subject(selector));
      if (!m.matches() || m.group(0).isEmpty()) {
        subjects = null;
        break;
      }
      subjects.add(
          new Subject(
              m.group(1),
              m.group(2),
              List.of(m.group(3).split("\\.")).stream().filter(c -> !c.isEmpty()).toList()));
    }
    for (Element e : elements) {
      if (tooManyReferences != null) {
        return;
      }
      if (subjects == null) {
        // Applied to every element: each one that draws, draws it (so inheritance adds nothing).
        if (GRAPHICS.contains(e.local)) {
          resolved.forEach(edge -> edge(e, new Edge(edge.target(), false, edge.reference())));
        }
      } else if (subjects.stream().anyMatch(subject -> subject.matches(e, classes(e)))) {
        resolved.forEach(edge -> edge(e, edge));
      }
    }
  }

  /** A simple selector: an id, or a type and classes (each may be absent). */
  private record Subject(String id, String type, List<String> classes) {
    boolean matches(Element e, Set<String> own) {
      if (id != null) {
        return id.equals(e.attribute("id"));
      }
      return (type == null || type.equals(e.local)) && own.containsAll(classes);
    }
  }

  /**
   * The part of a selector that names the elements it applies to, as a simple selector that names
   * them or more: the last compound, without attribute selectors and pseudo-classes. {@code g >
   * rect.a:hover} gives {@code rect.a}; {@code *} and {@code svg *} give nothing (every element).
   */
  private static String subject(String selector) {
    String s = selector.replaceAll("\\([^()]*\\)", "").replaceAll("\\[[^\\]]*\\]", "");
    String[] compounds = s.strip().split("[\\s>+~]+");
    String last = compounds.length == 0 ? "" : compounds[compounds.length - 1];
    int pseudo = last.indexOf(':');
    last = pseudo < 0 ? last : last.substring(0, pseudo);
    return last.equals("*") ? "" : last;
  }

  private Set<String> classes(Element e) {
    return classes.computeIfAbsent(
        e,
        k -> {
          String names = k.attribute("class");
          return names == null ? Set.of() : Set.copyOf(List.of(names.strip().split("\\s+")));
        });
  }

  private static boolean inherited(String via) {
    return via.equals("fill") || via.equals("stroke");
  }

  /**
   * Notes that {@code from} draws what {@code edge} names. Each use of a reference draws at least
   * one element: past the limit of elements drawn, the references alone are over it, and no more
   * are kept (a stylesheet of many rules over many elements stays cheap to check).
   */
  private void edge(Element from, Edge edge) {
    if (++edgeCount > ImageLimits.MAX_DRAWN) {
      if (tooManyReferences == null) {
        tooManyReferences =
            edge.reference()
                .from()
                .at(
                    ImageProblem.error(
                            Code.IMAGE_OVER_LIMITS,
                            edge.reference().what()
                                + " makes the image use its gradients, patterns, clip paths,"
                                + " masks and filters more than "
                                + ImageLimits.count(ImageLimits.MAX_DRAWN)
                                + " times, each drawing at least one element (the limit)")
                        .withHint("refer to them from fewer elements"));
      }
      return;
    }
    edges.computeIfAbsent(from, k -> new ArrayList<>()).add(edge);
  }

  /** The element a reference names, or null after reporting why there is none to draw. */
  private Element resolve(Reference r, Element at) {
    Element target = ids.get(r.id());
    Set<String> kinds =
        r.via().equals("href")
            ? SvgAllowList.HREF_TARGETS.get(r.from().local)
            : SvgAllowList.URL_TARGETS.get(r.via());
    if (target == null) {
      problems.add(
          at.at(
              ImageProblem.error(
                      Code.IMAGE_CORRUPT,
                      r.what() + " refers to #" + r.id() + ", which no element of the image has")
                  .withHint("give the element id=\"" + r.id() + "\", or remove the reference")));
      return null;
    }
    if (!kinds.contains(target.local)) {
      problems.add(
          at.at(
              ImageProblem.error(
                      Code.IMAGE_CORRUPT,
                      r.what()
                          + " refers to #"
                          + r.id()
                          + ", "
                          + article(target.tag())
                          + ", where it needs "
                          + expected(r))
                  .withHint("refer to an element of that kind")));
      return null;
    }
    return target;
  }

  private static String expected(Reference r) {
    return switch (r.via()) {
      case "fill", "stroke" -> "a gradient or a <pattern>";
      case "clip-path" -> "a <clipPath>";
      case "mask" -> "a <mask>";
      case "filter" -> "a <filter>";
      default ->
          switch (r.from().local) {
            case "use" -> "a shape, text, <image> or group";
            case "linearGradient", "radialGradient" -> "a gradient";
            case "pattern" -> "a <pattern>";
            case "filter" -> "a <filter>";
            default -> "a <path>";
          };
    };
  }

  private static String article(String tag) {
    return ("aeiou".indexOf(Character.toLowerCase(tag.charAt(1))) >= 0 ? "an " : "a ") + tag;
  }

  /**
   * What one copy of an element draws: how many elements (capped just past the limit) and how many
   * levels deep, references followed.
   */
  private record Drawing(long elements, int levels, double length, double tiles, double area) {}

  /**
   * What {@code e} draws; {@code depth} is how deep the walk is (1 at the root), which bounds its
   * recursion whatever the memo holds.
   */
  private Drawing draws(Element e, int depth) throws Unbounded {
    Drawing known = drawn.get(e);
    if (known != null) {
      return known;
    }
    if (depth > ImageLimits.MAX_DEPTH) {
      throw new Unbounded(tooDeep(e));
    }
    open.add(e);
    long inner = isText(e) ? e.text().length() : 0;
    int levels = 0;
    double length = StrokesAndTiles.strokeLength(e, canvas);
    // The shapes' areas, each in its own user space: what a pattern's tiles are counted over.
    double area = StrokesAndTiles.area(e, canvas);
    double tiles = 0;
    for (Object child : e.children) {
      if (child instanceof Element c && c.published != null) {
        Drawing d = draws(c, depth + 1);
        if (DRAWN_WHEN_REFERRED.contains(c.local)) {
          // Drawn only where something refers to it, which counts it there; here it is read.
          inner = add(inner, elements(c));
        } else {
          inner = add(inner, d.elements());
          levels = Math.max(levels, d.levels());
          length += d.length();
          tiles += d.tiles();
          area += d.area();
        }
      }
    }
    List<Edge> out = edges.getOrDefault(e, List.of());
    boolean use = e.local.equals("use");
    for (Edge edge : out) {
      if (use && edge.reference().via().equals("href")) {
        Drawing d = follow(edge, depth);
        inner = add(inner, d.elements());
        levels = Math.max(levels, d.levels());
        length += d.length();
        tiles += d.tiles();
        area += d.area();
      }
    }
    long total = add(1, inner);
    for (Edge edge : out) {
      if (!(use && edge.reference().via().equals("href"))) {
        Drawing d = follow(edge, depth);
        long times = edge.inherited() ? add(1, inner) : 1;
        total = add(total, times(times, d.elements()));
        levels = Math.max(levels, d.levels());
        length += times * d.length();
        tiles += times * d.tiles();
        if (edge.target().local.equals("pattern")) {
          double own =
              Math.max(
                  times * StrokesAndTiles.tiles(edge.target(), e, ids, canvas),
                  StrokesAndTiles.tilesOver(edge.target(), area, ids, canvas));
          tiles += own;
          if (own > heaviestTiles) {
            heaviestTiles = own;
            heaviestPattern = edge.target();
          }
        }
      }
    }
    open.remove(e);
    Drawing drawing = new Drawing(total, levels + 1, length, tiles, area);
    drawn.put(e, drawing);
    if (drawing.levels() > ImageLimits.MAX_DEPTH) {
      throw new Unbounded(tooDeep(e));
    }
    if (total > ImageLimits.MAX_DRAWN && over == null) {
      over =
          e.at(
              ImageProblem.error(
                      Code.IMAGE_OVER_LIMITS,
                      "the "
                          + e.tag()
                          + " element draws more than "
                          + ImageLimits.count(ImageLimits.MAX_DRAWN)
                          + " elements (the limit) once each <use> is expanded and each"
                          + " reference drawn")
                  .withHint(
                      "use fewer copies, and fewer <use> of <use>: a badge needs a few hundred"
                          + " elements"));
    }
    return drawing;
  }

  private static ImageProblem tooDeep(Element e) {
    return e.at(
        ImageProblem.error(
                Code.IMAGE_OVER_LIMITS,
                "the "
                    + e.tag()
                    + " element nests more than "
                    + ImageLimits.MAX_DEPTH
                    + " levels deep (the limit) once its references are followed")
            .withHint("nest fewer groups, and fewer <use> of <use>"));
  }

  private Drawing follow(Edge edge, int depth) throws Unbounded {
    if (open.contains(edge.target())) {
      Reference r = edge.reference();
      throw new Unbounded(
          r.from()
              .at(
                  ImageProblem.error(
                          Code.IMAGE_CORRUPT,
                          r.what()
                              + " refers to #"
                              + r.id()
                              + ", which leads back to it: drawing it would never end")
                      .withHint(
                          "break the cycle: an element cannot use, or be painted with, what"
                              + " holds it")));
    }
    return draws(edge.target(), depth + 1);
  }

  /** The published elements of a subtree and the characters of its text, as written. */
  private long elements(Element e) {
    long n = 1 + (isText(e) ? e.text().length() : 0);
    for (Object child : e.children) {
      if (child instanceof Element c && c.published != null) {
        n = add(n, elements(c));
      }
    }
    return n;
  }

  private static boolean isText(Element e) {
    return e.local.equals("text") || e.local.equals("tspan") || e.local.equals("textPath");
  }

  private static long add(long a, long b) {
    return Math.min(CAP, a + b);
  }

  private static long times(long a, long b) {
    return a != 0 && b > CAP / a ? CAP : Math.min(CAP, a * b);
  }

  /** Drawing the image would not end, or not within the depth limit. */
  private static final class Unbounded extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ImageProblem problem;

    Unbounded(ImageProblem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }
}
