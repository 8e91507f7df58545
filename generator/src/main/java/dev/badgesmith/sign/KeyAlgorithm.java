package dev.badgesmith.sign;

import java.math.BigInteger;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;

/** The signature algorithms Badgesmith signs with. */
public enum KeyAlgorithm {
  /**
   * RSASSA-PKCS1-v1_5 with SHA-256 over an RSA key of 2048 bits or more: deterministic, so the same
   * commit builds the same bytes, and the one algorithm every Open Badges verifier accepts. The
   * default.
   */
  RS256("RS256", "SHA256withRSA"),
  /**
   * ECDSA with SHA-256 on P-256. Each signature is randomised (a fresh nonce per signature), so a
   * rebuild changes the signature bytes though every one verifies.
   */
  ES256("ES256", "SHA256withECDSA"),
  /** EdDSA on Ed25519: deterministic; used for Data Integrity proofs, not for JWS. */
  Ed25519("EdDSA", "Ed25519");

  static final int MIN_RSA_BITS = 2048;

  // The order of the P-256 base point identifies the curve without depending on provider names.
  private static final BigInteger P256_ORDER =
      new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

  private final String jwsName;
  private final String jcaSignature;

  KeyAlgorithm(String jwsName, String jcaSignature) {
    this.jwsName = jwsName;
    this.jcaSignature = jcaSignature;
  }

  /** The JOSE {@code alg} name: {@code RS256}, {@code ES256} or {@code EdDSA}. */
  public String jwsName() {
    return jwsName;
  }

  /** The JCA name of the signature algorithm. */
  String jcaSignature() {
    return jcaSignature;
  }

  /** The JCA name of the key algorithm, for {@code KeyFactory} and {@code KeyPairGenerator}. */
  String jcaKey() {
    return switch (this) {
      case RS256 -> "RSA";
      case ES256 -> "EC";
      case Ed25519 -> "Ed25519";
    };
  }

  /** Whether this algorithm can sign a JWS that Open Badges verifiers accept. */
  public boolean signsJws() {
    return this != Ed25519;
  }

  /** Parses {@code RS256}, {@code ES256}, {@code Ed25519} (or {@code EdDSA}), in any case. */
  public static KeyAlgorithm parse(String name) {
    for (KeyAlgorithm algorithm : values()) {
      if (algorithm.name().equalsIgnoreCase(name) || algorithm.jwsName.equalsIgnoreCase(name)) {
        return algorithm;
      }
    }
    throw new KeyException("unknown key algorithm '" + name + "': use RS256, ES256 or Ed25519");
  }

  /** The algorithm a key is for; rejects RSA keys under 2048 bits and curves other than P-256. */
  public static KeyAlgorithm of(Key key) {
    if (key instanceof RSAKey rsa) {
      int bits = rsa.getModulus().bitLength();
      if (bits < MIN_RSA_BITS) {
        throw new KeyException(
            "the RSA key has " + bits + " bits; RS256 needs at least " + MIN_RSA_BITS);
      }
      return RS256;
    }
    if (key instanceof ECKey ec) {
      ECParameterSpec params = ec.getParams();
      if (params.getCurve().getField().getFieldSize() != 256
          || !params.getOrder().equals(P256_ORDER)) {
        throw new KeyException("the EC key is not on the P-256 curve, the only one ES256 allows");
      }
      return ES256;
    }
    if (key instanceof EdECKey ed && ed.getParams().getName().equalsIgnoreCase("Ed25519")) {
      return Ed25519;
    }
    throw new KeyException(
        "a "
            + key.getAlgorithm()
            + " key is not supported: use an RSA (2048 bits or more), P-256 or Ed25519 key");
  }

  /** Checks that a key is of this algorithm. */
  void check(Key key, String what) {
    KeyAlgorithm actual = of(key);
    if (actual != this) {
      throw new KeyException(what + " is an " + actual + " key, but " + this + " was declared");
    }
  }
}
