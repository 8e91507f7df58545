package dev.badgesmith.bake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Bakes a payload into a PNG as one uncompressed {@code iTXt} chunk just before {@code IEND}.
 *
 * <p>Every other chunk is copied byte for byte: pixels, colour profiles and compression stay as the
 * designer made them. Text chunks ({@code iTXt}, {@code zTXt}, {@code tEXt}) with the same keyword
 * are removed, so re-baking replaces the payload and a file holds exactly one per version; a chunk
 * of the other version stays, so a file may carry both.
 */
public final class PngBaker {
  /** keyword, then null, compression flag 0, method 0, empty language tag and translated one. */
  private static final int SEPARATORS = 5;

  private PngBaker() {}

  /**
   * Returns a copy of {@code png} carrying {@code payload}.
   *
   * @throws BakeException when {@code png} is not a well-formed PNG file
   */
  public static byte[] bake(byte[] png, BadgeVersion version, String payload) {
    Objects.requireNonNull(png, "png");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(payload, "payload");
    List<PngChunks.Chunk> chunks = PngChunks.read(png);
    byte[] keyword = version.pngKeyword().getBytes(StandardCharsets.ISO_8859_1);
    byte[] text = payload.getBytes(StandardCharsets.UTF_8);

    long dataLength = (long) keyword.length + SEPARATORS + text.length;
    long size = (long) png.length + 12 + dataLength;
    boolean[] drop = new boolean[chunks.size()];
    for (int i = 0; i < chunks.size(); i++) {
      PngChunks.Chunk chunk = chunks.get(i);
      if (PngChunks.isText(chunk) && PngChunks.hasKeyword(png, chunk, keyword)) {
        drop[i] = true;
        size -= chunk.end() - chunk.offset();
      }
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new BakeException("the baked PNG would be larger than 2 GiB");
    }

    byte[] out = new byte[(int) size];
    System.arraycopy(png, 0, out, 0, PngSignature.LENGTH);
    int at = PngSignature.LENGTH;
    for (int i = 0; i < chunks.size(); i++) {
      PngChunks.Chunk chunk = chunks.get(i);
      if (chunk.type() == PngChunks.IEND) {
        at = writeItxt(out, at, keyword, text);
      }
      if (!drop[i]) {
        int length = chunk.end() - chunk.offset();
        System.arraycopy(png, chunk.offset(), out, at, length);
        at += length;
      }
    }
    return out;
  }

  private static int writeItxt(byte[] out, int at, byte[] keyword, byte[] text) {
    int length = keyword.length + SEPARATORS + text.length;
    PngChunks.writeInt(out, at, length);
    PngChunks.writeInt(out, at + 4, PngChunks.ITXT);
    System.arraycopy(keyword, 0, out, at + 8, keyword.length);
    // The five separator bytes are already zero in a new array.
    System.arraycopy(text, 0, out, at + 8 + keyword.length + SEPARATORS, text.length);
    CRC32 crc = new CRC32();
    crc.update(out, at + 4, length + 4);
    PngChunks.writeInt(out, at + 8 + length, (int) crc.getValue());
    return at + 12 + length;
  }
}
