package dev.badgesmith.images;

import java.util.ArrayList;
import java.util.List;

/**
 * CSS as a browser tokenises it (CSS Syntax Level 3), enough of it to find what loads or refers:
 * comments and whitespace, strings, names, at-keywords, functions and {@code url()} with every
 * escape decoded, and the punctuation that delimits rules and declarations.
 */
final class CssTokens {
  private CssTokens() {}

  enum Kind {
    IDENT,
    FUNCTION,
    AT,
    HASH,
    STRING,
    URL,
    WS,
    COLON,
    SEMICOLON,
    LBRACE,
    RBRACE,
    COMMA,
    DELIM
  }

  record Token(Kind kind, String text) {}

  /** CSS Syntax Level 3 tokens, enough of them to find what loads or refers. */
  static List<Token> tokenize(String css) {
    List<Token> out = new ArrayList<>();
    Cursor c = new Cursor(css);
    while (c.more()) {
      char ch = c.peek(0);
      if (ch == '/' && c.peek(1) == '*') {
        int end = css.indexOf("*/", c.at + 2);
        c.at = end < 0 ? css.length() : end + 2;
        out.add(new Token(Kind.WS, " "));
      } else if (isSpace(ch)) {
        while (c.more() && isSpace(c.peek(0))) {
          c.at++;
        }
        out.add(new Token(Kind.WS, " "));
      } else if (ch == '"' || ch == '\'') {
        c.at++;
        out.add(new Token(Kind.STRING, c.string(ch)));
      } else if (ch == '#' && (isNameChar(c.peek(1)) || c.escapeAt(1))) {
        c.at++;
        out.add(new Token(Kind.HASH, c.name()));
      } else if (ch == '@' && c.startsName(1)) {
        c.at++;
        out.add(new Token(Kind.AT, c.name()));
      } else if (c.startsName(0)) {
        String name = c.name();
        if (c.peek(0) == '(') {
          c.at++;
          out.add(functionOrUrl(name, c));
        } else {
          out.add(new Token(Kind.IDENT, name));
        }
      } else {
        c.at++;
        out.add(
            switch (ch) {
              case ':' -> new Token(Kind.COLON, ":");
              case ';' -> new Token(Kind.SEMICOLON, ";");
              case '{' -> new Token(Kind.LBRACE, "{");
              case '}' -> new Token(Kind.RBRACE, "}");
              case ',' -> new Token(Kind.COMMA, ",");
              default -> new Token(Kind.DELIM, String.valueOf(ch));
            });
      }
    }
    return out;
  }

  /** After {@code name(}: a function, or for {@code url(} without a quote, the URL itself. */
  private static Token functionOrUrl(String name, Cursor c) {
    if (!name.equalsIgnoreCase("url")) {
      return new Token(Kind.FUNCTION, name);
    }
    int start = c.at;
    while (c.more() && isSpace(c.peek(0))) {
      c.at++;
    }
    if (c.peek(0) == '"' || c.peek(0) == '\'') {
      c.at = start;
      return new Token(Kind.FUNCTION, name);
    }
    StringBuilder b = new StringBuilder();
    while (c.more() && c.peek(0) != ')') {
      if (c.peek(0) == '\\' && c.escapeAt(0)) {
        c.at++;
        b.appendCodePoint(c.escape());
      } else {
        b.append(c.peek(0));
        c.at++;
      }
    }
    c.at = Math.min(c.at + 1, c.text.length());
    return new Token(Kind.URL, b.toString().strip());
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  private static boolean isNameStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
  }

  private static boolean isNameChar(char c) {
    return isNameStart(c) || c >= '0' && c <= '9' || c == '-';
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** A position in CSS text, with what reads names, strings and escapes from it. */
  private static final class Cursor {
    final String text;
    int at;

    Cursor(String text) {
      this.text = text;
    }

    boolean more() {
      return at < text.length();
    }

    char peek(int ahead) {
      int i = at + ahead;
      return i < text.length() ? text.charAt(i) : '\0';
    }

    /** A backslash that starts an escape: one not followed by a newline or the end. */
    boolean escapeAt(int ahead) {
      return peek(ahead) == '\\' && at + ahead + 1 < text.length() && peek(ahead + 1) != '\n';
    }

    boolean startsName(int ahead) {
      char c = peek(ahead);
      if (c == '-') {
        return isNameStart(peek(ahead + 1)) || peek(ahead + 1) == '-' || escapeAt(ahead + 1);
      }
      return isNameStart(c) || escapeAt(ahead);
    }

    String name() {
      StringBuilder b = new StringBuilder();
      while (more()) {
        if (isNameChar(peek(0))) {
          b.append(peek(0));
          at++;
        } else if (escapeAt(0)) {
          at++;
          b.appendCodePoint(escape());
        } else {
          break;
        }
      }
      return b.toString();
    }

    /** After the backslash: up to six hex digits and one space, or one character. */
    int escape() {
      if (!more()) {
        return 0xfffd;
      }
      if (!isHex(peek(0))) {
        int cp = text.codePointAt(at);
        at += Character.charCount(cp);
        return cp;
      }
      int start = at;
      while (more() && at - start < 6 && isHex(peek(0))) {
        at++;
      }
      int cp = Integer.parseInt(text.substring(start, at), 16);
      if (more() && isSpace(peek(0))) {
        at++;
      }
      boolean valid = cp != 0 && cp <= Character.MAX_CODE_POINT && (cp < 0xd800 || cp > 0xdfff);
      return valid ? cp : 0xfffd;
    }

    /** After the opening quote: the string's value; a raw newline ends it, as in CSS. */
    String string(char quote) {
      StringBuilder b = new StringBuilder();
      while (more()) {
        char c = peek(0);
        if (c == quote) {
          at++;
          break;
        } else if (c == '\n') {
          break;
        } else if (c == '\\') {
          if (peek(1) == '\n') {
            at += 2;
          } else if (at + 1 >= text.length()) {
            at++;
          } else {
            at++;
            b.appendCodePoint(escape());
          }
        } else {
          b.append(c);
          at++;
        }
      }
      return b.toString();
    }
  }
}
