package dev.badgesmith.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.verify.Check.Step;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * {@code BitstringStatusListEntry} (W3C Bitstring Status List): the bit at {@code statusListIndex}
 * of the list in a signed {@code BitstringStatusListCredential} (with an embedded proof or as a
 * VC-JWT), which must itself verify and be issued by the credential's issuer.
 */
public final class BitstringStatusListMethod implements StatusMethod {
  /** The spec's minimum: 16 KiB of bits, so one index does not single out a credential. */
  static final int MIN_BITS = 131_072;

  /** A list is small when compressed, but could inflate without end. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  @Override
  public String type() {
    return "BitstringStatusListEntry";
  }

  @Override
  public Check check(ObjectNode entry, ObjectNode credential, StatusContext context) {
    String purpose = entry.path("statusPurpose").asText("");
    String url = entry.path("statusListCredential").asText("");
    long index;
    try {
      index = Long.parseLong(entry.path("statusListIndex").asText(""));
    } catch (NumberFormatException e) {
      return fail("the statusListIndex is not a number: " + entry.path("statusListIndex"));
    }
    if (!entry.path("statusSize").asText("1").equals("1")) {
      return fail("a statusSize other than 1 is not supported");
    }
    if (url.isEmpty() || index < 0) {
      return fail("the status entry needs a statusListCredential and a statusListIndex");
    }
    byte[] bytes;
    try {
      bytes = context.resolver().fetch(url);
    } catch (ResolveException e) {
      return fail("cannot read the status list: " + e.getMessage());
    }
    VerificationReport list = context.verifyCredential(bytes, url);
    if (!list.passed()) {
      return fail(
          "the status list "
              + url
              + " does not verify: "
              + list.firstFailure().map(Check::line).orElse("a step was skipped"));
    }
    // It verified, so it is a credential: JSON with an embedded proof, or a VC-JWT.
    Optional<ObjectNode> json = Documents.parseObject(bytes).or(() -> jwtPayload(bytes));
    if (json.isEmpty()) {
      return fail("the status list " + url + " is neither a JSON credential nor a VC-JWT");
    }
    Optional<String> listIssuer = Documents.idOf(json.get().get("issuer"));
    if (!listIssuer.equals(Documents.idOf(credential.get("issuer")))) {
      return fail("the status list " + url + " is issued by " + listIssuer.orElse("nobody"));
    }
    JsonNode subject = json.get().path("credentialSubject");
    if (!Documents.strings(subject.get("type")).contains("BitstringStatusList")
        || !purpose.equals(subject.path("statusPurpose").asText())) {
      return fail("the status list " + url + " is no BitstringStatusList for '" + purpose + "'");
    }
    byte[] bits;
    try {
      bits = decode(subject.path("encodedList").asText(""));
    } catch (IOException | IllegalArgumentException e) {
      return fail("the encodedList of " + url + " cannot be decoded: " + e.getMessage());
    }
    if ((long) bits.length * 8 < MIN_BITS || index >= (long) bits.length * 8) {
      return fail(
          "the status list " + url + " has " + bits.length * 8L + " entries; index " + index);
    }
    // Bit 0 is the most significant bit of the first byte.
    boolean set = (bits[(int) (index / 8)] & (0x80 >> (index % 8))) != 0;
    String state =
        switch (purpose) {
          case "revocation" -> "revoked";
          case "suspension" -> "suspended";
          default -> purpose;
        };
    if (set) {
      return fail(state + ": entry " + index + " of " + url);
    }
    return Check.passed(Step.STATUS, "not " + state + ": entry " + index + " of " + url);
  }

  /** The credential a compact VC-JWT carries. */
  private static Optional<ObjectNode> jwtPayload(byte[] bytes) {
    String[] parts = new String(bytes, StandardCharsets.US_ASCII).strip().split("\\.");
    return parts.length == 3
        ? Documents.jwsPart(parts[1]).map(Documents::credentialOf)
        : Optional.empty();
  }

  /** {@code u} + base64url (no padding) of the GZIP-compressed bitstring. */
  static byte[] decode(String encoded) throws IOException {
    if (!encoded.startsWith("u")) {
      throw new IllegalArgumentException("it is not multibase base64url ('u...')");
    }
    byte[] gzip = Base64.getUrlDecoder().decode(encoded.substring(1));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      byte[] bits = in.readNBytes(MAX_BYTES + 1);
      if (bits.length > MAX_BYTES) {
        throw new IllegalArgumentException("it inflates to more than " + MAX_BYTES + " bytes");
      }
      return bits;
    }
  }

  private static Check fail(String message) {
    return Check.failed(Step.STATUS, message);
  }
}
