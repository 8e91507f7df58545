package dev.badgesmith.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.hash.Sha256;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The SHA-256 of a JSON document in a canonical form, so that two copies that differ only in
 * whitespace or key order have one digest: members sorted by key (UTF-16 code units), no
 * whitespace, strings escaped as JavaScript's {@code JSON.stringify} escapes them. The verify page
 * computes the same form in the browser ({@code verify.js}, {@code canonicalJson}) and compares a
 * dropped badge with the documents this site published.
 */
public final class JsonDigest {
  private JsonDigest() {}

  /** The unpadded base64url SHA-256 of {@link #canonical}. */
  public static String sha256(JsonNode node) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(canonical(node)));
  }

  public static String canonical(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  /**
   * {@link #canonical(JsonNode)} of a record made of maps with text keys, lists, texts and nulls,
   * written as the tree Jackson would make of it: what a short run needs without Jackson's mapper.
   *
   * @throws IllegalArgumentException for any other kind of value
   */
  public static String canonicalValue(Object value) {
    StringBuilder out = new StringBuilder();
    writeValue(value, out);
    return out.toString();
  }

  private static void writeValue(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(text, out);
    } else if (value instanceof Map<?, ?> map) {
      List<String> names = new ArrayList<>();
      for (Object key : map.keySet()) {
        if (!(key instanceof String name)) {
          throw new IllegalArgumentException("not a text key: " + key);
        }
        names.add(name);
      }
      names.sort(null); // as the tree's members are sorted
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(names.get(i), out);
        out.append(':');
        writeValue(map.get(names.get(i)), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeValue(list.get(i), out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not a map, list, text or null: " + value.getClass());
    }
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      names.sort(null); // String order is UTF-16 code unit order, as JavaScript sorts
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(names.get(i), out);
        out.append(':');
        write(node.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      string(node.textValue(), out);
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue());
    } else if (node.isNumber()) {
      // Badge documents hold no fractions; this matches JavaScript for the plain ones.
      out.append(new BigDecimal(node.asText()).stripTrailingZeros().toPlainString());
    } else {
      out.append(node.isNull() || node.isMissingNode() ? "null" : node.asText());
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    // Most texts need no escape: appended whole, rather than a character at a time.
    if (plain(s)) {
      out.append(s).append('"');
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean loneSurrogate =
              Character.isSurrogate(c)
                  && !(Character.isHighSurrogate(c)
                      && i + 1 < s.length()
                      && Character.isLowSurrogate(s.charAt(i + 1)))
                  && !(Character.isLowSurrogate(c)
                      && i > 0
                      && Character.isHighSurrogate(s.charAt(i - 1)));
          if (c < 0x20 || loneSurrogate) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Whether a text is written as it is: no quote, backslash, control character or surrogate. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
