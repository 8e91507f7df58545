package dev.badgesmith.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registered JWT claims of a VC-JWT, derived from the credential (OB 3.0 §8.2). */
final class VcJwtClaims {
  /** The claims that repeat the credential's fields; {@code iat} says when it was signed. */
  static final List<String> NAMES = List.of("iss", "jti", "sub", "nbf", "exp");

  private VcJwtClaims() {}

  /**
   * The credential, then its claims (any claim it already had moves to the end), {@code iat} last.
   */
  static ObjectNode payload(ObjectNode credential, long issuedAt) {
    ObjectNode payload = credential.deepCopy();
    Map<String, JsonNode> claims = claims(credential);
    NAMES.forEach(payload::remove);
    payload.remove("iat");
    claims.forEach(payload::set);
    payload.put("iat", issuedAt);
    return payload;
  }

  /** The claims the credential's fields call for, in the order {@link #NAMES}. */
  static Map<String, JsonNode> claims(ObjectNode credential) {
    Map<String, JsonNode> claims = new LinkedHashMap<>();
    JsonNode issuer = credential.path("issuer");
    claims.put(
        "iss", TextNode.valueOf(text(issuer.isObject() ? issuer.path("id") : issuer, "issuer id")));
    claims.put("jti", TextNode.valueOf(text(credential.path("id"), "id")));
    JsonNode subject = credential.path("credentialSubject").path("id");
    if (!subject.isMissingNode()) {
      claims.put("sub", TextNode.valueOf(text(subject, "credentialSubject.id")));
    }
    claims.put("nbf", LongNode.valueOf(seconds(credential.path("validFrom"), "validFrom")));
    if (credential.has("validUntil")) {
      claims.put("exp", LongNode.valueOf(seconds(credential.path("validUntil"), "validUntil")));
    }
    return claims;
  }

  private static String text(JsonNode node, String what) {
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new IllegalArgumentException("the credential has no " + what + " for the VC-JWT");
    }
    return node.asText();
  }

  /** A date-time with an offset, in whole seconds, as a NumericDate. */
  static long seconds(JsonNode node, String what) {
    String value = text(node, what);
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' is not a date-time with an offset, such as 2025-01-15T12:00:00Z");
    }
    if (time.getNano() != 0) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' has fractions of a second; the VC-JWT claim holds whole seconds");
    }
    return time.toEpochSecond();
  }
}
