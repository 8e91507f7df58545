package dev.badgesmith.images;

import dev.badgesmith.diag.Code;
import dev.badgesmith.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * An SVG file read for checking and re-serialising: its elements with their attributes and text,
 * each at the 1-based line and column where its start tag begins, and the problems met while
 * reading (not well-formed XML, a DOCTYPE that declares entities or default attributes, an external
 * stylesheet, more elements or deeper nesting than {@link ImageLimits} allows).
 *
 * <p>Read by the JDK's SAX parser set up by {@link SafeXml}: nothing outside the file is read.
 * Positions come from a lexical scan of the same text, since a SAX locator reports where a start
 * tag ends. Reading stops at the first entity the DOCTYPE declares (after reporting the
 * declaration), so no element or text comes from an entity.
 */
final class SvgTree {
  static final String SVG = "http://www.w3.org/2000/svg";
  static final String XLINK = "http://www.w3.org/1999/xlink";
  static final String XML = XMLConstants.XML_NS_URI;

  private static final Pattern ENCODING =
      Pattern.compile("^<\\?xml[^>]*\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

  /**
   * An attribute as written.
   *
   * @param uri its namespace, empty for none
   */
  record Attribute(String uri, String local, String qName, String value) {}

  /** An element; its children are elements and text ({@link String}), in document order. */
  static final class Element {
    final String uri;
    final String local;
    final String qName;
    final List<Attribute> attributes;
    final List<Object> children = new ArrayList<>();
    final Element parent;
    final int depth;
    final int line;
    final int column;

    /** The attributes to publish, set by the check; null while the element is not published. */
    List<Attribute> published;

    Element(
        String uri,
        String local,
        String qName,
        List<Attribute> attributes,
        Element parent,
        int line,
        int column) {
      this.uri = uri;
      this.local = local;
      this.qName = qName;
      this.attributes = attributes;
      this.parent = parent;
      this.depth = parent == null ? 1 : parent.depth + 1;
      this.line = line;
      this.column = column;
    }

    boolean isSvg(String name) {
      return SVG.equals(uri) && local.equals(name);
    }

    /** The value of an attribute without a namespace, or null. */
    String attribute(String name) {
      for (Attribute a : attributes) {
        if (a.uri().isEmpty() && a.local().equals(name)) {
          return a.value();
        }
      }
      return null;
    }

    /** Its {@code href}, or else its {@code xlink:href}, or null. */
    String href() {
      String plain = attribute("href");
      if (plain != null) {
        return plain;
      }
      for (Attribute a : attributes) {
        if (XLINK.equals(a.uri()) && a.local().equals("href")) {
          return a.value();
        }
      }
      return null;
    }

    /** Its own text, without that of its child elements. */
    String text() {
      StringBuilder b = new StringBuilder();
      for (Object child : children) {
        if (child instanceof String s) {
          b.append(s);
        }
      }
      return b.toString();
    }

    /** {@code <qName>}, as messages name it. */
    String tag() {
      return "<" + qName + ">";
    }

    ImageProblem at(ImageProblem problem) {
      return problem.at(line, column);
    }
  }

  /** The root element, or null when the file could not be read whole. */
  final Element root;

  final List<ImageProblem> problems;

  private SvgTree(Element root, List<ImageProblem> problems) {
    this.root = root;
    this.problems = problems;
  }

  static SvgTree read(byte[] svg) {
    SvgPositions positions = SvgPositions.scan(decode(svg));
    Reader reader = new Reader(positions);
    try {
      SAXParser parser = SafeXml.saxParser();
      parser.setProperty("http://xml.org/sax/properties/lexical-handler", reader);
      parser.setProperty("http://xml.org/sax/properties/declaration-handler", reader);
      parser.parse(new ByteArrayInputStream(svg), reader);
    } catch (SAXParseException e) {
      ImageProblem problem =
          ImageProblem.error(
                  Code.IMAGE_CORRUPT, "the SVG is not well-formed XML: " + SafeXml.describe(e))
              .withHint("open it in an editor and save it again, or check it with `xmllint`");
      reader.problems.add(problem.at(Math.max(0, e.getLineNumber()), e.getColumnNumber()));
      return new SvgTree(null, List.copyOf(reader.problems));
    } catch (Stop e) {
      if (reader.problems.isEmpty()) {
        reader.problems.add(ImageProblem.error(Code.IMAGE_CORRUPT, "the SVG cannot be read whole"));
      }
      return new SvgTree(null, List.copyOf(reader.problems));
    } catch (SAXException | IOException e) {
      reader.problems.add(
          ImageProblem.error(Code.IMAGE_CORRUPT, "the SVG cannot be read: " + e.getMessage()));
      return new SvgTree(null, List.copyOf(reader.problems));
    }
    return new SvgTree(reader.root, List.copyOf(reader.problems));
  }

  /** The text of the file, for positions: its BOM, or its XML declaration, or UTF-8. */
  private static String decode(byte[] svg) {
    if (svg.length >= 3
        && (svg[0] & 0xff) == 0xef
        && (svg[1] & 0xff) == 0xbb
        && (svg[2] & 0xff) == 0xbf) {
      return new String(svg, 3, svg.length - 3, StandardCharsets.UTF_8);
    }
    if (svg.length >= 2 && (svg[0] & 0xff) == 0xfe && (svg[1] & 0xff) == 0xff) {
      return new String(svg, 2, svg.length - 2, StandardCharsets.UTF_16BE);
    }
    if (svg.length >= 2 && (svg[0] & 0xff) == 0xff && (svg[1] & 0xff) == 0xfe) {
      return new String(svg, 2, svg.length - 2, StandardCharsets.UTF_16LE);
    }
    String head = new String(svg, 0, Math.min(svg.length, 256), StandardCharsets.ISO_8859_1);
    Matcher m = ENCODING.matcher(head);
    Charset charset = StandardCharsets.UTF_8;
    try {
      if (m.find() && Charset.isSupported(m.group(1))) {
        charset = Charset.forName(m.group(1));
      }
    } catch (IllegalCharsetNameException e) {
      // The parser reports it.
    }
    return new String(svg, charset);
  }

  /** Stops reading; what was found so far is in the problems. */
  private static final class Stop extends SAXException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super("stopped");
    }
  }

  /** Builds the tree while the parser streams the document. */
  private static final class Reader extends DefaultHandler2 {
    private final SvgPositions positions;
    private final List<ImageProblem> problems = new ArrayList<>();
    private int elements;
    private final StringBuilder text = new StringBuilder();
    private Locator locator;
    private Element root;
    private Element current;
    private int piIndex;
    private final java.util.Set<String> declaredEntities = new java.util.HashSet<>();

    Reader(SvgPositions positions) {
      this.positions = positions;
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
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws Stop {
      int index = elements;
      int line = index < positions.tags() ? positions.tagLine(index) : locatorLine();
      int column = index < positions.tags() ? positions.tagColumn(index) : locatorColumn();
      List<Attribute> list = new ArrayList<>(attributes.getLength());
      for (int i = 0; i < attributes.getLength(); i++) {
        list.add(
            new Attribute(
                attributes.getURI(i),
                attributes.getLocalName(i),
                attributes.getQName(i),
                attributes.getValue(i)));
      }
      if (current != null) {
        flushText();
      }
      Element element = new Element(uri, localName, qName, list, current, line, column);
      if (index == ImageLimits.MAX_ELEMENTS) {
        problems.add(
            element.at(
                ImageProblem.error(
                        Code.IMAGE_OVER_LIMITS,
                        "the image has more than "
                            + ImageLimits.count(ImageLimits.MAX_ELEMENTS)
                            + " elements (the limit); this "
                            + element.tag()
                            + " is one too many")
                    .withHint("simplify the design, for example with `svgo`")));
        throw new Stop();
      }
      if (element.depth > ImageLimits.MAX_DEPTH) {
        problems.add(
            element.at(
                ImageProblem.error(
                        Code.IMAGE_OVER_LIMITS,
                        "the "
                            + element.tag()
                            + " element is nested "
                            + element.depth
                            + " elements deep, over the limit of "
                            + ImageLimits.MAX_DEPTH)
                    .withHint("ungroup what needs no group, for example with `svgo`")));
        throw new Stop();
      }
      elements++;
      if (current == null) {
        root = element;
      } else {
        current.children.add(element);
      }
      current = element;
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      flushText();
      current = current.parent;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (current != null) {
        text.append(ch, start, length);
      }
    }

    /** Adds the text read since the last tag to the element it is in: one string per run. */
    private void flushText() {
      if (!text.isEmpty()) {
        current.children.add(text.toString());
        text.setLength(0);
      }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
      characters(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) {
      int[] at = positions.instruction(target, piIndex);
      piIndex = at[2] + 1;
      if (target.equalsIgnoreCase("xml-stylesheet")) {
        problems.add(
            ImageProblem.error(
                    Code.IMAGE_UNSAFE,
                    "the <?xml-stylesheet?> instruction loads a stylesheet from outside the image")
                .withHint("copy the rules into a <style> element")
                .at(at[0], at[1]));
      }
    }

    @Override
    public void internalEntityDecl(String name, String value) {
      declaredEntities.add(name);
      declared(
          "the DOCTYPE declares the entity '" + name + "'",
          "write its text where it is used, and remove the DOCTYPE");
    }

    @Override
    public void externalEntityDecl(String name, String publicId, String systemId) {
      problems.add(
          ImageProblem.error(
                  Code.IMAGE_UNSAFE,
                  "the entity '"
                      + name
                      + "' refers to '"
                      + shorten(systemId)
                      + "' outside the image")
              .withHint("remove the entity declaration from the DOCTYPE")
              .at(positions.doctypeLine(), positions.doctypeColumn()));
    }

    @Override
    public void attributeDecl(
        String elementName, String attributeName, String type, String mode, String value) {
      if (value != null) {
        declared(
            "the DOCTYPE gives <" + elementName + "> a default " + attributeName + " attribute",
            "write the attribute on the elements, and remove the DOCTYPE");
      }
    }

    private void declared(String what, String hint) {
      problems.add(
          ImageProblem.error(Code.IMAGE_UNSAFE, what + ", which Badgesmith does not read")
              .withHint(hint)
              .at(positions.doctypeLine(), positions.doctypeColumn()));
    }

    @Override
    public void startEntity(String name) throws Stop {
      // An entity the DOCTYPE declared, now expanded (its declaration is reported): stop here, so
      // that no element or text comes from a declaration. Built-in ones (&amp;) are not declared.
      if (declaredEntities.contains(name)) {
        throw new Stop();
      }
    }

    @Override
    public void skippedEntity(String name) {
      if (!name.startsWith("%") && !name.equals("[dtd]")) {
        ImageProblem problem =
            ImageProblem.error(
                    Code.IMAGE_UNSAFE,
                    "the reference &" + name + "; names an entity that is external or not declared")
                .withHint("write the text itself");
        problems.add(current != null ? current.at(problem) : problem);
      }
    }

    private int locatorLine() {
      return locator != null ? Math.max(0, locator.getLineNumber()) : 0;
    }

    private int locatorColumn() {
      return locator != null ? Math.max(0, locator.getColumnNumber()) : 0;
    }
  }

  static String shorten(String value) {
    String v = value.strip();
    return v.length() <= 80 ? v : v.substring(0, 77) + "...";
  }
}
