package dev.badgesmith.pathway;

import java.util.List;
import java.util.Objects;

/**
 * An earner who meets a stack badge's requirement and does not hold it yet.
 *
 * @param badgeId the stack badge they may be awarded
 * @param earner who
 * @param qualifying the awards that meet the requirement, in the order the requirement names their
 *     badges: one award per badge (the first by award id when they hold several), and for an "any N
 *     of" group every part they hold, not only the first N, so evidence shows all of it
 */
public record Eligibility(String badgeId, EarnerKey earner, List<LiveAward> qualifying) {
  public Eligibility {
    Objects.requireNonNull(badgeId, "badgeId");
    Objects.requireNonNull(earner, "earner");
    qualifying = List.copyOf(qualifying);
  }
}
