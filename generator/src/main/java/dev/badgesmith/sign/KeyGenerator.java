package dev.badgesmith.sign;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** Makes new key pairs, as PEM text: SPKI for the public key, PKCS#8 for the private key. */
public final class KeyGenerator {
  /** RSA keys are made with 3072 bits: NIST's size for use beyond 2030. */
  public static final int RSA_BITS = 3072;

  private KeyGenerator() {}

  /** A new key pair from the platform's strong random source. */
  public static PemKeyPair generate(KeyAlgorithm algorithm) {
    return generate(algorithm, new SecureRandom());
  }

  public static PemKeyPair generate(KeyAlgorithm algorithm, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.jcaKey());
      switch (algorithm) {
        case RS256 ->
            generator.initialize(
                new RSAKeyGenParameterSpec(RSA_BITS, RSAKeyGenParameterSpec.F4), random);
        case ES256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        case Ed25519 -> generator.initialize(255, random);
      }
      KeyPair pair = generator.generateKeyPair();
      return new PemKeyPair(
          algorithm,
          Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()),
          Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK makes " + algorithm + " keys", e);
    }
  }

  /** A new key pair as PEM text. {@link #toString()} hides the private key. */
  public record PemKeyPair(KeyAlgorithm algorithm, String publicKeyPem, String privateKeyPem) {
    @Override
    public String toString() {
      return "PemKeyPair[algorithm=" + algorithm + ", private key hidden]";
    }
  }
}
