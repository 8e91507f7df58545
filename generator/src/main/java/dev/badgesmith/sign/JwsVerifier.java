package dev.badgesmith.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import dev.badgesmith.jackson.Jackson;
import java.io.IOException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

/**
 * Verifies what {@link CredentialSigner} signs: an Open Badges 2.0 compact JWS, and an Open Badges
 * 3.0 VC-JWT with its claims checked against the credential. Time is not checked here ({@code nbf},
 * {@code exp}): that needs a clock, which the caller owns.
 */
public final class JwsVerifier {
  /**
   * The only header members a VC-JWT may have (OB 3.0: "additional JOSE headers are not allowed").
   */
  private static final Set<String> VC_JWT_HEADERS = Set.of("alg", "kid", "jwk", "typ");

  private static final ObjectMapper MAPPER = Jackson.json();

  private JwsVerifier() {}

  /**
   * Checks a compact JWS against a public key and returns its payload.
   *
   * @throws VerificationException when it is malformed, names another algorithm than the key's, or
   *     its signature does not verify
   */
  public static byte[] verifyCompactJws(String jws, PublicKeyInfo key)
      throws VerificationException {
    return verified(jws, key).getPayload().toBytes();
  }

  /**
   * Checks a VC-JWT against a public key and returns its payload, the credential with its claims.
   * Beyond the signature: only {@code alg}, {@code kid}, {@code jwk} and {@code typ} headers, a
   * {@code typ} of {@code JWT} if any, and {@code iss}, {@code jti}, {@code sub}, {@code nbf} and
   * {@code exp} equal to the credential's fields.
   */
  public static ObjectNode verifyVcJwt(String jwt, PublicKeyInfo key) throws VerificationException {
    JWSObject jws = verified(jwt, key);
    Map<String, Object> header = jws.getHeader().toJSONObject();
    for (String name : header.keySet()) {
      if (!VC_JWT_HEADERS.contains(name)) {
        throw new VerificationException(
            "the VC-JWT header has '" + name + "'; only alg, kid, jwk and typ are allowed");
      }
    }
    if (header.containsKey("typ") && !"JWT".equals(header.get("typ"))) {
      throw new VerificationException(
          "the VC-JWT header has typ '" + header.get("typ") + "'; it must be JWT");
    }
    ObjectNode payload = payloadObject(jws.getPayload().toBytes());
    Map<String, JsonNode> expected;
    try {
      expected = VcJwtClaims.claims(payload);
    } catch (IllegalArgumentException e) {
      throw new VerificationException(e.getMessage());
    }
    for (String claim : VcJwtClaims.NAMES) {
      JsonNode actual = payload.get(claim);
      JsonNode wanted = expected.get(claim);
      boolean same =
          wanted == null
              ? actual == null
              : actual != null
                  && (wanted.isNumber()
                      ? actual.isIntegralNumber() && actual.asLong() == wanted.asLong()
                      : wanted.equals(actual));
      if (!same) {
        throw new VerificationException(
            "the VC-JWT claim "
                + claim
                + " is "
                + (actual == null ? "missing" : actual.toString())
                + " but the credential says "
                + (wanted == null ? "nothing" : wanted.toString()));
      }
    }
    return payload;
  }

  private static JWSObject verified(String compact, PublicKeyInfo key)
      throws VerificationException {
    JWSObject jws;
    try {
      jws = JWSObject.parse(compact.strip());
    } catch (ParseException e) {
      throw new VerificationException("not a compact JWS: " + e.getMessage());
    }
    String alg = jws.getHeader().getAlgorithm().getName();
    if (!key.algorithm().signsJws()) {
      throw new VerificationException(
          "key '" + key.id() + "' is Ed25519, which Badgesmith does not use for JWS");
    }
    if (!alg.equals(key.algorithm().jwsName())) {
      throw new VerificationException(
          "the JWS is signed with "
              + alg
              + ", but key '"
              + key.id()
              + "' is an "
              + key.algorithm()
              + " key");
    }
    try {
      if (!jws.verify(verifier(key))) {
        throw new VerificationException(
            "the signature does not match: the JWS was changed, or not signed with key '"
                + key.id()
                + "'");
      }
    } catch (JOSEException e) {
      throw new VerificationException("the JWS cannot be verified: " + e.getMessage());
    }
    return jws;
  }

  private static JWSVerifier verifier(PublicKeyInfo key) throws JOSEException {
    return switch (key.algorithm()) {
      case RS256 -> new RSASSAVerifier((RSAPublicKey) key.key());
      case ES256 -> new ECDSAVerifier((ECPublicKey) key.key());
      case Ed25519 -> throw new IllegalStateException("checked before");
    };
  }

  private static ObjectNode payloadObject(byte[] payload) throws VerificationException {
    try {
      JsonNode node = MAPPER.readTree(payload);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new VerificationException("the JWT payload is not a JSON object");
  }
}
