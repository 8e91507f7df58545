package dev.badgesmith.xapi;

import dev.badgesmith.model.Site;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to write statements for.
 *
 * @param site the validated site the awards belong to
 * @param awards the awards, each with its plain identity where the repository holds one
 * @param since only awards issued, and revocations dated, on or after this day (in the site's time
 *     zone); a revocation without a date is always included, since voiding twice is harmless
 * @param baked the baked PNG of every award that is not revoked
 */
public record XapiRequest(
    Site site, List<EarnedAward> awards, Optional<LocalDate> since, BakedImages baked) {
  public XapiRequest {
    Objects.requireNonNull(site, "site");
    awards = List.copyOf(awards);
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(baked, "baked");
  }
}
