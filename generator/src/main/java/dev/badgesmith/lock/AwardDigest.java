package dev.badgesmith.lock;

import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.hash.Sha256;
import dev.badgesmith.json.JsonDigest;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Evidence;
import dev.badgesmith.model.SiteLayout;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a lock line records of an award's published content: a SHA-256 over the canonical JSON (RFC
 * 8785) of its normalised record, and a short fingerprint of each {@link AwardField}.
 *
 * <p>The canonical record holds the award's key ({@code badge/award}) and URL, the recipient (type,
 * {@code sha256$} hash and salt, as a site without {@code BADGESMITH_SALT_SECRET} publishes them:
 * so the lock is the same with and without the secret; or the hash and salt the record gives), the
 * recipient's display name, the URLs of the badge class and of its issuer, the issue date and the
 * expiry (from the award or the badge class's {@code validFor}) as ISO-8601 date-times with their
 * offset, the narrative and the evidence. Not the revocation, which is the one change a published
 * award may have; not the content of the badge class or the issuer profile, which are documents of
 * their own; not how any of it is written, in the YAML file or in the published JSON.
 *
 * @param digest {@code sha256:} and 64 hex digits
 * @param fields the first 16 bits of the SHA-256 of each part's canonical JSON, as 4 hex digits
 */
public record AwardDigest(String digest, Map<AwardField, String> fields) {
  private static final HexFormat HEX = HexFormat.of();

  public AwardDigest {
    fields = Map.copyOf(fields);
  }

  /** The fingerprint of a part an award does not have, such as an expiry. */
  public static final String ABSENT = fingerprint(null);

  /**
   * The recipient as the lock records it (see the class comment), when that is not the recipient as
   * published: only an award hashed under the site secret has one, so a site without the secret
   * keeps nothing of its awards' files for the lock.
   *
   * @param type the Open Badges 2.0 identity type
   * @param hashed {@code sha256$} and 64 lowercase hex digits
   */
  public record LockedRecipient(String type, String hashed, String salt) {
    /**
     * The recipient of an award as written, which holds its plain identity; empty when it is the
     * recipient the award publishes.
     */
    public static Optional<LockedRecipient> of(AwardDoc doc, Award award) {
      RecipientDoc r = doc.recipient();
      if (r.prehashed()) {
        return Optional.empty(); // published with the hash and salt the record gives
      }
      String salt = IdentityHash.salt(Optional.empty(), doc.badgeId(), doc.id());
      if (salt.equals(award.recipient().salt()) && r.type().equals(award.recipient().type())) {
        return Optional.empty(); // the same identity and salt hash the same
      }
      return Optional.of(
          new LockedRecipient(r.type(), IdentityHash.hash(r.identity(), salt), salt));
    }
  }

  /**
   * @param locked the recipient as the lock records it, when it is not the one the award publishes
   *     ({@link LockedRecipient#of}); an award that did not come from one file has none
   */
  public static AwardDigest of(
      Optional<LockedRecipient> locked, Award award, BadgeClass badge, SiteLayout layout) {
    Map<AwardField, Object> parts = new EnumMap<>(AwardField.class);
    parts.put(AwardField.IDENTITY, identity(locked, award));
    parts.put(AwardField.NAME, award.recipient().name().orElse(null));
    // An award in another language than the site's default names that language's badge class.
    parts.put(
        AwardField.BADGE,
        award
            .language()
            .map(l -> layout.inLanguage(layout.badgeJson(badge.id()), l))
            .orElse(layout.badgeJson(badge.id()))
            .url());
    parts.put(AwardField.ISSUER, layout.issuerJson(badge.issuerId()).url());
    parts.put(AwardField.ISSUED_ON, dateTime(award.issuedOn()));
    parts.put(AwardField.EXPIRES, award.expires().map(AwardDigest::dateTime).orElse(null));
    parts.put(AwardField.NARRATIVE, award.narrative().orElse(null));
    parts.put(
        AwardField.EVIDENCE,
        award.evidence().isEmpty()
            ? null
            : award.evidence().stream().map(AwardDigest::evidence).toList());

    Map<String, Object> record = new LinkedHashMap<>();
    record.put("award", award.badgeId() + "/" + award.id());
    record.put("url", layout.ob2Assertion(award).url());
    record.put("recipient", parts.get(AwardField.IDENTITY));
    put(record, "name", parts.get(AwardField.NAME));
    record.put("badge", parts.get(AwardField.BADGE));
    record.put("issuer", parts.get(AwardField.ISSUER));
    record.put("issuedOn", parts.get(AwardField.ISSUED_ON));
    put(record, "expires", parts.get(AwardField.EXPIRES));
    put(record, "narrative", parts.get(AwardField.NARRATIVE));
    put(record, "evidence", parts.get(AwardField.EVIDENCE));

    Map<AwardField, String> fields = new EnumMap<>(AwardField.class);
    parts.forEach((field, value) -> fields.put(field, fingerprint(value)));
    return new AwardDigest("sha256:" + HEX.formatHex(sha256(canonical(record))), fields);
  }

  /** The fingerprints in {@link AwardField} order, joined by {@code -}: a lock line's column. */
  public String fieldsColumn() {
    List<String> column = new ArrayList<>();
    for (AwardField field : AwardField.values()) {
      column.add(fields.get(field));
    }
    return String.join("-", column);
  }

  /**
   * A digest as its lock line's columns give it, {@link #digest()} and {@link #fieldsColumn()}: all
   * a line is compared with, the fields parsed only where they differ.
   */
  public record Columns(String digest, String fields) {
    /** Whether the fields column is one, as {@link AwardDigest#parse} would read it. */
    boolean wellFormed() {
      return isFieldsColumn(fields);
    }

    AwardDigest parsed() {
      return parse(digest, fields).orElseThrow();
    }
  }

  /**
   * A digest as {@link #digest()} and {@link #fieldsColumn()} gave it; empty when it is not one.
   */
  public static Optional<AwardDigest> parse(String digest, String fieldsColumn) {
    return parseFields(fieldsColumn).map(f -> new AwardDigest(digest, f));
  }

  /** Whether a text is lowercase hex digits only. */
  static boolean isLowerHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a text is a fields column, {@link #parseFields} giving a value exactly then: one
   * fingerprint of 4 lowercase hex digits per {@link AwardField}, joined by {@code -}. Checked
   * without cutting it up, as every line of a lock is.
   */
  static boolean isFieldsColumn(String column) {
    int count = AwardField.values().length;
    if (column.length() != count * 5 - 1) {
      return false;
    }
    for (int i = 0; i < column.length(); i++) {
      char c = column.charAt(i);
      boolean ok = i % 5 == 4 ? c == '-' : c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Reads a lock line's fields column back; empty when it is not one. */
  static Optional<Map<AwardField, String>> parseFields(String column) {
    if (!isFieldsColumn(column)) {
      return Optional.empty();
    }
    Map<AwardField, String> fields = new EnumMap<>(AwardField.class);
    for (AwardField field : AwardField.values()) {
      int at = field.ordinal() * 5;
      fields.put(field, column.substring(at, at + 4));
    }
    return Optional.of(fields);
  }

  /**
   * The recipient as a verifier sees it, but salted as a site without a secret salts it: what the
   * record says, with no secret in it, and no address in the clear.
   */
  private static Map<String, Object> identity(Optional<LockedRecipient> locked, Award award) {
    LockedRecipient r =
        locked.orElseGet(
            () ->
                new LockedRecipient(
                    award.recipient().type(),
                    award.recipient().identity(),
                    award.recipient().salt()));
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("type", r.type());
    identity.put("hashed", r.hashed());
    identity.put("salt", r.salt());
    return identity;
  }

  private static Map<String, Object> evidence(Evidence e) {
    Map<String, Object> item = new LinkedHashMap<>();
    e.url().ifPresent(v -> item.put("url", v));
    e.name().ifPresent(v -> item.put("name", v));
    e.description().ifPresent(v -> item.put("description", v));
    e.narrative().ifPresent(v -> item.put("narrative", v));
    e.genre().ifPresent(v -> item.put("genre", v));
    e.audience().ifPresent(v -> item.put("audience", v));
    return item;
  }

  static String dateTime(OffsetDateTime time) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
  }

  private static void put(Map<String, Object> record, String key, Object value) {
    if (value != null) {
      record.put(key, value);
    }
  }

  static String fingerprint(Object value) {
    return HEX.formatHex(sha256(canonical(value)), 0, 2);
  }

  static byte[] sha256(String text) {
    return Sha256.of(text);
  }

  /**
   * The JSON Canonicalization Scheme (RFC 8785) of a record of maps, lists, strings and nulls: the
   * same canonical form the verify page's digests use.
   */
  static String canonical(Object value) {
    return JsonDigest.canonicalValue(value);
  }
}
