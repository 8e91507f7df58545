package dev.badgesmith.incremental;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A text in the cache's binary files (the file index, the render state): its UTF-8 length as two
 * bytes, then its bytes, read in place from the file's buffer.
 */
final class ShortText {
  private ShortText() {}

  static String read(ByteBuffer in) {
    int length = Short.toUnsignedInt(in.getShort());
    String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }

  /**
   * @param file what the text is written to, named in the error when it is too long
   */
  static void write(DataOutputStream out, String text, String file) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0xFFFF) {
      throw new IOException("too long for the " + file + ": " + text);
    }
    out.writeShort(bytes.length);
    out.write(bytes);
  }
}
