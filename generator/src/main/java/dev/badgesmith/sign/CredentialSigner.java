package dev.badgesmith.sign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.subtle.Ed25519Verify;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import dev.badgesmith.jackson.Jackson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.text.ParseException;
import java.util.function.Function;

/**
 * Signs Open Badges: OB 2.0 signed assertions (compact JWS), OB 3.0 VC-JWTs, and raw Ed25519 for
 * Data Integrity proofs. RS256 and Ed25519 signatures are deterministic (same key and bytes, same
 * signature); ES256 signatures are randomised by design, so the build defaults to RS256.
 *
 * <p>The header is written here, byte for byte, rather than by the JOSE library, so its members and
 * their order are exactly what the Open Badges rules ask for.
 */
public final class CredentialSigner {
  private static final ObjectMapper MAPPER = Jackson.json();

  private CredentialSigner() {}

  /**
   * An Open Badges 2.0 signed assertion: a compact JWS with header exactly {@code {"alg":"RS256"}}
   * (or ES256) over the given bytes, which are the assertion JSON.
   */
  public static String signCompactJws(SigningKey key, byte[] payload) {
    ObjectNode header = MAPPER.createObjectNode().put("alg", jwsAlgorithm(key));
    return sign(key, header, payload);
  }

  /**
   * An Open Badges 3.0 VC-JWT. Header exactly {@code {"alg":...,"kid":...,"typ":"JWT"}}; payload
   * the credential, in its own key order, then {@code iss} = issuer id, {@code jti} = credential
   * id, {@code sub} = credentialSubject.id when there is one, {@code nbf} = validFrom, {@code exp}
   * = validUntil when there is one, and {@code iat}, when it was signed (all in seconds since the
   * epoch).
   *
   * @param kid the URL of the public JWK (or a DID URL) verifiers fetch to check the signature
   * @param issuedAt when it is signed: what verifiers check the key's validity period against
   * @throws IllegalArgumentException when the credential lacks id, issuer or validFrom, or a date
   *     is not a date-time with an offset in whole seconds
   */
  public static String signVcJwt(SigningKey key, String kid, ObjectNode credential, long issuedAt) {
    if (kid == null || kid.isBlank()) {
      throw new IllegalArgumentException("a VC-JWT needs a kid: the URL of the public key");
    }
    ObjectNode header =
        MAPPER.createObjectNode().put("alg", jwsAlgorithm(key)).put("kid", kid).put("typ", "JWT");
    return sign(key, header, bytes(VcJwtClaims.payload(credential, issuedAt)));
  }

  /** Whether the signature is a valid Ed25519 signature of the data under the public key. */
  public static boolean verifyEd25519(PublicKey key, byte[] data, byte[] signature) {
    KeyAlgorithm.Ed25519.check(key, "the key");
    try {
      new Ed25519Verify(Keys.rawEd25519(key)).verify(signature, data);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Signing with one Ed25519 key as a function, for code that signs without knowing about keys
   * (Data Integrity proofs). Safe to share between threads.
   */
  public static Function<byte[], byte[]> ed25519Signer(SigningKey key) {
    if (key.algorithm() != KeyAlgorithm.Ed25519) {
      throw new IllegalArgumentException(
          "key '" + key.id() + "' is " + key.algorithm() + ", not Ed25519");
    }
    return new Ed25519Signer(key);
  }

  private static String jwsAlgorithm(SigningKey key) {
    if (!key.algorithm().signsJws()) {
      throw new IllegalArgumentException(
          "key '"
              + key.id()
              + "' is Ed25519, which signs Data Integrity proofs only; sign JWS with RS256 or ES256");
    }
    return key.algorithm().jwsName();
  }

  private static String sign(SigningKey key, ObjectNode header, byte[] payload) {
    Base64URL encodedHeader = Base64URL.encode(bytes(header));
    String signingInput = encodedHeader + "." + Base64URL.encode(payload);
    try {
      Base64URL signature =
          signer(key)
              .sign(
                  JWSHeader.parse(encodedHeader), signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + signature;
    } catch (JOSEException | ParseException e) {
      throw new KeyException("cannot sign with key '" + key.id() + "': " + e.getMessage(), e);
    }
  }

  private static JWSSigner signer(SigningKey key) throws JOSEException {
    return switch (key.algorithm()) {
      case RS256 -> new RSASSASigner(key.privateKey());
      case ES256 -> new ECDSASigner((ECPrivateKey) key.privateKey());
      case Ed25519 -> throw new IllegalStateException("checked by jwsAlgorithm");
    };
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
