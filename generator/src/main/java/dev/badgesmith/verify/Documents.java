package dev.badgesmith.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.jackson.Jackson;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** JSON documents fetched through a resolver, and the small readings of them every check needs. */
final class Documents {
  static final ObjectMapper JSON = Jackson.json();

  private final Resolver resolver;

  Documents(Resolver resolver) {
    this.resolver = resolver;
  }

  Resolver resolver() {
    return resolver;
  }

  /** The JSON object published at {@code url}. */
  ObjectNode object(String url) throws ResolveException {
    byte[] bytes = resolver.fetch(url);
    return parseObject(bytes)
        .orElseThrow(
            () ->
                new ResolveException(
                    ResolveException.Reason.FAILED, "what " + url + " publishes is not JSON"));
  }

  static Optional<ObjectNode> parseObject(byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A base64url part of a compact JWS (its header or payload) as a JSON object. */
  static Optional<ObjectNode> jwsPart(String part) {
    try {
      return parseObject(java.util.Base64.getUrlDecoder().decode(part));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The credential a VC-JWT's payload carries: the payload, or its {@code vc} (VCDM 1.1). */
  static ObjectNode credentialOf(ObjectNode payload) {
    return payload.get("vc") instanceof ObjectNode vc ? vc : payload;
  }

  /** A string member, or the {@code id} of an object member. */
  static Optional<String> idOf(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return Optional.of(node.asText());
    }
    JsonNode id = node.get("id");
    return id != null && id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
  }

  /** A member that may be one string or a list of them. */
  static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node == null) {
      return values;
    }
    if (node.isArray()) {
      node.forEach(n -> idOf(n).ifPresent(values::add));
    } else {
      idOf(node).ifPresent(values::add);
    }
    return values;
  }

  /** The members of a value that may be one object or a list of them. */
  static List<JsonNode> items(JsonNode node) {
    List<JsonNode> values = new ArrayList<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return values;
    }
    if (node.isArray()) {
      node.forEach(values::add);
    } else {
      values.add(node);
    }
    return values;
  }

  static Optional<String> text(JsonNode node, String member) {
    JsonNode value = node.get(member);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  /**
   * A date-time member as an instant; a bare date is its first moment in UTC.
   *
   * @throws DateTimeParseException when the member is not a date
   */
  static Optional<Instant> instant(JsonNode node, String member) {
    return text(node, member).map(Documents::instant);
  }

  /**
   * A date-time as an instant; a bare date is its first moment in UTC.
   *
   * @throws DateTimeParseException when it is not a date
   */
  static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }
}
