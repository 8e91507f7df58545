package dev.badgesmith.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the digest Badgesmith uses for everything but xAPI's mbox_sha1sum (hash.Sha1): file
 * hashes in the manifest, identity hashes, cache keys, fingerprints, Data Integrity's hashes. Text
 * is always hashed as UTF-8.
 */
public final class Sha256 {
  private Sha256() {}

  /** A new digest, for input given in parts. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public static byte[] of(byte[] bytes) {
    return newDigest().digest(bytes);
  }

  public static byte[] of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The digest in lower-case hexadecimal. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(of(bytes));
  }

  public static String hex(String text) {
    return HexFormat.of().formatHex(of(text));
  }
}
