package dev.badgesmith.diag;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the allowed word a misspelt one was most likely meant to be. */
public final class Spelling {
  private Spelling() {}

  public static Optional<String> closest(String word, List<String> candidates) {
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    int limit = Math.max(2, word.length() / 3);
    return candidates.stream()
        .filter(c -> distance(lower, c.toLowerCase(java.util.Locale.ROOT)) <= limit)
        .min(
            Comparator.comparingInt(
                    (String c) -> distance(lower, c.toLowerCase(java.util.Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()));
  }

  /** Optimal string alignment distance: edits, with a swap of neighbours counted as one. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
