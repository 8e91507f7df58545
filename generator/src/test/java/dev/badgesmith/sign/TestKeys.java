package dev.badgesmith.sign;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/** Key pairs made once per test run: RSA key generation takes a moment. */
final class TestKeys {
  private static final Map<KeyAlgorithm, KeyGenerator.PemKeyPair> PAIRS =
      new EnumMap<>(KeyAlgorithm.class);

  /** The key pair of the Open Badges 3.0 Data Integrity test vector (linked-data-proof-ob.md). */
  static final byte[] VECTOR_SEED =
      HexFormat.of().parseHex("6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4");

  static final byte[] VECTOR_PUBLIC_KEY =
      HexFormat.of().parseHex("4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5");

  private TestKeys() {}

  static synchronized KeyGenerator.PemKeyPair pair(KeyAlgorithm algorithm) {
    return PAIRS.computeIfAbsent(algorithm, KeyGenerator::generate);
  }

  static SigningKey signing(KeyAlgorithm algorithm) {
    KeyGenerator.PemKeyPair pair = pair(algorithm);
    String id = algorithm.name().toLowerCase(java.util.Locale.ROOT) + "-1";
    return SigningKey.of(
        PublicKeyInfo.fromPem(id, pair.publicKeyPem()), PrivateKeys.fromPem(pair.privateKeyPem()));
  }

  static PublicKeyInfo publicKey(KeyAlgorithm algorithm) {
    return signing(algorithm).publicKeyInfo();
  }

  /** The inner key of a PKCS#8 PrivateKeyInfo: PKCS#1 for RSA, SEC1 for EC. */
  static byte[] unwrapPkcs8(byte[] der) {
    int pos = contentStart(der, 0); // PrivateKeyInfo SEQUENCE
    pos = next(der, pos); // version
    pos = next(der, pos); // AlgorithmIdentifier
    int start = contentStart(der, pos); // privateKey OCTET STRING
    return Arrays.copyOfRange(der, start, next(der, pos));
  }

  private static int contentStart(byte[] der, int pos) {
    int length = der[pos + 1] & 0xff;
    return pos + 2 + (length >= 0x80 ? length & 0x7f : 0);
  }

  private static int next(byte[] der, int pos) {
    int length = der[pos + 1] & 0xff;
    int offset = pos + 2;
    if (length >= 0x80) {
      int bytes = length & 0x7f;
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = (length << 8) | (der[offset++] & 0xff);
      }
    }
    return offset + length;
  }

  /** The test vector's private key, from its 32-byte seed as PKCS#8 wraps it. */
  static java.security.PrivateKey vectorPrivateKey() {
    // The PKCS#8 prefix of every Ed25519 private key; the 32-byte seed follows it.
    byte[] prefix = java.util.HexFormat.of().parseHex("302e020100300506032b657004220420");
    return Keys.privateKey(Keys.concat(prefix, VECTOR_SEED));
  }
}
