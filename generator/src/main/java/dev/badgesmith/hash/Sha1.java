package dev.badgesmith.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-1, only where another standard names it and no security rests on it: xAPI's {@code
 * mbox_sha1sum} (FOAF's hash of a {@code mailto:} IRI) and name-based UUIDs of version 5 (RFC 4122,
 * section 4.3). Everything Badgesmith chooses itself uses {@link Sha256}.
 */
public final class Sha1 {
  private Sha1() {}

  /** A new digest, for input given in parts. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
  }

  /** The digest of UTF-8 text in lower-case hexadecimal. */
  public static String hex(String text) {
    return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
