package dev.badgesmith.lock;

/**
 * The parts of an endorsement its lock digest covers, in the order of its lock line's field
 * fingerprints, so that {@code check} can say which part of a published endorsement changed.
 */
public enum EndorsementField {
  /** The issuer that gives it, by the URL of its profile. */
  ENDORSER("endorser", "endorser"),
  /** What it endorses, by the id its Open Badges 2.0 claim gives. */
  TARGET("endorsed badge class, issuer or award", "endorses"),
  CLAIM("claim", "claim"),
  ISSUED_ON("issue date", "issuedOn");

  private final String noun;
  private final String key;

  EndorsementField(String noun, String key) {
    this.noun = noun;
    this.key = key;
  }

  /** How a message names the part. */
  public String noun() {
    return noun;
  }

  /** The key of the endorsement file that writes it. */
  String key() {
    return key;
  }
}
