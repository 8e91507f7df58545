package dev.badgesmith.lock;

import java.util.Objects;
import java.util.Optional;

/**
 * An award a change adds, revokes or alters, as a summary names it.
 *
 * @param award {@code <badge-id>/<award-id>}
 * @param badgeName the badge class's name (its id when the class is gone)
 * @param source the award's file, or for an award that is gone its line in {@code published.lock}
 * @param recipientName the display name the record publishes, if any; never an address
 */
public record AwardChange(
    String award, String badgeName, String source, Optional<String> recipientName) {

  public AwardChange {
    Objects.requireNonNull(award, "award");
    Objects.requireNonNull(badgeName, "badgeName");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(recipientName, "recipientName");
  }
}
