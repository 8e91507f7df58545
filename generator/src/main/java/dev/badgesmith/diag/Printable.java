package dev.badgesmith.diag;

/**
 * Text from a badge site made safe to print on one line of a terminal or a CI log. A value in a
 * site file may hold any character: a line end would start a line that a GitHub Actions runner
 * reads as a workflow command ({@code ::add-mask::}, {@code ::warning::}), an ANSI escape sequence
 * can hide text in a terminal, and a bidirectional override can show text in another order than it
 * is written. Each such character is written as an escape instead: {@code \n}, {@code \r}, {@code
 * \t}, or a backslash, {@code u} and the character's four hex digits (ESC as backslash and {@code
 * u001b}, RIGHT-TO-LEFT OVERRIDE as backslash and {@code u202e}).
 *
 * <p>Escaped are the C0 controls (U+0000 to U+001F), DEL (U+007F), the C1 controls (U+0080 to
 * U+009F), the line and paragraph separators (U+2028, U+2029), and the bidirectional embeddings,
 * overrides and isolates (U+202A to U+202E, U+2066 to U+2069). Everything else, backslashes
 * included, is kept as written, so text without such characters prints unchanged and escaping twice
 * changes nothing.
 */
public final class Printable {
  private Printable() {}

  /** Whether a character is one that {@link #escape} writes as an escape. */
  public static boolean isEscaped(int c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x2028
        || c == 0x2029
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /** The text with every {@linkplain #isEscaped escaped character} written as an escape. */
  public static String escape(String text) {
    int i = 0;
    while (i < text.length() && !isEscaped(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text; // the common case: nothing to escape, nothing copied
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isEscaped(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out.toString();
  }
}
