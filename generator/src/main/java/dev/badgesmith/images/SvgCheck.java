package dev.badgesmith.images;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Severity;
import dev.badgesmith.images.SvgAllowList.Ruling;
import dev.badgesmith.images.SvgTree.Attribute;
import dev.badgesmith.images.SvgTree.Element;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an SVG badge image: read whole ({@link SvgTree}), every element and attribute against
 * {@link SvgAllowList}, every {@code href} and all CSS ({@link CssCheck}), pictures it embeds
 * ({@link EmbeddedImage}), references and the drawing they add up to ({@link RenderBudget}), and
 * whether it is square. What it accepts is published as {@link SvgWriter} writes it: the elements
 * and attributes on the list, and nothing else.
 */
final class SvgCheck {
  private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*([a-z]*)\\s*");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
  private static final Pattern SPACE_AND_CONTROLS = Pattern.compile("[\\x00-\\x20\\x7f]+");

  /**
   * What the check found.
   *
   * @param tree the image as read; its root is null when it could not be read whole
   */
  record Result(SvgTree tree, List<ImageProblem> problems) {
    boolean publishable() {
      return tree.root != null
          && tree.root.published != null
          && problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
    }
  }

  private final List<ImageProblem> problems = new ArrayList<>();
  private final RenderBudget budget = new RenderBudget();
  private final Set<String> embedded = new HashSet<>();
  private long embeddedPixels;

  private SvgCheck() {}

  static Result check(byte[] svg) {
    SvgTree tree = SvgTree.read(svg);
    SvgCheck check = new SvgCheck();
    check.problems.addAll(tree.problems);
    Element root = tree.root;
    if (root == null) {
      return new Result(tree, List.copyOf(check.problems));
    }
    if (!root.isSvg("svg")) {
      check.problems.add(
          ImageProblem.error(
                  Code.IMAGE_CORRUPT,
                  "the file is not an SVG image: its root element is "
                      + root.tag()
                      + ", not <svg> in the SVG namespace")
              .withHint("a badge design is an <svg> document"));
      return new Result(tree, List.copyOf(check.problems));
    }
    check.walk(root);
    check.problems.addAll(check.budget.check());
    String notSquare = notSquareSize(root);
    if (notSquare != null) {
      check.problems.add(ImageInspector.notSquare(notSquare));
    }
    return new Result(tree, List.copyOf(check.problems));
  }

  private void walk(Element e) {
    Ruling ruling = SvgAllowList.element(e);
    if (ruling.verdict() == SvgAllowList.Verdict.REFUSE) {
      refuse(e, "the " + e.tag() + " element", ruling);
      return;
    }
    if (ruling.verdict() == SvgAllowList.Verdict.LEAVE_OUT) {
      return;
    }
    List<Attribute> published = new ArrayList<>();
    for (Attribute a : e.attributes) {
      Ruling verdict = SvgAllowList.attribute(e, a);
      String what = "the " + a.qName() + " attribute of " + e.tag();
      switch (verdict.verdict()) {
        case REFUSE -> refuse(e, what, verdict);
        case LEAVE_OUT -> {}
        case PUBLISH -> {
          Attribute checked = value(e, a, what);
          if (checked != null) {
            published.add(checked);
          }
        }
      }
    }
    e.published = published;
    budget.element(e);
    if (e.local.equals("style")) {
      CssCheck css = CssCheck.stylesheet(e.text());
      css.findings.forEach(f -> unsafe(e, "the " + e.tag() + " element " + f.why(), f.hint()));
      css.rules.forEach(rule -> budget.rule(e, rule));
      css.dashArrays.forEach(dashes -> budget.dashArray(e, dashes));
    }
    for (Object child : e.children) {
      if (child instanceof Element c) {
        walk(c);
      }
    }
  }

