package dev.badgesmith.diag;

/**
 * Every diagnostic code Badgesmith reports. Codes are stable: documentation and CI logs refer to
 * them. 0xx site layout, 1xx one file's syntax and fields, 2xx references between files, 3xx
 * images, 4xx the published lock.
 */
public enum Code {
  MISSING_SITE_FILE("BSG001"),
  UNEXPECTED_FILE("BSG002"),
  UNREADABLE_FILE("BSG003"),
  PRIVATE_KEY_IN_SITE("BSG004"),
  UNKNOWN_TEMPLATE("BSG005"),

  MALFORMED_YAML("BSG100"),
  DUPLICATE_KEY("BSG101"),
  UNKNOWN_KEY("BSG102"),
  WRONG_TYPE("BSG103"),
  MISSING_FIELD("BSG104"),
  INVALID_VALUE("BSG105"),
  INVALID_DATE("BSG106"),
  INVALID_SLUG("BSG107"),
  INVALID_URL("BSG108"),
  INVALID_EMAIL("BSG109"),
  MISSING_FRONT_MATTER("BSG110"),
  RECIPIENT_IDENTITY("BSG111"),
  MALFORMED_CSV("BSG112"),
  NOT_AN_ASSERTION("BSG113"),

  UNKNOWN_BADGE("BSG200"),
  UNKNOWN_ISSUER("BSG201"),
  MISSING_IMAGE("BSG202"),
  DUPLICATE_ID("BSG203"),
  OUTPUT_COLLISION("BSG204"),
  EXPIRES_BEFORE_ISSUED("BSG205"),
  UNKNOWN_SIGNING_KEY("BSG206"),
  OUTSIDE_KEY_PERIOD("BSG207"),

  IMAGE_CORRUPT("BSG300"),
  IMAGE_UNSAFE("BSG301"),
  IMAGE_TOO_LARGE("BSG302"),
  IMAGE_NOT_SQUARE("BSG303"),
  IMAGE_OVER_LIMITS("BSG304"),

  MALFORMED_LOCK("BSG400"),
  PUBLISHED_AWARD_CHANGED("BSG401"),
  PUBLISHED_AWARD_REMOVED("BSG402");

  private final String id;

  Code(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
