package dev.badgesmith.sign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;

/** Decoding keys with the JDK's own key factories, whatever their algorithm. */
final class Keys {
  private static final List<String> FACTORIES = List.of("RSA", "EC", "Ed25519");

  /** The SubjectPublicKeyInfo prefix of every Ed25519 key; the raw 32 bytes follow it. */
  static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private Keys() {}

  static PublicKey publicKey(byte[] spki) {
    for (String algorithm : FACTORIES) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        // not this algorithm: try the next
      }
    }
    throw new KeyException("the public key is not an RSA, EC or Ed25519 key the JDK can read");
  }

  static PrivateKey privateKey(byte[] pkcs8) {
    for (String algorithm : FACTORIES) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        // not this algorithm: try the next
      }
    }
    throw new KeyException("the private key is not an RSA, EC or Ed25519 key the JDK can read");
  }

  static byte[] sign(KeyAlgorithm algorithm, PrivateKey key, byte[] data) {
    try {
      Signature signature = Signature.getInstance(algorithm.jcaSignature());
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new KeyException("cannot sign with the " + algorithm + " key: " + e.getMessage(), e);
    }
  }

  /**
   * Whether the keys are one pair. RSA and Ed25519 keys are compared (the modulus; the public key
   * derived from the seed); an EC key signs the probe and its public key verifies it. Comparing
   * spares a cold process an RSA signature (tens of milliseconds before it is compiled).
   */
  static boolean pair(KeyAlgorithm algorithm, PrivateKey key, PublicKey publicKey, byte[] probe) {
    if (key instanceof java.security.interfaces.RSAPrivateCrtKey rsa
        && publicKey instanceof java.security.interfaces.RSAPublicKey rsaPublic) {
      return rsa.getModulus().equals(rsaPublic.getModulus())
          && rsa.getPublicExponent().equals(rsaPublic.getPublicExponent());
    }
    if (algorithm == KeyAlgorithm.Ed25519
        && java.security.MessageDigest.isEqual(
            ed25519PublicFromSeed(ed25519Seed(key)), rawEd25519(publicKey))) {
      return true; // else the probe decides, whatever made the derived key differ
    }
    return verify(algorithm, publicKey, probe, sign(algorithm, key, probe));
  }

  /**
   * The raw public key of an Ed25519 seed, derived by the JDK: its key pair generator reads the
   * seed from the random source it is given. One scalar multiplication, where Tink's derivation
   * first computes its tables (tens of milliseconds in a fresh process).
   */
  static byte[] ed25519PublicFromSeed(byte[] seed) {
    try {
      java.security.KeyPairGenerator generator =
          java.security.KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(java.security.spec.NamedParameterSpec.ED25519, new SeedSource(seed));
      return rawEd25519(generator.generateKeyPair().getPublic());
    } catch (GeneralSecurityException | RuntimeException e) {
      return new byte[0]; // matches no key: the caller's probe decides
    }
  }

  /** A "random" source that gives one seed: what the key pair generator derives a pair from. */
  private static final class SeedSource extends java.security.SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient byte[] seed;

    SeedSource(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("the generator asked for another length than a seed's");
      }
      System.arraycopy(seed, 0, bytes, 0, bytes.length);
    }
  }

  static boolean verify(KeyAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(algorithm.jcaSignature());
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (java.security.SignatureException e) {
      return false; // a malformed signature is a bad signature
    } catch (GeneralSecurityException e) {
      throw new KeyException("cannot verify with the " + algorithm + " key: " + e.getMessage(), e);
    }
  }

  /** The raw 32 bytes of an Ed25519 public key: the end of its SubjectPublicKeyInfo. */
  static byte[] rawEd25519(PublicKey key) {
    byte[] spki = key.getEncoded();
    return java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
  }

  /** The 32-byte seed of an Ed25519 private key. */
  static byte[] ed25519Seed(PrivateKey key) {
    return ((java.security.interfaces.EdECPrivateKey) key)
        .getBytes()
        .orElseThrow(() -> new KeyException("the Ed25519 private key does not reveal its seed"));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
