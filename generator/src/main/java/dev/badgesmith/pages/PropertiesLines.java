package dev.badgesmith.pages;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each key of a {@code .properties} text is, for diagnostics: {@link java.util.Properties}
 * reads the values but forgets the lines. Follows its rules: a logical line goes on while a line
 * ends in an odd number of backslashes; {@code #} and {@code !} start comments; a key ends at the
 * first unescaped {@code =}, {@code :} or white space.
 */
final class PropertiesLines {
  /** A key as {@link java.util.Properties} reads it, at its 1-based line and column. */
  record Key(String name, int line, int column) {}

  private PropertiesLines() {}

  static List<Key> keys(String text) {
    List<Key> keys = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    boolean continued = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean wasContinued = continued;
      continued = endsInOddBackslashes(line);
      if (wasContinued) {
        continue;
      }
      int start = 0;
      while (start < line.length() && isBlank(line.charAt(start))) {
        start++;
      }
      if (start == line.length() || line.charAt(start) == '#' || line.charAt(start) == '!') {
        // A comment never continues, whatever it ends with.
        continued = false;
        continue;
      }
      StringBuilder key = new StringBuilder();
      for (int j = start; j < line.length(); j++) {
        char c = line.charAt(j);
        if (c == '\\' && j + 1 < line.length()) {
          key.append(line.charAt(++j));
        } else if (c == '=' || c == ':' || isBlank(c)) {
          break;
        } else {
          key.append(c);
        }
      }
      keys.add(new Key(key.toString(), i + 1, start + 1));
    }
    return keys;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f';
  }

  private static boolean endsInOddBackslashes(String line) {
    int n = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }
}
