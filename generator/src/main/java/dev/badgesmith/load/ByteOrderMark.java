package dev.badgesmith.load;

/**
 * The byte order mark (U+FEFF) some editors write before UTF-8 text: it is not part of the text, so
 * every reader of the site's files and inputs drops it.
 */
public final class ByteOrderMark {
  private static final char MARK = '\uFEFF';

  private ByteOrderMark() {}

  /**
   * The first byte of content in UTF-8 bytes, after a byte order mark and white space, or -1 when
   * there is none: enough to tell JSON ('{', '[') from XML ('<') before parsing.
   */
  public static int firstContentByte(byte[] bytes) {
    int i =
        bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
    while (i < bytes.length
        && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
      i++;
    }
    return i < bytes.length ? bytes[i] & 0xFF : -1;
  }

  /** The text without a leading byte order mark. */
  public static String strip(String text) {
    return !text.isEmpty() && text.charAt(0) == MARK ? text.substring(1) : text;
  }
}
