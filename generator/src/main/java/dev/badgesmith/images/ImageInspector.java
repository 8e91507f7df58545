package dev.badgesmith.images;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.SAXParser;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Checks a badge or issuer image before anything renders or publishes it: its size against a
 * budget; a PNG's structure and pixel count ({@link PngCheck}); an SVG's well-formedness and
 * safety; and whether the image is square.
 *
 * <p>An SVG badge is shown by browsers, wallets and backpacks, sometimes inline: it must not run
 * code or load anything, since that would run the author's code on the verifier's page or tell a
 * third party who looked at a badge. So scripts, event handlers, {@code javascript:} URLs, {@code
 * <foreignObject>} and every reference other than a {@code #fragment} or a {@code data:} URI are
 * errors. Pure checks: the JDK's XML parser (no external entity is read) and no rendering.
 *
 * <p>Stateless and thread-safe.
 */
public final class ImageInspector {
  private static final String XLINK = "http://www.w3.org/1999/xlink";
  private static final Pattern CSS_URL =
      Pattern.compile("url\\(\\s*(['\"]?)(.*?)\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CSS_IMPORT =
      Pattern.compile("@import\\s+(?:url\\(\\s*)?['\"]?([^'\")\\s;]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*([a-z]*)\\s*");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
  private static final Pattern SPACE_AND_CONTROLS = Pattern.compile("[\\x00-\\x20\\x7f]+");

  /**
   * Every problem of one image, errors and warnings, in the order found; empty when it is clean.
   *
   * @param format {@code png} or {@code svg}
   * @param maxBytes the size budget in bytes
   */
  public List<ImageProblem> inspect(byte[] content, String format, long maxBytes) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(format, "format");
    List<ImageProblem> problems = new ArrayList<>();
    if (content.length > maxBytes) {
      problems.add(
          ImageProblem.error(
                  Code.IMAGE_TOO_LARGE,
                  "the image is "
                      + content.length
                      + " bytes, over the budget of "
                      + maxBytes
                      + " bytes")
              .withHint(
                  format.equals("svg")
                      ? "optimise it, for example with `svgo`, or simplify the design"
                      : "optimise it, for example with `oxipng -o max --strip safe`, or make it"
                          + " smaller (512 x 512 px is plenty)"));
    }
    switch (format) {
      case "png" -> inspectPng(content, problems);
      case "svg" -> inspectSvg(content, problems);
      default -> throw new IllegalArgumentException("format must be png or svg, not " + format);
    }
    return List.copyOf(problems);
  }

  // ---------------------------------------------------------------------------------------- PNG

  private static void inspectPng(byte[] png, List<ImageProblem> problems) {
    try {
      PngCheck.Ihdr ihdr = PngCheck.check(png);
      if (ihdr.width() != ihdr.height()) {
        problems.add(notSquare(ihdr.width() + " x " + ihdr.height() + " px"));
      }
    } catch (PngCheck.CorruptPng e) {
      problems.add(
          ImageProblem.error(Code.IMAGE_CORRUPT, "the PNG is corrupt: " + e.getMessage())
              .withHint("export it again from the editor, or re-encode it (e.g. with `oxipng`)"));
    } catch (PngCheck.TooManyPixels e) {
      problems.add(tooManyPixels("the PNG", e.ihdr()));
    }
  }

  /** A PNG over {@link ImageLimits#MAX_PIXELS}, refused from its header. */
  static ImageProblem tooManyPixels(String what, PngCheck.Ihdr ihdr) {
    return ImageProblem.error(
            Code.IMAGE_OVER_LIMITS,
            what
                + " is "
                + ihdr.width()
                + " x "
                + ihdr.height()
                + " px ("
                + ImageLimits.count(ihdr.pixels())
                + " pixels), over the limit of "
                + ImageLimits.count(ImageLimits.MAX_PIXELS)
                + " pixels (4096 x 4096)")
        .withHint("scale it down: 512 x 512 px is plenty for a badge");
  }

  // ---------------------------------------------------------------------------------------- SVG

  private static void inspectSvg(byte[] svg, List<ImageProblem> problems) {
    SvgScanner scanner = new SvgScanner(problems);
    try {
      SAXParser parser = SafeXml.saxParser();
      parser.setProperty("http://xml.org/sax/properties/lexical-handler", scanner);
      parser.setProperty("http://xml.org/sax/properties/declaration-handler", scanner);
      parser.parse(new ByteArrayInputStream(svg), scanner);
    } catch (SAXParseException e) {
      problems.add(
          ImageProblem.error(
                  Code.IMAGE_CORRUPT, "the SVG is not well-formed XML: " + SafeXml.describe(e))
              .withHint("open it in an editor and save it again, or check it with `xmllint`"));
      return;
    } catch (SAXException | IOException e) {
      problems.add(
          ImageProblem.error(Code.IMAGE_CORRUPT, "the SVG cannot be read: " + e.getMessage()));
      return;
    }
    scanner.finish();
  }

  private static ImageProblem notSquare(String size) {
    return new ImageProblem(
        Severity.WARNING,
        Code.IMAGE_NOT_SQUARE,
        "the image is " + size + ", not square; badges are shown in a square",
        Optional.of("make the canvas square, with the design centred in it"));
  }

  private static String format(float value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  /** Collects SVG problems while the parser streams the document. */
  private static final class SvgScanner extends DefaultHandler2 {
    private final List<ImageProblem> problems;
    private Locator locator;
    private boolean rootSeen;
    private String rootProblem;
    private String notSquare;
    private StringBuilder style;
    private int styleLine;

    SvgScanner(List<ImageProblem> problems) {
      this.problems = problems;
    }

    // SAXParser.parse makes the handler the entity resolver: read nothing, whatever the features.
    @Override
    public InputSource resolveEntity(
        String name, String publicId, String baseUri, String systemId) {
      return new InputSource(new StringReader(""));
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) {
      return new InputSource(new StringReader(""));
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      String element = "<" + qName + ">";
      if (!rootSeen) {
        rootSeen = true;
        if (!localName.equals("svg") || !"http://www.w3.org/2000/svg".equals(uri)) {
          rootProblem = "its root element is " + element + ", not <svg> in the SVG namespace";
        } else {
          notSquare = notSquareSize(attributes);
        }
      }
      switch (localName.toLowerCase(Locale.ROOT)) {
        case "script" -> unsafe("the " + element + " element", "runs code", "remove the script");
        case "foreignobject" ->
            unsafe(
                "the " + element + " element",
                "embeds content that can load and run anything",
                "draw the content with SVG shapes and text instead");
        case "style" -> {
          style = new StringBuilder();
          styleLine = line();
        }
        default -> {}
      }
      for (int i = 0; i < attributes.getLength(); i++) {
        checkAttribute(element, attributes, i);
      }
    }

    private void checkAttribute(String element, Attributes attributes, int i) {
      String name = attributes.getQName(i);
      String local = attributes.getLocalName(i);
      String value = attributes.getValue(i);
      String what = "the " + name + " attribute of " + element;
      if (local.toLowerCase(Locale.ROOT).startsWith("on")) {
        unsafe(what, "is an event handler that runs code", "remove the attribute");
        return;
      }
      if (compact(value).startsWith("javascript:")) {
        unsafe(what, "is a javascript: URL", "remove the link");
        return;
      }
      boolean href =
          local.equals("href")
              && (attributes.getURI(i).isEmpty() || XLINK.equals(attributes.getURI(i)));
      if (href && !isEmbedded(value)) {
        unsafe(
            what,
            "refers to '" + shorten(value) + "' outside the image",
            "embed the resource as a data: URI, or refer to an element of this image (#id)");
        return;
      }
      checkCssUrls(what, value, line());
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (style != null) {
        style.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (style != null && localName.equalsIgnoreCase("style")) {
        String css = style.toString();
        style = null;
        String what = "the <style> element";
        Matcher imports = CSS_IMPORT.matcher(css);
        while (imports.find()) {
          if (!isEmbedded(imports.group(1))) {
            problemAt(
                what,
                "imports '" + shorten(imports.group(1)) + "' from outside the image",
                "copy the rules into the <style> element",
                styleLine);
          }
        }
        // An @import's url() is reported above, once.
        checkCssUrls(what, css.replaceAll("(?i)@import[^;]*;?", ""), styleLine);
      }
    }

    @Override
    public void processingInstruction(String target, String data) {
      if (target.equalsIgnoreCase("xml-stylesheet")) {
        unsafe(
            "the <?xml-stylesheet?> instruction",
            "loads a stylesheet from outside the image",
            "copy the rules into a <style> element");
      }
    }

    @Override
    public void externalEntityDecl(String name, String publicId, String systemId) {
      unsafe(
          "the entity '" + name + "'",
          "refers to '" + shorten(systemId) + "' outside the image",
          "remove the entity declaration from the DOCTYPE");
    }

    @Override
    public void skippedEntity(String name) {
      if (!name.startsWith("%") && !name.equals("[dtd]")) {
        unsafe(
            "the reference &" + name + ";",
            "names an entity that is external or not declared",
            "write the text itself");
      }
    }

    void finish() {
      if (rootProblem != null) {
        problems.add(
            ImageProblem.error(Code.IMAGE_CORRUPT, "the file is not an SVG image: " + rootProblem)
                .withHint("a badge design is an <svg> document"));
      } else if (notSquare != null) {
        problems.add(notSquare(notSquare));
      }
    }

    private void checkCssUrls(String what, String value, int line) {
      Matcher urls = CSS_URL.matcher(value);
      while (urls.find()) {
        if (!isEmbedded(urls.group(2))) {
          problemAt(
              what,
              "refers to url(" + shorten(urls.group(2)) + ") outside the image",
              "embed the resource as a data: URI, or refer to an element of this image (#id)",
              line);
        }
      }
    }

    private void unsafe(String what, String why, String hint) {
      problemAt(what, why, hint, line());
    }

    private void problemAt(String what, String why, String hint, int line) {
      problems.add(
          ImageProblem.error(Code.IMAGE_UNSAFE, what + " " + why).withHint(hint).atLine(line));
    }

    private int line() {
      return locator != null ? locator.getLineNumber() : -1;
    }

    /**
     * The first of viewBox and width/height (in one unit) that is not square, as "w x h"; null when
     * both are square or absent. A square width/height with a wide viewBox still letterboxes it.
     */
    private static String notSquareSize(Attributes attributes) {
      String viewBox = attributes.getValue("", "viewBox");
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
      Matcher w = LENGTH.matcher(String.valueOf(attributes.getValue("", "width")));
      Matcher h = LENGTH.matcher(String.valueOf(attributes.getValue("", "height")));
      if (w.matches() && h.matches() && w.group(2).equals(h.group(2))) {
        float width = Float.parseFloat(w.group(1));
        float height = Float.parseFloat(h.group(1));
        if (width != height) {
          return format(width) + " x " + format(height) + w.group(2);
        }
      }
      return null;
    }
  }

  /** A reference that stays inside the image: to one of its elements, or embedded data. */
  private static boolean isEmbedded(String reference) {
    String ref = compact(reference);
    return ref.startsWith("#") || ref.startsWith("data:");
  }

  /** Lower case without spaces and control characters, which browsers skip inside URL schemes. */
  private static String compact(String value) {
    return SPACE_AND_CONTROLS.matcher(value).replaceAll("").toLowerCase(Locale.ROOT);
  }

  private static String shorten(String value) {
    String v = value.strip();
    return v.length() <= 80 ? v : v.substring(0, 77) + "...";
  }
}
