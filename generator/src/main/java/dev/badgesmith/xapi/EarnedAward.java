package dev.badgesmith.xapi;

import dev.badgesmith.model.Award;
import java.util.Objects;
import java.util.Optional;

/**
 * An award as its statements need it: the award of the model, and the recipient's identity when the
 * award file holds it in plain (the model keeps only its salted hash).
 *
 * @param plainIdentity the identity as the award file writes it, of the type {@code
 *     award.recipient().type()}; empty for a recipient the file gives already hashed
 */
public record EarnedAward(Award award, Optional<String> plainIdentity) {
  public EarnedAward {
    Objects.requireNonNull(award, "award");
    Objects.requireNonNull(plainIdentity, "plainIdentity");
  }
}