  /** Checks the value of an attribute on the list; returns what to publish, or null. */
  private Attribute value(Element e, Attribute a, String what) {
    if (a.local().equals("href")) {
      return href(e, a, what);
    }
    if (SvgAllowList.isCss(a)) {
      CssCheck css =
          a.local().equals("style")
              ? CssCheck.declarations(a.value())
              : CssCheck.value(a.local(), a.value());
      css.findings.forEach(f -> unsafe(e, what + " " + f.why(), f.hint()));
      css.references().forEach(r -> budget.reference(e, r.property(), r.id(), what));
      css.dashArrays.forEach(dashes -> budget.dashArray(e, dashes));
    }
    return a;
  }

  private Attribute href(Element e, Attribute a, String what) {
    String value = a.value();
    if (SPACE_AND_CONTROLS
        .matcher(value)
        .replaceAll("")
        .toLowerCase(Locale.ROOT)
        .startsWith("javascript:")) {
      unsafe(e, what + " is a javascript: URL", "remove the link");
      return null;
    }
    String ref = value.strip();
    if (e.local.equals("image")) {
      if (!EmbeddedImage.isDataUri(ref)) {
        unsafe(
            e,
            what
                + (ref.startsWith("#")
                    ? " names an element, where an <image> shows a picture it embeds"
                    : " refers to '" + SvgTree.shorten(ref) + "' outside the image"),
            "embed the picture as a data: URI (PNG or JPEG)");
        return null;
      }
      EmbeddedImage image = EmbeddedImage.read(ref);
      if (image.problem() != null) {
        problems.add(e.at(image.problem().of(what)));
        return null;
      }
      if (embedded.add(image.uri())) {
        long before = embeddedPixels;
        embeddedPixels += image.pixels();
        if (before <= ImageLimits.MAX_PIXELS && embeddedPixels > ImageLimits.MAX_PIXELS) {
          problems.add(
              e.at(
                  ImageProblem.error(
                          Code.IMAGE_OVER_LIMITS,
                          "with "
                              + what
                              + ", the pictures the image embeds hold "
                              + ImageLimits.count(embeddedPixels)
                              + " pixels, over the limit of "
                              + ImageLimits.count(ImageLimits.MAX_PIXELS))
                      .withHint("embed fewer or smaller pictures")));
        }
      }
      return new Attribute(a.uri(), a.local(), a.qName(), image.uri());
    }
    if (ref.startsWith("#") && CssCheck.isName(ref.substring(1))) {
      budget.reference(e, "href", ref.substring(1), what);
      return a;
    }
    unsafe(
        e,
        what + " refers to '" + SvgTree.shorten(value) + "' outside the image",
        "refer to an element of this image (#id)");
    return null;
  }

  private void refuse(Element e, String what, Ruling ruling) {
    unsafe(e, what + " " + ruling.why(), ruling.hint());
  }

  private void unsafe(Element e, String message, String hint) {
    problems.add(e.at(ImageProblem.error(Code.IMAGE_UNSAFE, message).withHint(hint)));
  }

  /**
   * The first of viewBox and width/height (in one unit) that is not square, as "w x h"; null when
   * both are square or absent. A square width/height with a wide viewBox still letterboxes it.
   */
  private static String notSquareSize(Element root) {
    String viewBox = root.attribute("viewBox");
    if (viewBox != null) {
      String[] box = SEPARATORS.split(viewBox.trim());
      if (box.length == 4) {
        try {
          float w = Float.parseFloat(box[2]);
          float h = Float.parseFloat(box[3]);
          if (w != h) {
            return format(w) + " x " + format(h) + " (viewBox)";
          }
        } catch (NumberFormatException e) {
          // Renderers ignore a broken viewBox; so does this check.
        }
      }
    }
    Matcher w = LENGTH.matcher(String.valueOf(root.attribute("width")));
    Matcher h = LENGTH.matcher(String.valueOf(root.attribute("height")));
    if (w.matches() && h.matches() && w.group(2).equals(h.group(2))) {
      float width = Float.parseFloat(w.group(1));
      float height = Float.parseFloat(h.group(1));
      if (width != height) {
        return format(width) + " x " + format(height) + w.group(2);
      }
    }
    return null;
  }

  private static String format(float value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
