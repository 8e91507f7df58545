package dev.badgesmith.write;

import java.io.IOException;
import java.util.function.IntUnaryOperator;

/**
 * A list cut into runs of entries an earlier list holds too, one after another as there, and
 * entries it does not hold. A rebuild changes few of a large site's files, so the manifest and the
 * file index copy each run's encoding from their earlier copy in one piece, and encode only the
 * rest.
 */
public final class Runs {
  private Runs() {}

  /** What is done with each run and each new entry, in the list's order. */
  public interface Visitor {
    /**
     * Entries {@code at} to {@code at + length - 1} are the earlier list's from {@code earlierAt}.
     */
    void copy(int at, int earlierAt, int length) throws IOException;

    /** Entry {@code at} is not in the earlier list. */
    void encode(int at) throws IOException;
  }

  /**
   * @param earlierPosition where each entry is in the earlier list, or -1
   */
  public static void walk(int count, IntUnaryOperator earlierPosition, Visitor visitor)
      throws IOException {
    for (int at = 0; at < count; ) {
      int earlierAt = earlierPosition.applyAsInt(at);
      if (earlierAt < 0) {
        visitor.encode(at++);
        continue;
      }
      int length = 1;
      while (at + length < count && earlierPosition.applyAsInt(at + length) == earlierAt + length) {
        length++;
      }
      visitor.copy(at, earlierAt, length);
      at += length;
    }
  }
}
