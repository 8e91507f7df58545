package dev.badgesmith.images;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an SVG badge image may hold: the SVG 1.1 elements and attributes a still image needs and
 * that Apache Batik draws, nothing else. Editor data (Inkscape's and Sodipodi's namespaces, RDF
 * metadata, a badge baked into the design before) is left out of what is published, unchecked, as
 * it never reaches a reader; anything else is refused.
 *
 * <p>Left out on purpose: script, {@code <foreignObject>} and every element of another namespace
 * (XHTML, MathML), links ({@code <a>}), animation (which can change any attribute after the check,
 * {@code href} included), markers, SVG fonts, {@code <cursor>}, {@code <view>}, and the filter
 * primitives that draw other content or that Batik cannot bound ({@code feImage}, {@code feTile},
 * {@code feMorphology}, {@code feConvolveMatrix}). SVG 2 elements Batik does not know, such as
 * {@code feDropShadow}, make it fail, so they are refused too.
 */
final class SvgAllowList {
  /** Namespaces of editor data, left out of the published file. */
  static final Set<String> EDITOR_NAMESPACES =
      Set.of(
          "http://www.inkscape.org/namespaces/inkscape",
          "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
          "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
          "http://creativecommons.org/ns#",
          "http://web.resource.org/cc/",
          "http://purl.org/dc/elements/1.1/",
          "http://openbadges.org",
          "https://purl.imsglobal.org/ob/v3p0");

  /** Elements whose {@code href} names another element of the image, and what it must be. */
  static final Map<String, Set<String>> HREF_TARGETS =
      Map.of(
          "use",
          words(
              "svg g symbol use switch path rect circle ellipse line polyline polygon text image"),
          "linearGradient",
          words("linearGradient radialGradient"),
          "radialGradient",
          words("linearGradient radialGradient"),
          "pattern",
          words("pattern"),
          "filter",
          words("filter"),
          "textPath",
          words("path"));

  /** The properties that may hold {@code url(#id)}, and what the element must be. */
  static final Map<String, Set<String>> URL_TARGETS =
      Map.of(
          "fill", words("linearGradient radialGradient pattern"),
          "stroke", words("linearGradient radialGradient pattern"),
          "clip-path", words("clipPath"),
          "mask", words("mask"),
          "filter", words("filter"));

  private static final Set<String> PRESENTATION =
      words(
          "alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation"
              + " color-interpolation-filters color-rendering cursor direction display"
              + " dominant-baseline enable-background fill fill-opacity fill-rule filter"
              + " flood-color flood-opacity font font-family font-size font-size-adjust"
              + " font-stretch font-style font-variant font-weight glyph-orientation-horizontal"
              + " glyph-orientation-vertical image-rendering isolation kerning letter-spacing"
              + " lighting-color mask mix-blend-mode opacity overflow paint-order pointer-events"
              + " shape-rendering stop-color stop-opacity stroke stroke-dasharray"
              + " stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit"
              + " stroke-opacity stroke-width text-anchor text-decoration text-rendering"
              + " unicode-bidi vector-effect visibility word-spacing writing-mode");

  /** On every element: identity, styling, conditions, accessibility. */
  private static final Set<String> CORE =
      words(
          "id class style transform lang tabindex role focusable requiredFeatures"
              + " requiredExtensions systemLanguage externalResourcesRequired");

  /** The SVG elements on the list, each with the attributes of its own. */
  private static final Map<String, Set<String>> ELEMENTS = elements();

  private SvgAllowList() {}

  private static Map<String, Set<String>> elements() {
    String box = "x y width height ";
    String fit = "viewBox preserveAspectRatio ";
    String shape = "pathLength ";
    String text = "x y dx dy rotate textLength lengthAdjust";
    String gradient = "href gradientUnits gradientTransform spreadMethod ";
    String primitive = box + "result ";
    String lighting = primitive + "in surfaceScale ";
    Map<String, Set<String>> m = new HashMap<>();
    m.put("svg", words(box + fit + "version baseProfile zoomAndPan"));
    for (String plain : List.of("g", "defs", "switch", "title", "desc", "metadata")) {
      m.put(plain, Set.of());
    }
    m.put("style", words("type media title"));
    m.put("symbol", words(box + fit + "refX refY"));
    m.put("use", words(box + "href"));
    m.put("image", words(box + "href preserveAspectRatio"));
    m.put("path", words(shape + "d"));
    m.put("rect", words(shape + box + "rx ry"));
    m.put("circle", words(shape + "cx cy r"));
    m.put("ellipse", words(shape + "cx cy rx ry"));
    m.put("line", words(shape + "x1 y1 x2 y2"));
    m.put("polyline", words(shape + "points"));
    m.put("polygon", words(shape + "points"));
    m.put("text", words(text));
    m.put("tspan", words(text));
    m.put("textPath", words("href startOffset method spacing textLength lengthAdjust"));
    m.put("linearGradient", words(gradient + "x1 y1 x2 y2"));
    m.put("radialGradient", words(gradient + "cx cy r fx fy fr"));
    m.put("stop", words("offset"));
    m.put("pattern", words(box + fit + "href patternUnits patternContentUnits patternTransform"));
    m.put("clipPath", words("clipPathUnits"));
    m.put("mask", words(box + "maskUnits maskContentUnits"));
    m.put("filter", words(box + "href filterUnits primitiveUnits"));
    m.put("feBlend", words(primitive + "in in2 mode"));
    m.put("feColorMatrix", words(primitive + "in type values"));
    m.put("feComponentTransfer", words(primitive + "in"));
    for (String f : List.of("feFuncR", "feFuncG", "feFuncB", "feFuncA")) {
      m.put(f, words("type tableValues slope intercept amplitude exponent offset"));
    }
    m.put("feComposite", words(primitive + "in in2 operator k1 k2 k3 k4"));
    m.put("feDiffuseLighting", words(lighting + "diffuseConstant"));
    m.put("feSpecularLighting", words(lighting + "specularConstant specularExponent"));
    m.put("feDistantLight", words("azimuth elevation"));
    m.put("fePointLight", words("x y z"));
    m.put(
        "feSpotLight",
        words("x y z pointsAtX pointsAtY pointsAtZ specularExponent limitingConeAngle"));
    m.put("feDisplacementMap", words(primitive + "in in2 scale xChannelSelector yChannelSelector"));
    m.put("feFlood", words(primitive));
    m.put("feGaussianBlur", words(primitive + "in stdDeviation edgeMode"));
    m.put("feMerge", words(primitive));
    m.put("feMergeNode", words("in"));
    m.put("feOffset", words(primitive + "in dx dy"));
    m.put("feTurbulence", words(primitive + "baseFrequency numOctaves seed stitchTiles type"));
    return Map.copyOf(m);
  }

