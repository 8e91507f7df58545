package dev.badgesmith.ld;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** The reference contexts and examples of {@code ../shared/spec}, and JDK Ed25519 for tests. */
final class LdFixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private LdFixtures() {}

  /** The spec folder; skips the calling test when it is absent. */
  static Path spec() {
    Path spec = TestSites.spec();
    assumeTrue(
        Files.isRegularFile(spec.resolve("w3c/credentials-v2.jsonld")),
        "skipped: the reference contexts are not at " + spec + " (../shared/spec is absent)");
    return spec;
  }

  /** The contexts Badgesmith ships. */
  static ContextStore contexts() {
    return new ContextStore();
  }

  static ObjectNode read(Path file) {
    try {
      return (ObjectNode) JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode resource(String name) {
    return read(TestSites.resources("ld").resolve(name));
  }

  /** SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410), before the 32 raw bytes. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  static PublicKey ed25519PublicKey(byte[] raw) throws GeneralSecurityException {
    byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
    System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
  }

  static byte[] rawPublicKey(PublicKey key) {
    byte[] encoded = key.getEncoded();
    return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
  }

  static boolean verify(byte[] publicKey, byte[] data, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(ed25519PublicKey(publicKey));
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
