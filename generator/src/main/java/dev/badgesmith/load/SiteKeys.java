package dev.badgesmith.load;

import java.util.List;

/**
 * The keys each mapping of a badge site's files may hold, in the order the site format lists them:
 * any other key is reported where it is written. The JSON schemas of the format list the same keys
 * ({@code SchemaSyncTest} holds them alike).
 */
final class SiteKeys {
  private SiteKeys() {}

  /** The keys of site.yaml. */
  static final List<String> SETTINGS_KEYS =
      List.of(
          "title",
          "description",
          "baseUrl",
          "issuer",
          "language",
          "languages",
          "timeZone",
          "images",
          "signing",
          "pages");

  static final List<String> PAGES_KEYS =
      List.of(
          "earnerPages",
          "listEarners",
          "indexAwards",
          "recognition",
          "recognitionOptOut",
          "certificates");
  static final List<String> SIGNING_KEYS =
      List.of("issuerId", "jwt", "dataIntegrity", "ob2", "keys");
  static final List<String> KEY_KEYS =
      List.of("id", "algorithm", "publicKey", "validFrom", "validUntil", "revoked");
  static final List<String> IMAGES_KEYS = List.of("pngSize", "maxSize");
  static final List<String> ISSUER_KEYS =
      List.of("name", "url", "email", "description", "image", "endorsements");
  static final List<String> ISSUER_PAGE_KEYS =
      List.of("name", "url", "email", "image", "endorsements");
  static final List<String> BADGE_KEYS =
      List.of(
          "name",
          "description",
          "issuer",
          "image",
          "design",
          "imageAlt",
          "tags",
          "alignment",
          "validFor",
          "requires",
          "language",
          "endorsements");

  /** A group of {@code requires}: any N of its parts ({@link Requirements}). */
  static final List<String> REQUIREMENT_GROUP_KEYS = List.of("any", "of");

  static final List<String> DESIGN_KEYS = List.of("shape", "colors", "icon", "label", "tier");
  static final List<String> ALIGNMENT_KEYS =
      List.of(
          "targetName", "targetUrl", "targetDescription", "targetFramework", "targetCode", "case");
  static final List<String> AWARD_KEYS =
      List.of(
          "recipient",
          "issuedOn",
          "expires",
          "narrative",
          "evidence",
          "revoked",
          "earner",
          "language");
  static final List<String> RECIPIENT_KEYS =
      List.of("email", "url", "telephone", "did", "hashed", "salt", "type", "name");
  static final List<String> IDENTITY_KEYS = List.of("email", "url", "telephone", "did", "hashed");
  static final List<String> EVIDENCE_KEYS =
      List.of("url", "name", "description", "narrative", "genre", "audience");
  static final List<String> REVOKED_KEYS = List.of("reason", "date");

  /** The keys of endorsements/<id>.yaml, and of its {@code endorses} mapping (one of them). */
  static final List<String> ENDORSEMENT_KEYS =
      List.of("endorser", "endorses", "claim", "issuedOn", "revoked");

  static final List<String> ENDORSES_KEYS = List.of("badge", "issuer", "award");
}
