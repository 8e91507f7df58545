package dev.badgesmith.markdown;

/**
 * The HTML of a one-line paragraph that needs no Markdown parser: words, digits, spaces and the
 * punctuation that means nothing to Markdown, with {@code **strong**} spans that can only be read
 * one way. Most narratives are such a sentence, and a parse costs far more than the sentence.
 * Anything else (a second line, a character that could start a list, a link, an entity, any other
 * emphasis) is left to commonmark: this gives the bytes commonmark gives, or nothing.
 */
final class PlainParagraph {
  private PlainParagraph() {}

  /** {@code <p>…</p>\n} as commonmark writes it, or null when the text needs the parser. */
  static String html(String markdown) {
    int length = markdown.length();
    // A first character that is not a letter could start a block (a list, a heading, a quote,
    // code) or an emphasis, so only a letter opens a plain paragraph.
    if (length == 0 || length > 2000 || !Character.isLetter(markdown.charAt(0))) {
      return null;
    }
    StringBuilder html = new StringBuilder(length + 24).append("<p>");
    boolean strong = false;
    for (int i = 0; i < length; i++) {
      char c = markdown.charAt(i);
      if (c == '*') {
        // Only "**" that opens after a space and before a letter or digit, or closes after a
        // letter or digit and before a space, the end or a sentence's punctuation: a delimiter
        // run that is left- or right-flanking only, and pairs with the one before it.
        if (i + 1 >= length || markdown.charAt(i + 1) != '*') {
          return null;
        }
        char before = markdown.charAt(i - 1); // i > 0: the first character is a letter
        char after = i + 2 < length ? markdown.charAt(i + 2) : ' ';
        if (!strong && before == ' ' && Character.isLetterOrDigit(after)) {
          html.append("<strong>");
        } else if (strong && Character.isLetterOrDigit(before) && closes(after)) {
          html.append("</strong>");
        } else {
          return null;
        }
        strong = !strong;
        i++;
      } else if (c == ' ') {
        // No space at the end (commonmark strips it) and no run of them (left as commonmark has
        // them, but not worth proving).
        if (i + 1 >= length || markdown.charAt(i + 1) == ' ') {
          return null;
        }
        html.append(c);
      } else if (Character.isLetterOrDigit(c) || plain(c)) {
        html.append(c);
      } else {
        return null;
      }
    }
    return strong ? null : html.append("</p>\n").toString();
  }

  /** Punctuation with no meaning in Markdown inside a line, and none that HTML escapes. */
  private static boolean plain(char c) {
    return switch (c) {
      case '.', ',', ';', ':', '?', '\'', '(', ')', '/', '%', '-' -> true;
      default -> false;
    };
  }

  /** What may follow a closing {@code **}. */
  private static boolean closes(char c) {
    return switch (c) {
      case ' ', '.', ',', ';', ':', '?', ')' -> true;
      default -> false;
    };
  }
}
