package dev.badgesmith.images;

import dev.badgesmith.bake.PngSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The structure of a PNG: its signature, every chunk and its CRC, IHDR, IEND, and that its pixel
 * data inflates to exactly what IHDR promises (counted, never kept). A PNG larger than {@link
 * ImageLimits#MAX_PIXELS} is refused from its IHDR alone, before anything is inflated, since every
 * renderer and backpack that shows it decodes it whole.
 *
 * <p>Stateless: static methods only.
 */
final class PngCheck {

  private PngCheck() {}

  /** The header of a PNG: its size and pixel format. */
  record Ihdr(long width, long height, int bitDepth, int colourType, int interlace) {
    long pixels() {
      return width * height;
    }
  }

  /**
   * Walks every chunk; returns IHDR when the file is a whole, decodable PNG of at most {@link
   * ImageLimits#MAX_PIXELS}. The size is read from IHDR before any pixel data is inflated.
   *
   * @throws CorruptPng when it is not a whole PNG
   * @throws TooManyPixels when IHDR promises more pixels than the limit
   */
  static Ihdr check(byte[] png) throws CorruptPng, TooManyPixels {
    if (!PngSignature.startsWith(png)) {
      throw new CorruptPng("it does not start with the PNG signature");
    }
    Ihdr ihdr = null;
    boolean palette = false;
    boolean end = false;
    Inflater inflater = new Inflater();
    long inflated = 0;
    long expected = 0;
    byte[] sink = new byte[1 << 16];
    int at = 8;
    try {
      while (!end) {
        if (at + 8 > png.length) {
          throw new CorruptPng("it is truncated (no IEND chunk)");
        }
        long length = readUint(png, at);
        String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
        if (length > png.length - at - 12L) {
          throw new CorruptPng("it is truncated in the " + type + " chunk");
        }
        int data = at + 8;
        int size = (int) length;
        CRC32 crc = new CRC32();
        crc.update(png, at + 4, 4 + size);
        if (crc.getValue() != readUint(png, data + size)) {
          throw new CorruptPng("the CRC of the " + type + " chunk is wrong");
        }
        if (ihdr == null && !type.equals("IHDR")) {
          throw new CorruptPng("its first chunk is " + type + ", not IHDR");
        }
        switch (type) {
          case "IHDR" -> {
            if (ihdr != null) {
              throw new CorruptPng("it has two IHDR chunks");
            }
            ihdr = readIhdr(png, data, size);
            if (ihdr.pixels() > ImageLimits.MAX_PIXELS) {
              throw new TooManyPixels(ihdr);
            }
            expected = rawSize(ihdr);
          }
          case "PLTE" -> palette = true;
          case "IDAT" -> {
            if (ihdr.colourType() == 3 && !palette) {
              throw new CorruptPng("it has no PLTE chunk before its pixel data");
            }
            inflater.setInput(png, data, size);
            inflated += drain(inflater, sink, expected - inflated);
          }
          case "IEND" -> end = true;
          default -> {}
        }
        at = data + size + 4;
      }
      if (expected == 0 || inflated == 0 && !inflater.finished()) {
        throw new CorruptPng("it has no pixel data (IDAT)");
      }
      if (!inflater.finished() || inflated != expected) {
        throw new CorruptPng(
            "its pixel data holds "
                + inflated
                + " bytes where IHDR promises "
                + expected
                + (inflater.finished() ? "" : " (the compressed stream is cut short)"));
      }
      return ihdr;
    } catch (DataFormatException e) {
      throw new CorruptPng("its compressed pixel data is invalid (" + e.getMessage() + ")");
    } finally {
      inflater.end();
    }
  }

  /** Inflates what is available, counting without keeping it; fails past {@code room} bytes. */
  private static long drain(Inflater inflater, byte[] sink, long room)
      throws DataFormatException, CorruptPng {
    long total = 0;
    while (!inflater.finished() && !inflater.needsInput()) {
      int n = inflater.inflate(sink);
      if (n == 0
          && (inflater.needsDictionary() || !inflater.needsInput() && !inflater.finished())) {
        throw new CorruptPng("its compressed pixel data is invalid");
      }
      total += n;
      if (total > room) {
        throw new CorruptPng("its pixel data is larger than IHDR promises");
      }
    }
    return total;
  }

  private static Ihdr readIhdr(byte[] png, int data, int size) throws CorruptPng {
    if (size != 13) {
      throw new CorruptPng("its IHDR chunk has " + size + " bytes, not 13");
    }
    long width = readUint(png, data);
    long height = readUint(png, data + 4);
    int bitDepth = png[data + 8] & 0xff;
    int colourType = png[data + 9] & 0xff;
    int compression = png[data + 10] & 0xff;
    int filter = png[data + 11] & 0xff;
    int interlace = png[data + 12] & 0xff;
    if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw new CorruptPng("its size " + width + " x " + height + " px is invalid");
    }
    boolean depthOk =
        switch (colourType) {
          case 0 -> List.of(1, 2, 4, 8, 16).contains(bitDepth);
          case 3 -> List.of(1, 2, 4, 8).contains(bitDepth);
          case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
          default -> false;
        };
    if (!depthOk || compression != 0 || filter != 0 || interlace > 1) {
      throw new CorruptPng(
          "its IHDR chunk is invalid (colour type "
              + colourType
              + ", bit depth "
              + bitDepth
              + ", compression "
              + compression
              + ", filter "
              + filter
              + ", interlace "
              + interlace
              + ")");
    }
    return new Ihdr(width, height, bitDepth, colourType, interlace);
  }

  /** The size of the filtered scanlines IHDR describes, before compression. */
  private static long rawSize(Ihdr ihdr) {
    int channels =
        switch (ihdr.colourType()) {
          case 2 -> 3;
          case 4 -> 2;
          case 6 -> 4;
          default -> 1;
        };
    long bitsPerPixel = (long) channels * ihdr.bitDepth();
    if (ihdr.interlace() == 0) {
      return scanlines(ihdr.width(), ihdr.height(), bitsPerPixel);
    }
    // Adam7: seven passes, each a small image of its own.
    int[][] passes = {
      {0, 0, 8, 8},
      {4, 0, 8, 8},
      {0, 4, 4, 8},
      {2, 0, 4, 4},
      {0, 2, 2, 4},
      {1, 0, 2, 2},
      {0, 1, 1, 2}
    };
    long total = 0;
    for (int[] p : passes) {
      long w = ihdr.width() > p[0] ? (ihdr.width() - p[0] + p[2] - 1) / p[2] : 0;
      long h = ihdr.height() > p[1] ? (ihdr.height() - p[1] + p[3] - 1) / p[3] : 0;
      if (w > 0 && h > 0) {
        total += scanlines(w, h, bitsPerPixel);
      }
    }
    return total;
  }

  private static long scanlines(long width, long height, long bitsPerPixel) {
    return height * (1 + (width * bitsPerPixel + 7) / 8);
  }

  private static long readUint(byte[] b, int at) {
    return ((b[at] & 0xffL) << 24)
        | ((b[at + 1] & 0xffL) << 16)
        | ((b[at + 2] & 0xffL) << 8)
        | (b[at + 3] & 0xffL);
  }

  /** The file is not a whole PNG; the message says why, as "it is truncated". */
  static final class CorruptPng extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptPng(String message) {
      super(message, null, false, false);
    }
  }

  /** IHDR promises more pixels than {@link ImageLimits#MAX_PIXELS}; nothing was inflated. */
  static final class TooManyPixels extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Ihdr ihdr;

    TooManyPixels(Ihdr ihdr) {
      super(ihdr.width() + " x " + ihdr.height() + " px", null, false, false);
      this.ihdr = ihdr;
    }

    Ihdr ihdr() {
      return ihdr;
    }
  }
}
