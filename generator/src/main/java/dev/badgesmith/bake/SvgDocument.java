package dev.badgesmith.bake;

import dev.badgesmith.load.ByteOrderMark;
import dev.badgesmith.xml.SafeXml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What baking needs to know about an SVG file: read once with the JDK's StAX parser (no DTDs, no
 * external entities, so no XXE) for namespaces and payloads, and once lexically for the byte
 * offsets of its tags, so that baking can insert text without re-serialising the drawing.
 */
final class SvgDocument {
  static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

  /**
   * A baked element.
   *
   * @param index its position among all elements, in document order (the root is 0)
   */
  record Element(BadgeVersion version, int index, String carrier, String body, String verify) {
    Baked baked() {
      String payload = body.strip();
      return new Baked(
          version,
          "svg",
          carrier,
          payload.isEmpty() && verify != null ? verify : payload,
          Optional.ofNullable(verify));
    }
  }

  /**
   * Byte offsets of every element, by index: where its start tag starts and ends, and where the
   * element ends (just past its end tag, or its start tag when empty).
   */
  record Offsets(int[] start, int[] tagEnd, int[] end, boolean[] empty) {}

  final Map<String, String> rootNamespaces;
  final List<Element> elements;
  final int elementCount;

  private SvgDocument(Map<String, String> rootNamespaces, List<Element> elements, int count) {
    this.rootNamespaces = rootNamespaces;
    this.elements = elements;
    this.elementCount = count;
  }

  /** Whether the file looks like XML at all: its first character, after a BOM and space, is '<'. */
  static boolean looksLikeXml(byte[] file) {
    return ByteOrderMark.firstContentByte(file) == '<';
  }

