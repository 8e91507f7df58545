package dev.badgesmith.write;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The manifest's JSON text, written and compared as bytes. */
final class ManifestText {
  private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

  private ManifestText() {}

  /** Whether {@code bytes} hold the text (in UTF-8) at {@code at}. */
  static boolean startsWith(ByteBuffer bytes, long at, String text) {
    byte[] expected = utf8(text);
    if (at < 0 || at + expected.length > bytes.capacity()) {
      return false;
    }
    byte[] actual = new byte[expected.length];
    bytes.get((int) at, actual, 0, actual.length);
    return Arrays.equals(actual, expected);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static StringBuilder string(StringBuilder json, String value) {
    json.append('"');
    if (plain(value)) {
      json.append(value); // the common case: paths and ids need no escape
    } else {
      ENCODER.quoteAsString(value, json);
    }
    return json.append('"');
  }

  /** Whether a string is printable ASCII without a quote or backslash: JSON as it stands. */
  static boolean plain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** The length in UTF-8 bytes of a string as {@link #string} writes it, without its quotes. */
  static long quotedLength(String value) {
    if (plain(value)) {
      return value.length();
    }
    StringBuilder quoted = new StringBuilder();
    ENCODER.quoteAsString(value, quoted);
    return utf8(quoted.toString()).length;
  }
}