  private static Set<String> words(String names) {
    return Set.of(names.strip().split(" +"));
  }

  /** What becomes of an element or attribute: published, left out unchecked, or refused. */
  enum Verdict {
    PUBLISH,
    LEAVE_OUT,
    REFUSE
  }

  /** A verdict with, for a refusal, why and what to do. */
  record Ruling(Verdict verdict, String why, String hint) {
    static final Ruling PUBLISH = new Ruling(Verdict.PUBLISH, "", "");
    static final Ruling LEAVE_OUT = new Ruling(Verdict.LEAVE_OUT, "", "");

    static Ruling refuse(String why, String hint) {
      return new Ruling(Verdict.REFUSE, why, hint);
    }
  }

  static Ruling element(SvgTree.Element e) {
    if (EDITOR_NAMESPACES.contains(e.uri)) {
      return Ruling.LEAVE_OUT;
    }
    if (!SvgTree.SVG.equals(e.uri)) {
      return Ruling.refuse(
          "is not SVG ("
              + (e.uri.isEmpty() ? "it has no namespace" : "its namespace is " + e.uri)
              + "): it can embed a page that runs code",
          "remove it: a badge image holds SVG elements only");
    }
    if (ELEMENTS.containsKey(e.local)) {
      return Ruling.PUBLISH;
    }
    return switch (e.local) {
      case "script" -> Ruling.refuse("runs code", "remove the script");
      case "foreignObject" ->
          Ruling.refuse(
              "embeds content that can load and run anything",
              "draw the content with SVG shapes and text instead");
      case "a" ->
          Ruling.refuse(
              "is a link: it can lead anywhere, and run code as a javascript: URL",
              "remove the link, keeping what it holds: badge pages link where they should");
      case "animate",
          "set",
          "animateMotion",
          "animateTransform",
          "animateColor",
          "mpath",
          "discard" ->
          Ruling.refuse(
              "animates the image: it can change any attribute once the image is shown, links"
                  + " included",
              "remove the animation: a badge is a still image");
      default ->
          Ruling.refuse(
              "is not one of the SVG elements a badge image may hold",
              "draw it with the elements the README lists under Images, or remove it");
    };
  }

  static Ruling attribute(SvgTree.Element e, SvgTree.Attribute a) {
    String uri = a.uri();
    String local = a.local();
    if (EDITOR_NAMESPACES.contains(uri)
        || uri.isEmpty() && local.startsWith("data-") && local.length() > 5) {
      return Ruling.LEAVE_OUT;
    }
    if (local.toLowerCase(Locale.ROOT).startsWith("on")
        && (uri.isEmpty() || !SvgTree.XLINK.equals(uri) && !SvgTree.XML.equals(uri))) {
      return Ruling.refuse("is an event handler that runs code", "remove the attribute");
    }
    boolean allowed =
        switch (uri) {
          case "" ->
              CORE.contains(local)
                  || PRESENTATION.contains(local)
                  || local.startsWith("aria-")
                  || ELEMENTS.getOrDefault(e.local, Set.of()).contains(local);
          case SvgTree.XLINK ->
              local.equals("href")
                  && (HREF_TARGETS.containsKey(e.local) || e.local.equals("image"));
          case SvgTree.XML -> local.equals("space") || local.equals("lang");
          default -> false;
        };
    if (allowed) {
      return Ruling.PUBLISH;
    }
    if (!uri.isEmpty() && !SvgTree.XLINK.equals(uri) && !SvgTree.XML.equals(uri)) {
      return Ruling.refuse("is not SVG (its namespace is " + uri + ")", "remove the attribute");
    }
    return Ruling.refuse(
        "is not one of the attributes a badge image may give " + e.tag(), "remove the attribute");
  }

  /** Whether the value of this attribute is CSS: a presentation attribute or {@code style}. */
  static boolean isCss(SvgTree.Attribute a) {
    return a.uri().isEmpty() && (PRESENTATION.contains(a.local()) || a.local().equals("style"));
  }
}
