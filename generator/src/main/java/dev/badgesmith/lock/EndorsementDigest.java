package dev.badgesmith.lock;

import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.SiteLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a lock line records of an endorsement the site gives, as {@link AwardDigest} does of an
 * award: a SHA-256 over the canonical JSON (RFC 8785) of its record, and a fingerprint of each
 * {@link EndorsementField}.
 *
 * <p>The record holds the endorsement's key ({@code endorsement:<id>}) and URL, the URL of the
 * endorser's profile, the id of what it endorses as its Open Badges 2.0 claim names it, the claim
 * as written and the issue date as an ISO-8601 date-time with its offset. Not the revocation, the
 * one change a published endorsement may have.
 *
 * @param digest {@code sha256:} and 64 hex digits
 * @param fields the first 16 bits of the SHA-256 of each part's canonical JSON, as 4 hex digits
 */
public record EndorsementDigest(String digest, Map<EndorsementField, String> fields) {
  private static final HexFormat HEX = HexFormat.of();

  public EndorsementDigest {
    fields = Map.copyOf(fields);
  }

  /**
   * @param endorsedId the id of what it endorses, as its published Open Badges 2.0 claim gives it
   */
  public static EndorsementDigest of(
      Endorsement endorsement, String endorsedId, SiteLayout layout) {
    Map<EndorsementField, Object> parts = new EnumMap<>(EndorsementField.class);
    parts.put(EndorsementField.ENDORSER, layout.issuerJson(endorsement.endorserId()).url());
    parts.put(EndorsementField.TARGET, endorsedId);
    parts.put(EndorsementField.CLAIM, endorsement.claim());
    parts.put(EndorsementField.ISSUED_ON, AwardDigest.dateTime(endorsement.issuedOn()));

    Map<String, Object> record = new LinkedHashMap<>();
    record.put("endorsement", EndorsementLine.key(endorsement.id()));
    record.put("url", layout.endorsementJson(endorsement.id()).url());
    record.put("endorser", parts.get(EndorsementField.ENDORSER));
    record.put("endorses", parts.get(EndorsementField.TARGET));
    record.put("claim", parts.get(EndorsementField.CLAIM));
    record.put("issuedOn", parts.get(EndorsementField.ISSUED_ON));

    Map<EndorsementField, String> fields = new EnumMap<>(EndorsementField.class);
    parts.forEach((field, value) -> fields.put(field, AwardDigest.fingerprint(value)));
    return new EndorsementDigest(
        "sha256:" + HEX.formatHex(AwardDigest.sha256(AwardDigest.canonical(record))), fields);
  }

  /** The fingerprints in {@link EndorsementField} order, joined by {@code -}. */
  public String fieldsColumn() {
    List<String> column = new ArrayList<>();
    for (EndorsementField field : EndorsementField.values()) {
      column.add(fields.get(field));
    }
    return String.join("-", column);
  }

  /** Reads a lock line's fields column back; empty when it is not one. */
  static Optional<Map<EndorsementField, String>> parseFields(String column) {
    String[] parts = column.split("-", -1);
    if (parts.length != EndorsementField.values().length) {
      return Optional.empty();
    }
    Map<EndorsementField, String> fields = new EnumMap<>(EndorsementField.class);
    for (EndorsementField field : EndorsementField.values()) {
      String part = parts[field.ordinal()];
      if (part.length() != 4 || !AwardDigest.isLowerHex(part)) {
        return Optional.empty();
      }
      fields.put(field, part);
    }
    return Optional.of(fields);
  }
}
