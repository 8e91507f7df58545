package dev.badgesmith.render;

import dev.badgesmith.model.Award;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each award's index in the revocation status list. An index follows from the award's id (a hash,
 * modulo the list's size), so it does not depend on which other awards exist; two awards that land
 * on one index are separated by probing, the earlier-issued award keeping its place, so adding an
 * award moves no index already published.
 */
final class StatusIndexes {
  /** The smallest list the W3C spec allows (16 KiB): it hides which awards are revoked. */
  static final int SIZE = 131_072;

  private final Map<String, Integer> indexes = new HashMap<>();

  StatusIndexes(List<Award> awards) {
    BitSet taken = new BitSet(SIZE);
    List<Award> byAge =
        awards.stream()
            .sorted(
                Comparator.comparing(Award::issuedOn)
                    .thenComparing(Award::badgeId)
                    .thenComparing(Award::id))
            .toList();
    for (Award award : byAge) {
      int index = start(key(award));
      while (taken.get(index)) {
        index = (index + 1) % SIZE;
      }
      taken.set(index);
      indexes.put(key(award), index);
    }
  }

  int of(Award award) {
    return indexes.get(key(award));
  }

  private static String key(Award award) {
    return award.badgeId() + "/" + award.id();
  }

  private static int start(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      int value =
          ((digest[0] & 0xff) << 24)
              | ((digest[1] & 0xff) << 16)
              | ((digest[2] & 0xff) << 8)
              | (digest[3] & 0xff);
      return Math.floorMod(value, SIZE);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
