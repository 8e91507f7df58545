package dev.badgesmith.certificate;

import dev.badgesmith.xml.SafeXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/**
 * A certificate's page as the template describes it: its size and the marks drawn on it, in order.
 * Coordinates are PostScript points (1/72 inch) from the page's top left corner, as a designer
 * measures them; the PDF writer turns them over.
 *
 * @param width the page's width
 * @param height the page's height
 * @param marks what is drawn, first to last
 */
public record CertificateLayout(float width, float height, List<Mark> marks) {
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  public CertificateLayout {
    marks = List.copyOf(marks);
  }

  /** One thing drawn on the page. */
  public sealed interface Mark permits Box, Art, Qr, Text {}

  /** A rectangle, filled and/or outlined; a colour is {@code #rrggbb}, or empty for none. */
  public record Box(
      float x,
      float y,
      float width,
      float height,
      Optional<String> fill,
      Optional<String> stroke,
      float line)
      implements Mark {}

  /** The badge art, fitted into a square. */
  public record Art(float x, float y, float size) implements Mark {}

  /** The QR code of the award page's URL, quiet zone included, in a square. */
  public record Qr(float x, float y, float size) implements Mark {}

  /**
   * Text whose first line's baseline is at {@code y}; wrapped at {@code width} (0: never), at most
   * {@code lines} lines, the last cut with an ellipsis.
   */
  public record Text(
      float x,
      float y,
      float size,
      String color,
      String align,
      boolean bold,
      float width,
      int lines,
      String text)
      implements Mark {}

  /**
   * Reads the layout a template wrote.
   *
   * @throws CertificateException if it is not a layout, saying what is wrong
   */
  public static CertificateLayout parse(byte[] xml) {
    Element root;
    try {
      root = SafeXml.parse(xml).getDocumentElement();
    } catch (SAXParseException e) {
      throw new CertificateException(
          "line " + e.getLineNumber() + ": not well-formed XML: " + e.getMessage());
    }
    if (!root.getTagName().equals("certificate")) {
      throw new CertificateException(
          "the root element is <" + root.getTagName() + ">, not <certificate>");
    }
    float width = number(root, "width", Optional.empty());
    float height = number(root, "height", Optional.empty());
    List<Mark> marks = new ArrayList<>();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        marks.add(mark(e));
      }
    }
    return new CertificateLayout(width, height, marks);
  }

  private static Mark mark(Element e) {
    return switch (e.getTagName()) {
      case "rect" ->
          new Box(
              number(e, "x", Optional.empty()),
              number(e, "y", Optional.empty()),
              number(e, "width", Optional.empty()),
              number(e, "height", Optional.empty()),
              color(e, "fill"),
              color(e, "stroke"),
              number(e, "line", Optional.of(1f)));
      case "image" ->
          new Art(
              number(e, "x", Optional.empty()),
              number(e, "y", Optional.empty()),
              number(e, "size", Optional.empty()));
      case "qr" ->
          new Qr(
              number(e, "x", Optional.empty()),
              number(e, "y", Optional.empty()),
              number(e, "size", Optional.empty()));
      case "text" -> text(e);
      default ->
          throw new CertificateException(
              "<" + e.getTagName() + "> is not a mark: use rect, image, qr or text");
    };
  }

  private static Text text(Element e) {
    String align = e.getAttribute("align").isEmpty() ? "left" : e.getAttribute("align");
    if (!List.of("left", "center", "right").contains(align)) {
      throw new CertificateException("<text align=\"" + align + "\">: use left, center or right");
    }
    String color = color(e, "color").orElse("#000000");
    float lines = number(e, "lines", Optional.of(1f));
    // The text as written, its white space (the template's line breaks) made single spaces.
    String text = e.getTextContent().strip().replaceAll("\\s+", " ");
    return new Text(
        number(e, "x", Optional.empty()),
        number(e, "y", Optional.empty()),
        number(e, "size", Optional.empty()),
        color,
        align,
        e.getAttribute("bold").equals("true"),
        number(e, "width", Optional.of(0f)),
        Math.max(1, (int) lines),
        text);
  }

  private static float number(Element e, String name, Optional<Float> otherwise) {
    String value = e.getAttribute(name).strip();
    if (value.isEmpty()) {
      return otherwise.orElseThrow(
          () -> new CertificateException("<" + e.getTagName() + "> needs " + name + "=\"...\""));
    }
    try {
      float number = Float.parseFloat(value);
      if (!Float.isFinite(number) || number < 0 || number > 14400) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException x) {
      throw new CertificateException(
          "<"
              + e.getTagName()
              + " "
              + name
              + "=\""
              + value
              + "\">: not a number of points (0 to 14400)");
    }
  }

  private static Optional<String> color(Element e, String name) {
    String value = e.getAttribute(name).strip();
    if (value.isEmpty() || value.equals("none")) {
      return Optional.empty();
    }
    if (!COLOR.matcher(value).matches()) {
      throw new CertificateException(
          "<"
              + e.getTagName()
              + " "
              + name
              + "=\""
              + value
              + "\">: write a colour as #rrggbb, or none");
    }
    return Optional.of(value.toLowerCase(Locale.ROOT));
  }
}
