package dev.badgesmith.images;

import dev.badgesmith.images.SvgTree.Attribute;
import dev.badgesmith.images.SvgTree.Element;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Writes the published part of a checked SVG: the elements and attributes {@link SvgCheck} kept,
 * with their text, and nothing else (no comment, processing instruction, DOCTYPE, editor data or
 * other namespace). SVG is the default namespace, declared on the root with {@code xlink} when an
 * attribute needs it; attributes keep their order; the file is UTF-8, ends with a newline, and the
 * same tree always gives the same bytes.
 */
final class SvgWriter {
  /** Elements whose space is text: kept exactly as written. */
  private static final Set<String> TEXT =
      Set.of("text", "tspan", "textPath", "title", "desc", "style");

  private SvgWriter() {}

  static byte[] write(Element root) {
    StringBuilder out = new StringBuilder(4096);
    element(root, out, usesXlink(root));
    out.append('\n');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void element(Element e, StringBuilder out, boolean declareXlink) {
    out.append('<').append(e.local);
    if (e.parent == null) {
      out.append(" xmlns=\"").append(SvgTree.SVG).append('"');
      if (declareXlink) {
        out.append(" xmlns:xlink=\"").append(SvgTree.XLINK).append('"');
      }
    }
    for (Attribute a : e.published) {
      out.append(' ').append(name(a)).append("=\"");
      escape(a.value(), true, out);
      out.append('"');
    }
    boolean empty = true;
    for (Object child : e.children) {
      if (child instanceof String || child instanceof Element c && c.published != null) {
        empty = false;
        break;
      }
    }
    if (empty) {
      out.append("/>");
      return;
    }
    out.append('>');
    // Text on both sides of what is left out is one text: written at once, laid out as one.
    boolean layout = !TEXT.contains(e.local);
    StringBuilder text = new StringBuilder();
    for (Object child : e.children) {
      if (child instanceof String s) {
        text.append(s);
      } else if (child instanceof Element c && c.published != null) {
        flush(text, layout, out);
        element(c, out, false);
      }
    }
    flush(text, layout, out);
    out.append("</").append(e.local).append('>');
  }

  private static void flush(StringBuilder text, boolean layout, StringBuilder out) {
    if (!text.isEmpty()) {
      escape(layout ? layout(text.toString()) : text.toString(), false, out);
      text.setLength(0);
    }
  }

  /**
   * Space between elements as the last line of it: where a comment or editor data was left out, the
   * lines around it would otherwise leave an empty line.
   */
  private static String layout(String text) {
    int newline = text.lastIndexOf('\n');
    return newline > 0 && text.isBlank() ? text.substring(newline) : text;
  }

  private static String name(Attribute a) {
    return switch (a.uri()) {
      case SvgTree.XLINK -> "xlink:" + a.local();
      case SvgTree.XML -> "xml:" + a.local();
      default -> a.local();
    };
  }

  private static boolean usesXlink(Element e) {
    for (Attribute a : e.published) {
      if (a.uri().equals(SvgTree.XLINK)) {
        return true;
      }
    }
    for (Object child : e.children) {
      if (child instanceof Element c && c.published != null && usesXlink(c)) {
        return true;
      }
    }
    return false;
  }

  private static void escape(String text, boolean attribute, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }
}
