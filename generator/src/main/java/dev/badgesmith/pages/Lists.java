package dev.badgesmith.pages;

import java.util.List;

/** A list in words: "A, B and C", "A, B or C", as the pages' language joins one. */
final class Lists {
  private Lists() {}

  static String and(List<String> parts, Messages words) {
    return join(parts, "list.and", words);
  }

  static String or(List<String> parts, Messages words) {
    return join(parts, "list.or", words);
  }

  /**
   * Every part but the last joined by {@code list.separator}, then the last by the key's pattern.
   */
  private static String join(List<String> parts, String last, Messages words) {
    if (parts.size() < 2) {
      return String.join("", parts);
    }
    String head = String.join(words.text("list.separator"), parts.subList(0, parts.size() - 1));
    return words.text(last, head, parts.get(parts.size() - 1));
  }
}
