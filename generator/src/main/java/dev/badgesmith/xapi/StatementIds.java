package dev.badgesmith.xapi;

import dev.badgesmith.hash.Sha1;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * Statement ids that follow from the award, so every export of the same award names its statements
 * alike and sending them again changes nothing in a learning record store: name-based UUIDs of
 * version 5 (RFC 4122, section 4.3: SHA-1 over the namespace and the name) in the RFC's URL
 * namespace, the name being the URL of the award's hosted assertion. Version 5 rather than the
 * JDK's version 3 because the RFC prefers SHA-1 to MD5 for new names.
 */
final class StatementIds {
  /** The URL namespace of RFC 4122, appendix C. */
  static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

  /** Appended to the assertion URL for the statement voiding the award's. */
  private static final String VOIDING = "#voided";

  private StatementIds() {}

  /** The id of the statement that the recipient earned the award. */
  static UUID earned(String assertionUrl) {
    return nameBased(URL_NAMESPACE, assertionUrl);
  }

  /** The id of the statement voiding {@link #earned}, for a revoked award. */
  static UUID voiding(String assertionUrl) {
    return nameBased(URL_NAMESPACE, assertionUrl + VOIDING);
  }

  /** A version 5 UUID: the first 16 bytes of SHA-1(namespace, name), version and variant set. */
  static UUID nameBased(UUID namespace, String name) {
    MessageDigest sha1 = Sha1.newDigest();
    ByteBuffer space = ByteBuffer.allocate(16);
    space.putLong(namespace.getMostSignificantBits());
    space.putLong(namespace.getLeastSignificantBits());
    sha1.update(space.array());
    sha1.update(name.getBytes(StandardCharsets.UTF_8));
    byte[] hash = sha1.digest();
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bits.getLong(), bits.getLong());
  }
}
