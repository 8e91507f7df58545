package dev.badgesmith.bake;

import dev.badgesmith.hash.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    return template(png, version).bake(payload);
  }

  /**
   * {@code png} read once for baking many payloads of one version into it: every award of a badge
   * class is baked into the same design.
   *
   * @throws BakeException when {@code png} is not a well-formed PNG file
   */
  public static Template template(byte[] png, BadgeVersion version) {
    Objects.requireNonNull(png, "png");
    Objects.requireNonNull(version, "version");
    List<PngChunks.Chunk> chunks = PngChunks.read(png);
    byte[] keyword = version.pngKeyword().getBytes(StandardCharsets.ISO_8859_1);
    // What is copied before the payload's chunk (up to IEND) and after it (IEND on).
    ByteArrayOutputStream head = new ByteArrayOutputStream(png.length);
    ByteArrayOutputStream tail = new ByteArrayOutputStream(64);
    head.write(png, 0, PngSignature.LENGTH);
    ByteArrayOutputStream to = head;
    for (PngChunks.Chunk chunk : chunks) {
      if (chunk.type() == PngChunks.IEND) {
        to = tail;
      }
      if (!(PngChunks.isText(chunk) && PngChunks.hasKeyword(png, chunk, keyword))) {
        to.write(png, chunk.offset(), chunk.end() - chunk.offset());
      }
    }
    return new Template(head.toByteArray(), tail.toByteArray(), keyword);
  }

  /** A baked PNG and its SHA-256. */
  public record Baked(byte[] bytes, byte[] sha256) {}

  /** A PNG ready for baking: its chunks before and after the payload's. */
  public static final class Template {
    private final byte[] head;
    private final byte[] tail;
    private final byte[] keyword;

    /**
     * The SHA-256 state after {@link #head}, made on first use and never updated: every PNG baked
     * from the template starts with the same bytes, most of the file, so each file's digest goes on
     * from a copy of it instead of hashing them again.
     */
    private volatile MessageDigest headDigest;

    private Template(byte[] head, byte[] tail, byte[] keyword) {
      this.head = head;
      this.tail = tail;
      this.keyword = keyword;
    }

    /** A copy of the PNG carrying {@code payload}, with its SHA-256. */
    public Baked bakeDigested(String payload) {
      byte[] bytes = bake(payload);
      MessageDigest digest = copy(headState());
      digest.update(bytes, head.length, bytes.length - head.length);
      return new Baked(bytes, digest.digest());
    }

    private MessageDigest headState() {
      MessageDigest state = headDigest;
      if (state == null) {
        state = Sha256.newDigest();
        state.update(head);
        headDigest = state; // two threads may both make it: either is the same state
      }
      return state;
    }

    private static MessageDigest copy(MessageDigest digest) {
      try {
        return (MessageDigest) digest.clone();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("the runtime's SHA-256 is cloneable", e);
      }
    }

    /** A copy of the PNG carrying {@code payload}. */
    public byte[] bake(String payload) {
      Objects.requireNonNull(payload, "payload");
      byte[] text = payload.getBytes(StandardCharsets.UTF_8);
      long size = (long) head.length + 12 + keyword.length + SEPARATORS + text.length + tail.length;
      if (size > Integer.MAX_VALUE - 8) {
        throw new BakeException("the baked PNG would be larger than 2 GiB");
      }
      byte[] out = new byte[(int) size];
      System.arraycopy(head, 0, out, 0, head.length);
      int at = writeItxt(out, head.length, keyword, text);
      System.arraycopy(tail, 0, out, at, tail.length);
      return out;
    }
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
