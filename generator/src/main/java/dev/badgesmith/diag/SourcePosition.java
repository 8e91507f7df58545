package dev.badgesmith.diag;

import java.util.Objects;

/** A 1-based line and column in a file named relative to the site root. */
public record SourcePosition(String path, int line, int column) {

  public SourcePosition {
    Objects.requireNonNull(path, "path");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }

  /** The start of a file: where a problem with the file as a whole is reported. */
  public static SourcePosition startOf(String path) {
    return new SourcePosition(path, 1, 1);
  }
}
