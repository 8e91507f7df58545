package dev.badgesmith.xapi;

import java.util.Objects;

/**
 * An award that has no statement, and why.
 *
 * @param badgeId its badge class
 * @param awardId its id
 * @param reason in words, such as "the recipient is held hashed only"
 */
public record LeftOut(String badgeId, String awardId, String reason) {
  public LeftOut {
    Objects.requireNonNull(badgeId, "badgeId");
    Objects.requireNonNull(awardId, "awardId");
    Objects.requireNonNull(reason, "reason");
  }
}
