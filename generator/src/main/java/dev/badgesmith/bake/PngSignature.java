package dev.badgesmith.bake;

import java.util.Arrays;

/** The eight bytes every PNG file begins with (PNG specification, section 5.2). */
public final class PngSignature {
  private static final byte[] BYTES = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** How many bytes the signature takes. */
  public static final int LENGTH = BYTES.length;

  private PngSignature() {}

  /** Whether the bytes begin with the PNG signature. */
  public static boolean startsWith(byte[] bytes) {
    return bytes.length >= LENGTH && Arrays.equals(bytes, 0, LENGTH, BYTES, 0, LENGTH);
  }
}
