package dev.badgesmith.lock;

import dev.badgesmith.hash.Sha256;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.Endorsement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each award's index in the revocation status list.
 *
 * <p>An award in {@code published.lock} keeps the index of its line, and no other award ever takes
 * an index a line holds: lines are never removed (a published award can only be revoked), so an
 * index is never freed. Any other award starts at an index that follows from its id (a hash, modulo
 * the list's size) and moves on to the next free one, in order of issue. With no lock that is the
 * whole rule, so adopting a lock keeps every index a site has published.
 *
 * <p>Endorsements the site gives share the list: a locked one keeps the index of its line, which no
 * award ever takes; any other takes an index by the same rule, once every award has one, so giving
 * an endorsement never moves an award's index.
 */
public final class StatusIndexes {
  /** The smallest list the W3C spec allows (16 KiB): it hides which awards are revoked. */
  public static final int SIZE = 131_072;

  private final Map<String, Integer> indexes = new HashMap<>();

  /**
   * An award without a line, with its date of issue as numbers: most awards of a large site share
   * their date with others, so the sort compares dates as often as it compares awards.
   *
   * @param offset the date's offset in seconds: of two dates at one instant, the one with the
   *     greater offset has the later local time
   */
  private record Unpinned(String key, Award award, long second, int nano, int offset) {
    static Unpinned of(String key, Award award) {
      java.time.OffsetDateTime issued = award.issuedOn();
      return new Unpinned(
          key,
          award,
          issued.toEpochSecond(),
          issued.getNano(),
          issued.getOffset().getTotalSeconds());
    }
  }

  /**
   * In order of issue, then by badge and id: the order that gives each its index. Dates compare as
   * {@link java.time.OffsetDateTime#compareTo} does: by instant, then by local time, which at one
   * instant is later where the offset is greater.
   */
  private static final Comparator<Unpinned> BY_AGE =
      (a, b) -> {
        int byDate = Long.compare(a.second(), b.second());
        if (byDate == 0) {
          byDate = Integer.compare(a.nano(), b.nano());
        }
        if (byDate == 0) {
          byDate = Integer.compare(a.offset(), b.offset());
        }
        if (byDate != 0) {
          return byDate;
        }
        int byBadge = a.award().badgeId().compareTo(b.award().badgeId());
        return byBadge != 0 ? byBadge : a.award().id().compareTo(b.award().id());
      };

  private StatusIndexes(
      List<Award> awards, List<Endorsement> endorsements, Map<String, Integer> pinned) {
    BitSet taken = new BitSet(SIZE);
    pinned.values().forEach(taken::set);
    List<Unpinned> byAge = new java.util.ArrayList<>();
    for (Award award : awards) {
      String key = key(award);
      if (!pinned.containsKey(key)) {
        byAge.add(Unpinned.of(key, award));
      }
    }
    byAge.sort(BY_AGE);
    List<String> keys = new java.util.ArrayList<>(byAge.size());
    byAge.forEach(u -> keys.add(u.key()));
    endorsements.stream()
        .map(StatusIndexes::key)
        .filter(k -> !pinned.containsKey(k))
        .sorted()
        .forEach(keys::add);
    if (keys.size() > SIZE - taken.cardinality()) {
      throw new IllegalStateException("more awards than the status list has entries: " + SIZE);
    }
    MessageDigest sha256 = sha256();
    for (String key : keys) {
      int index = start(key, sha256);
      while (taken.get(index)) {
        index = (index + 1) % SIZE;
      }
      taken.set(index);
      indexes.put(key, index);
    }
    indexes.putAll(pinned);
  }

  /** Indexes for a site without a lock: each from its award's id, in order of issue. */
  public static StatusIndexes derived(List<Award> awards, List<Endorsement> endorsements) {
    return new StatusIndexes(awards, endorsements, Map.of());
  }

  /**
   * Indexes with a lock.
   *
   * @param pinned the index of every line of the lock, by award ({@code badge/award}) or
   *     endorsement ({@code endorsement:<id>}), whether or not it is still in the site
   */
  public static StatusIndexes pinned(
      List<Award> awards, List<Endorsement> endorsements, Map<String, Integer> pinned) {
    // Read whole while the indexes are made, and never kept: no copy is needed.
    return new StatusIndexes(awards, endorsements, pinned);
  }

  public int of(Award award) {
    Integer index = indexes.get(key(award));
    if (index == null) {
      throw new IllegalArgumentException("not an award of this site: " + key(award));
    }
    return index;
  }

  /** An endorsement's index. */
  public int of(Endorsement endorsement) {
    Integer index = indexes.get(key(endorsement));
    if (index == null) {
      throw new IllegalArgumentException("not an endorsement of this site: " + endorsement.id());
    }
    return index;
  }

  private static String key(Endorsement endorsement) {
    return EndorsementLine.key(endorsement.id());
  }

  public static String key(Award award) {
    return award.badgeId() + "/" + award.id();
  }

  private static int start(String key, MessageDigest sha256) {
    byte[] digest = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
    int value =
        ((digest[0] & 0xff) << 24)
            | ((digest[1] & 0xff) << 16)
            | ((digest[2] & 0xff) << 8)
            | (digest[3] & 0xff);
    return Math.floorMod(value, SIZE);
  }

  private static MessageDigest sha256() {
    return Sha256.newDigest();
  }
}
