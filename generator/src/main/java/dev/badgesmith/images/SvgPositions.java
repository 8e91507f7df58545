package dev.badgesmith.images;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each start tag, the DOCTYPE and each processing instruction begin, found lexically: the
 * parser has read the same text and reports what is malformed.
 */
final class SvgPositions {
  private int[] tagLine = new int[64];
  private int[] tagColumn = new int[64];
  private int tags;
  private int doctypeLine;
  private int doctypeColumn;
  private final List<String> instructionTargets = new ArrayList<>();
  private final List<int[]> instructionAt = new ArrayList<>();

  private final String text;
  private int cursor;
  private int line = 1;
  private int column = 1;

  private SvgPositions(String text) {
    this.text = text;
  }

  static SvgPositions scan(String text) {
    SvgPositions p = new SvgPositions(text);
    p.scan();
    return p;
  }

  /** How many start tags there are. */
  int tags() {
    return tags;
  }

  /** The 1-based line of the start tag of the element at {@code index}, in document order. */
  int tagLine(int index) {
    return tagLine[index];
  }

  /** The 1-based column of the start tag of the element at {@code index}, in document order. */
  int tagColumn(int index) {
    return tagColumn[index];
  }

  /** The line of the DOCTYPE, 0 when there is none. */
  int doctypeLine() {
    return doctypeLine;
  }

  int doctypeColumn() {
    return doctypeColumn;
  }

  /** The line, column and index of the next instruction named {@code target} from {@code from}. */
  int[] instruction(String target, int from) {
    for (int i = from; i < instructionTargets.size(); i++) {
      if (instructionTargets.get(i).equals(target)) {
        int[] at = instructionAt.get(i);
        return new int[] {at[0], at[1], i};
      }
    }
    return new int[] {0, 0, from - 1};
  }

  private void scan() {
    int n = text.length();
    int i = 0;
    while (i < n) {
      int lt = text.indexOf('<', i);
      if (lt < 0) {
        return;
      }
      if (text.startsWith("<!--", lt)) {
        i = after(lt + 4, "-->");
      } else if (text.startsWith("<![CDATA[", lt)) {
        i = after(lt + 9, "]]>");
      } else if (text.startsWith("<?", lt)) {
        moveTo(lt);
        int end = lt + 2;
        while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '?') {
          end++;
        }
        instructionTargets.add(text.substring(lt + 2, end));
        instructionAt.add(new int[] {line, column});
        i = after(lt + 2, "?>");
      } else if (text.startsWith("<!", lt)) {
        if (text.startsWith("<!DOCTYPE", lt)) {
          moveTo(lt);
          doctypeLine = line;
          doctypeColumn = column;
        }
        i = afterDeclaration(lt + 2);
      } else if (text.startsWith("</", lt)) {
        i = after(lt + 2, ">");
      } else {
        moveTo(lt);
        if (tags == tagLine.length) {
          tagLine = Arrays.copyOf(tagLine, tags * 2);
          tagColumn = Arrays.copyOf(tagColumn, tags * 2);
        }
        tagLine[tags] = line;
        tagColumn[tags] = column;
        tags++;
        i = afterTag(lt + 1);
      }
    }
  }

  /** Moves the line and column to {@code index}: newlines as XML counts them, code points. */
  private void moveTo(int index) {
    for (; cursor < index; cursor++) {
      char c = text.charAt(cursor);
      if (c == '\n'
          || c == '\r' && (cursor + 1 >= text.length() || text.charAt(cursor + 1) != '\n')) {
        line++;
        column = 1;
      } else if (c != '\r' && !Character.isLowSurrogate(c)) {
        column++;
      }
    }
  }

  private int after(int from, String end) {
    int at = text.indexOf(end, from);
    return at < 0 ? text.length() : at + end.length();
  }

  /** Just past a start tag, skipping quoted attribute values (which may hold '>'). */
  private int afterTag(int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
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
    return text.length();
  }

  /** Just past a {@code <!DOCTYPE ...>}: quoted strings, an internal subset and its comments. */
  private int afterDeclaration(int from) {
    char quote = 0;
    int brackets = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (brackets > 0 && text.startsWith("<!--", i)) {
        i = after(i + 4, "-->") - 1;
      } else if (brackets > 0 && text.startsWith("<?", i)) {
        i = after(i + 2, "?>") - 1;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        brackets++;
      } else if (c == ']') {
        brackets--;
      } else if (c == '>' && brackets <= 0) {
        return i + 1;
      }
    }
    return text.length();
  }
}
