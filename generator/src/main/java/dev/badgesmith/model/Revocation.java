package dev.badgesmith.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** Why and when an award was withdrawn. */
public record Revocation(String reason, Optional<LocalDate> date) {

  public Revocation {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(date, "date");
  }
}
