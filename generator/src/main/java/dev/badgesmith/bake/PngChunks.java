package dev.badgesmith.bake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** Splits a PNG file into chunks, checking its structure and every CRC; reads no pixels. */
final class PngChunks {
  static final int IHDR = type("IHDR");
  static final int IEND = type("IEND");
  static final int ITXT = type("iTXt");
  static final int ZTXT = type("zTXt");
  static final int TEXT = type("tEXt");

  /**
   * One chunk.
   *
   * @param offset where its length field starts
   * @param length the length of its data
   * @param type its four type bytes, big-endian
   */
  record Chunk(int offset, int length, int type) {
    int dataOffset() {
      return offset + 8;
    }

    /** Just past its CRC. */
    int end() {
      return offset + 12 + length;
    }

    String name() {
      return PngChunks.name(type);
    }
  }

  private PngChunks() {}

  static boolean isPng(byte[] file) {
    return PngSignature.startsWith(file);
  }

  /** The chunks from IHDR to IEND, in file order. */
  static List<Chunk> read(byte[] png) {
    if (!isPng(png)) {
      throw new BakeException("not a PNG file (no PNG signature)");
    }
    List<Chunk> chunks = new ArrayList<>();
    CRC32 crc = new CRC32();
    int pos = PngSignature.LENGTH;
    while (true) {
      if (pos == png.length) {
        throw new BakeException("the file ends without an IEND chunk");
      }
      if (png.length - pos < 8) {
        throw new BakeException("the file ends inside the chunk header at byte " + pos);
      }
      int length = readInt(png, pos);
      int type = readInt(png, pos + 4);
      if (!validType(type)) {
        throw new BakeException("the chunk at byte " + pos + " has an invalid type");
      }
      Chunk chunk = new Chunk(pos, length, type);
      if (length < 0) {
        throw new BakeException(
            "chunk " + chunk.name() + " at byte " + pos + " declares an impossible length");
      }
      if (length > png.length - pos - 12) {
        throw new BakeException("the file ends inside chunk " + chunk.name() + " at byte " + pos);
      }
      crc.reset();
      crc.update(png, pos + 4, length + 4);
      if ((int) crc.getValue() != readInt(png, pos + 8 + length)) {
        throw new BakeException("chunk " + chunk.name() + " at byte " + pos + " has a bad CRC");
      }
      if (chunks.isEmpty() && (type != IHDR || length != 13)) {
        throw new BakeException(
            "the first chunk is "
                + chunk.name()
                + " of "
                + length
                + " bytes, not the 13-byte IHDR chunk");
      }
      chunks.add(chunk);
      pos = chunk.end();
      if (type == IEND) {
        if (pos != png.length) {
          throw new BakeException((png.length - pos) + " bytes follow the IEND chunk");
        }
        return chunks;
      }
    }
  }

  /** Whether a text chunk's data starts with this keyword and its null separator. */
  static boolean hasKeyword(byte[] png, Chunk chunk, byte[] keyword) {
    if (chunk.length() <= keyword.length || png[chunk.dataOffset() + keyword.length] != 0) {
      return false;
    }
    for (int i = 0; i < keyword.length; i++) {
      if (png[chunk.dataOffset() + i] != keyword[i]) {
        return false;
      }
    }
    return true;
  }

  static boolean isText(Chunk chunk) {
    return chunk.type() == ITXT || chunk.type() == ZTXT || chunk.type() == TEXT;
  }

  static int readInt(byte[] b, int at) {
    return (b[at] & 0xff) << 24
        | (b[at + 1] & 0xff) << 16
        | (b[at + 2] & 0xff) << 8
        | b[at + 3] & 0xff;
  }

  static void writeInt(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 24);
    b[at + 1] = (byte) (value >>> 16);
    b[at + 2] = (byte) (value >>> 8);
    b[at + 3] = (byte) value;
  }

  static String name(int type) {
    byte[] b = new byte[4];
    writeInt(b, 0, type);
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  private static int type(String name) {
    return readInt(name.getBytes(StandardCharsets.ISO_8859_1), 0);
  }

  private static boolean validType(int type) {
    for (int shift = 24; shift >= 0; shift -= 8) {
      int c = (type >>> shift) & 0xff;
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }
}
