package dev.badgesmith.load;

import dev.badgesmith.diag.SourcePosition;
import java.util.Objects;

/** A value read from a file, with where it was written. */
public record Located<T>(T value, SourcePosition at) {
  public Located {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(at, "at");
  }
}
