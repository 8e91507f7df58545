package dev.badgesmith;

import dev.badgesmith.incremental.ShardRecord;

/**
 * One of {@code count} parts of a site's awards, for a build spread over several machines: {@code
 * badgesmith build --shard K/N} renders the awards of the badge classes that fall to part K, and
 * {@link Badgesmith#merge} puts the parts together.
 *
 * <p>A badge class falls to a part by a digest of its id, so the same class always falls to the
 * same part however many awards or classes the site gains, and the parts stay near even in size.
 *
 * @param index which part, from 1
 * @param count how many parts
 */
public record Shard(int index, int count) {
  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "not a shard: " + index + "/" + count + " (K/N, with 1 <= K <= N)");
    }
  }

  /**
   * A shard as written on the command line, {@code K/N}.
   *
   * @throws IllegalArgumentException when it is not two whole numbers with 1 <= K <= N
   */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("not a shard: " + text + " (K/N, such as 2/4)");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a shard: " + text + " (K/N, such as 2/4)", e);
    }
  }

  /** Whether the awards of the badge class with this id fall to this part. */
  public boolean owns(String badgeId) {
    return ShardRecord.owns(index, count, badgeId);
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
