package dev.badgesmith.ld;

import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet ("base58btc"), as multibase prefix {@code z} uses for Data
 * Integrity proof values and Multikey public keys.
 */
public final class Base58 {
  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] INDEXES = new int[128];

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      INDEXES[ALPHABET[i]] = i;
    }
  }

  private Base58() {}

  public static String encode(byte[] input) {
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    byte[] number = Arrays.copyOf(input, input.length);
    // At most 138/100 base58 digits per byte.
    char[] out = new char[input.length * 2];
    int outStart = out.length;
    int start = zeros;
    while (start < number.length) {
      out[--outStart] = ALPHABET[divmod(number, start, 256, 58)];
      if (number[start] == 0) {
        start++;
      }
    }
    while (outStart < out.length && out[outStart] == ALPHABET[0]) {
      outStart++;
    }
    while (zeros-- > 0) {
      out[--outStart] = ALPHABET[0];
    }
    return new String(out, outStart, out.length - outStart);
  }

  /** Decodes base58btc text; throws {@link IllegalArgumentException} on a character not in it. */
  public static byte[] decode(String input) {
    if (input.isEmpty()) {
      return new byte[0];
    }
    byte[] digits = new byte[input.length()];
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      int digit = c < 128 ? INDEXES[c] : -1;
      if (digit < 0) {
        throw new IllegalArgumentException(
            "not base58btc: character '" + c + "' at position " + i + " of '" + input + "'");
      }
      digits[i] = (byte) digit;
    }
    int zeros = 0;
    while (zeros < digits.length && digits[zeros] == 0) {
      zeros++;
    }
    byte[] out = new byte[input.length()];
    int outStart = out.length;
    int start = zeros;
    while (start < digits.length) {
      out[--outStart] = divmod(digits, start, 58, 256);
      if (digits[start] == 0) {
        start++;
      }
    }
    while (outStart < out.length && out[outStart] == 0) {
      outStart++;
    }
    return Arrays.copyOfRange(out, outStart - zeros, out.length);
  }

  /** Divides the number held in {@code number[start..]} (digits in base {@code base}) in place. */
  private static byte divmod(byte[] number, int start, int base, int divisor) {
    int remainder = 0;
    for (int i = start; i < number.length; i++) {
      int digit = number[i] & 0xFF;
      int temp = remainder * base + digit;
      number[i] = (byte) (temp / divisor);
      remainder = temp % divisor;
    }
    return (byte) remainder;
  }
}
