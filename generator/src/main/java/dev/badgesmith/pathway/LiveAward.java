package dev.badgesmith.pathway;

import java.util.Comparator;
import java.util.Objects;

/**
 * An award that counts today: neither revoked nor expired at the date the caller checks. The caller
 * decides what "live" means; this package only matches.
 *
 * @param earner who holds it, as an {@link EarnerKey}
 * @param badgeId the badge class it awards
 * @param awardId its id (the file {@code awards/<badgeId>/<awardId>.yaml})
 */
public record LiveAward(EarnerKey earner, String badgeId, String awardId) {
  /** By earner, badge and award id. */
  public static final Comparator<LiveAward> ORDER =
      Comparator.comparing(LiveAward::earner)
          .thenComparing(LiveAward::badgeId)
          .thenComparing(LiveAward::awardId);

  public LiveAward {
    Objects.requireNonNull(earner, "earner");
    Objects.requireNonNull(badgeId, "badgeId");
    Objects.requireNonNull(awardId, "awardId");
  }
}
