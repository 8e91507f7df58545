package dev.badgesmith;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Badgesmith#awardEligible} did.
 *
 * @param found who was eligible, and the site's check
 * @param awarded the award files written for those with a plain identity: all of them, or none
 * @param skipped eligible earners held hashed only: a new award needs their address, which the
 *     repository does not hold, so they are awarded by hand ({@code award BADGE --email ...
 *     --hash})
 */
public record EligibleAwardResult(
    EligibleResult found, AwardResult awarded, List<EligibleResult.Eligible> skipped) {
  public EligibleAwardResult {
    Objects.requireNonNull(found, "found");
    Objects.requireNonNull(awarded, "awarded");
    skipped = List.copyOf(skipped);
  }
}
