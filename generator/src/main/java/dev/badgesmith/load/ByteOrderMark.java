package dev.badgesmith.load;

/**
 * The byte order mark (U+FEFF) some editors write before UTF-8 text: it is not part of the text, so
 * every reader of the site's files and inputs drops it.
 */
public final class ByteOrderMark {
  private static final char MARK = '\uFEFF';

  private ByteOrderMark() {}

  /** The text without a leading byte order mark. */
  public static String strip(String text) {
    return !text.isEmpty() && text.charAt(0) == MARK ? text.substring(1) : text;
  }
}