  static SvgDocument parse(byte[] svg) {
    try {
      XMLStreamReader reader = SafeXml.streamReader(svg);
      try {
        return read(reader);
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new BakeException("not well-formed XML" + describe(e), e);
    }
  }

  private static SvgDocument read(XMLStreamReader reader) throws XMLStreamException {
    checkEncoding(reader.getEncoding());
    checkEncoding(reader.getCharacterEncodingScheme());
    Map<String, String> rootNamespaces = new HashMap<>();
    List<Element> elements = new ArrayList<>();
    int index = -1;
    int depth = 0;
    Element open = null;
    int openDepth = 0;
    StringBuilder body = new StringBuilder();
    while (reader.hasNext()) {
      switch (reader.next()) {
        case XMLStreamConstants.DTD -> {
          if (reader.getText().indexOf('[') >= 0) {
            throw new BakeException(
                "the SVG has a DOCTYPE with an internal subset (entity declarations);"
                    + " Badgesmith reads no DTDs: remove the DOCTYPE");
          }
        }
        case XMLStreamConstants.START_ELEMENT -> {
          index++;
          depth++;
          if (index == 0) {
            if (!"svg".equals(reader.getLocalName())
                || !SVG_NAMESPACE.equals(reader.getNamespaceURI())) {
              throw new BakeException(
                  "not an SVG file: the root element is <"
                      + qualified(reader.getPrefix(), reader.getLocalName())
                      + "> in namespace "
                      + (reader.getNamespaceURI() == null ? "(none)" : reader.getNamespaceURI())
                      + ", not <svg> in "
                      + SVG_NAMESPACE);
            }
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
              String prefix = reader.getNamespacePrefix(i);
              rootNamespaces.put(prefix == null ? "" : prefix, reader.getNamespaceURI(i));
            }
          } else if (open == null) {
            BadgeVersion version = versionOf(reader.getNamespaceURI(), reader.getLocalName());
            if (version != null) {
              open =
                  new Element(
                      version,
                      index,
                      "<" + qualified(reader.getPrefix(), reader.getLocalName()) + ">",
                      "",
                      reader.getAttributeValue(null, "verify"));
              openDepth = depth;
              body.setLength(0);
            }
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (open != null) {
            body.append(reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (open != null && depth == openDepth) {
            elements.add(
                new Element(
                    open.version(), open.index(), open.carrier(), body.toString(), open.verify()));
            open = null;
          }
          depth--;
        }
        default -> {}
      }
    }
    return new SvgDocument(Map.copyOf(rootNamespaces), List.copyOf(elements), index + 1);
  }

  /** Finds the tags lexically; the document is already known to be well-formed. */
  Offsets offsets(byte[] svg) {
    int[] start = new int[elementCount];
    int[] tagEnd = new int[elementCount];
    int[] end = new int[elementCount];
    boolean[] empty = new boolean[elementCount];
    int[] open = new int[16];
    int depth = 0;
    int index = 0;
    int i = 0;
    int n = svg.length;
    while (i < n) {
      if (svg[i] != '<') {
        i++;
        continue;
      }
      if (startsWith(svg, i, "<!--")) {
        i = after(svg, i + 4, "-->");
      } else if (startsWith(svg, i, "<![CDATA[")) {
        i = after(svg, i + 9, "]]>");
      } else if (startsWith(svg, i, "<?")) {
        i = after(svg, i + 2, "?>");
      } else if (startsWith(svg, i, "<!")) {
        i = afterDeclaration(svg, i + 2);
      } else if (startsWith(svg, i, "</")) {
        i = after(svg, i + 2, ">");
        end[open[--depth]] = i;
      } else {
        if (index == elementCount) {
          throw new IllegalStateException("the lexical scan found more elements than the parser");
        }
        start[index] = i;
        i = afterTag(svg, i + 1);
        tagEnd[index] = i;
        if (svg[i - 2] == '/') {
          empty[index] = true;
          end[index] = i;
        } else {
          if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
          }
          open[depth++] = index;
        }
        index++;
      }
    }
    if (index != elementCount || depth != 0) {
      throw new IllegalStateException("the lexical scan disagrees with the parser");
    }
    return new Offsets(start, tagEnd, end, empty);
  }

  static BadgeVersion versionOf(String namespace, String localName) {
    for (BadgeVersion version : BadgeVersion.values()) {
      if (version.svgNamespace().equals(namespace) && version.svgElement().equals(localName)) {
        return version;
      }
    }
    return null;
  }

  static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static void checkEncoding(String encoding) {
    if (encoding == null) {
      return;
    }
    String name = encoding.toUpperCase(Locale.ROOT);
    if (!name.equals("UTF-8") && !name.equals("UTF8") && !name.equals("US-ASCII")) {
      throw new BakeException(
          "the SVG is encoded in " + encoding + "; only UTF-8 SVG files can be baked and read");
    }
  }

  private static String qualified(String prefix, String localName) {
    return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
  }

  private static String describe(XMLStreamException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int at = message.indexOf("Message: ");
    if (at >= 0) {
      message = message.substring(at + "Message: ".length());
    }
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNumber()
                + ", column "
                + e.getLocation().getColumnNumber();
    return where + ": " + message.strip();
  }

  private static boolean startsWith(byte[] b, int at, String ascii) {
    if (b.length - at < ascii.length()) {
      return false;
    }
    for (int k = 0; k < ascii.length(); k++) {
      if (b[at + k] != ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int after(byte[] b, int from, String ascii) {
    for (int i = from; i <= b.length - ascii.length(); i++) {
      if (startsWith(b, i, ascii)) {
        return i + ascii.length();
      }
    }
    throw new IllegalStateException("unterminated markup in a well-formed document");
  }

  /** Just past a start tag's closing '>', skipping quoted attribute values (which may hold '>'). */
  private static int afterTag(byte[] b, int from) {
    byte quote = 0;
    for (int i = from; i < b.length; i++) {
      byte c = b[i];
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i + 1;
      }
    }
    throw new IllegalStateException("unterminated tag in a well-formed document");
  }

  /** Just past a {@code <!DOCTYPE ...>}, skipping quoted strings and an internal subset. */
  private static int afterDeclaration(byte[] b, int from) {
    byte quote = 0;
    int brackets = 0;
    for (int i = from; i < b.length; i++) {
      byte c = b[i];
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        brackets++;
      } else if (c == ']') {
        brackets--;
      } else if (c == '>' && brackets == 0) {
        return i + 1;
      }
    }
    throw new IllegalStateException("unterminated declaration in a well-formed document");
  }
}
