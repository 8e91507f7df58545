package dev.badgesmith.sign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.badgesmith.jackson.Jackson;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A public key with its id (the {@code <id>} of {@code keys/<id>.pem}) and algorithm, and the forms
 * it is published in: SPKI PEM (Open Badges 2.0 CryptographicKey), JWK (VC-JWT {@code kid}, DID
 * {@code publicKeyJwk}) and Multikey (Data Integrity, Ed25519 only).
 */
public record PublicKeyInfo(String id, KeyAlgorithm algorithm, PublicKey key) {
  // Published JWK members in this order, so the same key is always the same bytes.
  private static final List<String> JWK_ORDER =
      List.of("kty", "crv", "n", "e", "x", "y", "kid", "alg", "use");
  private static final ObjectMapper MAPPER = Jackson.json();

  public PublicKeyInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(key, "key");
    algorithm.check(key, "public key '" + id + "'");
  }

  /** Reads a SPKI PEM public key ({@code -----BEGIN PUBLIC KEY-----}); detects its algorithm. */
  public static PublicKeyInfo fromPem(String id, String pem) {
    Pem.Block block = Pem.single(pem, "public key '" + id + "'");
    byte[] spki =
        switch (block.label()) {
          case "PUBLIC KEY" -> block.der();
          case "RSA PUBLIC KEY" -> Pem.spkiFromPkcs1(block.der());
          default ->
              throw new KeyException(
                  "public key '"
                      + id
                      + "': a '"
                      + block.label()
                      + "' block is not a public key; give -----BEGIN PUBLIC KEY-----"
                      + (block.label().contains("PRIVATE")
                          ? " (and never publish a private key)"
                          : ""));
        };
    PublicKey key = Keys.publicKey(spki);
    return new PublicKeyInfo(id, KeyAlgorithm.of(key), key);
  }

  /** Reads a SPKI PEM public key and checks that it is of the declared algorithm. */
  public static PublicKeyInfo fromPem(String id, KeyAlgorithm declared, String pem) {
    PublicKeyInfo info = fromPem(id, pem);
    declared.check(info.key(), "public key '" + id + "'");
    return info;
  }

  /**
   * Reads a public JWK ({@code kty} RSA, EC on P-256, or OKP on Ed25519), as a VC-JWT {@code kid}
   * points at; refuses one that holds a private part.
   *
   * @param id the key's id when the JWK has no {@code kid}
   */
  public static PublicKeyInfo fromJwk(String id, String json) {
    JWK jwk;
    try {
      jwk = JWK.parse(json);
    } catch (java.text.ParseException e) {
      throw new KeyException("not a JWK: " + e.getMessage(), e);
    }
    String kid = jwk.getKeyID() != null ? jwk.getKeyID() : id;
    if (jwk.isPrivate()) {
      throw new KeyException("the JWK '" + kid + "' holds a private key; publish only public keys");
    }
    try {
      PublicKey key;
      if (jwk instanceof RSAKey rsa) {
        key = rsa.toRSAPublicKey();
      } else if (jwk instanceof ECKey ec) {
        key = ec.toECPublicKey();
      } else if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
        key = ed25519(kid, okp.getX().decode()).key();
      } else {
        throw new KeyException(
            "the JWK '" + kid + "' is a " + jwk.getKeyType() + " key Badgesmith cannot use");
      }
      return new PublicKeyInfo(kid, KeyAlgorithm.of(key), key);
    } catch (JOSEException e) {
      throw new KeyException("the JWK '" + kid + "' is not a valid key: " + e.getMessage(), e);
    }
  }

  /** An Ed25519 public key from its raw 32 bytes. */
  public static PublicKeyInfo ed25519(String id, byte[] rawKey) {
    if (rawKey.length != 32) {
      throw new KeyException("an Ed25519 public key has 32 bytes, not " + rawKey.length);
    }
    return new PublicKeyInfo(
        id, KeyAlgorithm.Ed25519, Keys.publicKey(Keys.concat(Keys.ED25519_SPKI_PREFIX, rawKey)));
  }

  /**
   * The public JWK: only public members ({@code kty} and {@code n}, {@code e} / {@code crv}, {@code
   * x}, {@code y}), then {@code kid}, {@code alg} and {@code use: "sig"}; never {@code d}.
   */
  public Map<String, Object> toJwk(String kid) {
    Map<String, Object> members = nimbusJwk(kid).toPublicJWK().toJSONObject();
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String name : JWK_ORDER) {
      if (members.containsKey(name)) {
        ordered.put(name, members.get(name));
      }
    }
    return ordered;
  }

  /** {@link #toJwk(String)} as compact JSON. */
  public String toJwkJson(String kid) {
    try {
      return MAPPER.writeValueAsString(toJwk(kid));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JWK of strings always serialises", e);
    }
  }

  /** The RFC 7638 JWK thumbprint (SHA-256, base64url): a short name for the key in messages. */
  public String thumbprint() {
    try {
      return nimbusJwk(null).computeThumbprint().toString();
    } catch (JOSEException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** The raw 32 bytes of an Ed25519 public key. */
  public byte[] rawEd25519() {
    requireEd25519();
    return Keys.rawEd25519(key);
  }

  /** The Multikey {@code publicKeyMultibase} ({@code z6Mk...}) of an Ed25519 key. */
  public String toMultibase() {
    return Multibase.ed25519PublicKey(rawEd25519());
  }

  private void requireEd25519() {
    if (algorithm != KeyAlgorithm.Ed25519) {
      throw new IllegalStateException(
          "key '" + id + "' is " + algorithm + "; only Ed25519 keys have a Multikey form");
    }
  }

  private JWK nimbusJwk(String kid) {
    return switch (algorithm) {
      case RS256 ->
          new RSAKey.Builder((RSAPublicKey) key)
              .keyID(kid)
              .algorithm(JWSAlgorithm.RS256)
              .keyUse(KeyUse.SIGNATURE)
              .build();
      case ES256 ->
          new ECKey.Builder(Curve.P_256, (ECPublicKey) key)
              .keyID(kid)
              .algorithm(JWSAlgorithm.ES256)
              .keyUse(KeyUse.SIGNATURE)
              .build();
      case Ed25519 ->
          new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(rawEd25519()))
              .keyID(kid)
              .algorithm(JWSAlgorithm.EdDSA)
              .keyUse(KeyUse.SIGNATURE)
              .build();
    };
  }
}
