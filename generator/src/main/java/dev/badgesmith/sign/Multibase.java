package dev.badgesmith.sign;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Multibase base58btc ({@code z...}) and the Multikey form of Ed25519 public keys, as Data
 * Integrity proofs and DID documents publish them. Written here: the encoding is a few lines, a
 * library is not.
 */
public final class Multibase {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  /** The multicodec prefix of an Ed25519 public key (0xed, as a varint). */
  private static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};

  private Multibase() {}

  /** {@code z} + base58btc of the bytes. */
  public static String encodeBase58Btc(byte[] bytes) {
    return "z" + base58(bytes);
  }

  /** The bytes of a {@code z...} base58btc multibase string. */
  public static byte[] decodeBase58Btc(String multibase) {
    if (multibase == null || !multibase.startsWith("z")) {
      throw new IllegalArgumentException("not a base58btc multibase value (it starts with 'z')");
    }
    return unbase58(multibase.substring(1));
  }

  /**
   * The Multikey {@code publicKeyMultibase} of a raw 32-byte Ed25519 public key: {@code z6Mk...}.
   */
  public static String ed25519PublicKey(byte[] rawKey) {
    if (rawKey.length != 32) {
      throw new IllegalArgumentException(
          "an Ed25519 public key has 32 bytes, not " + rawKey.length);
    }
    return encodeBase58Btc(Keys.concat(ED25519_PUB, rawKey));
  }

  /** The raw 32 bytes of an Ed25519 Multikey {@code publicKeyMultibase}. */
  public static byte[] decodeEd25519PublicKey(String multibase) {
    byte[] bytes = decodeBase58Btc(multibase);
    if (bytes.length != 34 || bytes[0] != ED25519_PUB[0] || bytes[1] != ED25519_PUB[1]) {
      throw new IllegalArgumentException("not an Ed25519 Multikey (z6Mk...): " + multibase);
    }
    return Arrays.copyOfRange(bytes, 2, 34);
  }

  static String base58(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    BigInteger n = new BigInteger(1, bytes);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1'); // each leading zero byte is a leading '1'
    }
    return out.reverse().toString();
  }

  static byte[] unbase58(String text) {
    BigInteger n = BigInteger.ZERO;
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new IllegalArgumentException("'" + text.charAt(i) + "' is not a base58btc character");
      }
      n = n.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
    int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0; // BigInteger's sign byte
    byte[] out = new byte[zeros + magnitude.length - skip];
    System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
    return out;
  }
}
