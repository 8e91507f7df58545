package dev.badgesmith.lock;

/**
 * The parts of an award its digest covers, in the order of a lock line's field fingerprints. A
 * fingerprint per part lets {@code check} say which part of a published award changed, and point at
 * its line.
 */
public enum AwardField {
  /** The recipient's identity: its type, and its hash and salt. */
  IDENTITY("recipient"),
  /** The recipient's display name. */
  NAME("recipient's display name"),
  /** The badge class the award is of, by the URL of its document. */
  BADGE("badge class"),
  /** The issuer of that badge class, by the URL of its profile. */
  ISSUER("issuer"),
  ISSUED_ON("issue date"),
  EXPIRES("expiry"),
  NARRATIVE("narrative"),
  EVIDENCE("evidence");

  private final String noun;

  AwardField(String noun) {
    this.noun = noun;
  }

  /** How a message names the part. */
  public String noun() {
    return noun;
  }
}
