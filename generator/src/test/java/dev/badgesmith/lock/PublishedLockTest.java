package dev.badgesmith.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.ShortTexts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The lock's lines are cut and checked by hand: as the patterns the format is documented by. */
class PublishedLockTest {
  private static final Pattern AWARD = Pattern.compile("[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*");
  private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,5}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  /** Every text of up to three characters over an alphabet, and the texts given. */
  private static List<String> texts(String alphabet, String... more) {
    List<String> texts = new ArrayList<>(List.of(more));
    texts.addAll(ShortTexts.upToThree(alphabet));
    return texts;
  }

  @Test
  void linesAreCutAsAtEveryLineBreakWithOrWithoutCarriageReturn() {
    for (String text : texts("a\r\n ", "a\r\r\nb", "\r\n\r\n", "x\ry\n")) {
      assertThat(PublishedLock.rows(text))
          .as("'%s'", text.replace("\r", "\\r").replace("\n", "\\n"))
          .containsExactly(text.split("\r?\n", -1));
    }
  }

  @Test
  void columnsAreWhatLiesBetweenRunsOfWhiteSpace() {
    for (String row : texts("a \t\u000B\f\u2003", " a  b\t\tc ", "a\u00A0b c")) {
      assertThat(PublishedLock.columns(row))
          .as("'%s'", row)
          .containsExactly(row.strip().split("\\s+"));
    }
  }

  @Test
  void awardsIndexesAndDigestsAreCheckedAsTheirPatternsSay() {
    for (String award : texts("a0-/A", "intro/jane", "a/b/c", "a-b/c-d", "/a", "a/")) {
      assertThat(PublishedLock.isAward(award))
          .as("'%s'", award)
          .isEqualTo(AWARD.matcher(award).matches());
    }
    List<String> indexes =
        new ArrayList<>(texts("019a-", "131071", "999999", "1000000", "0000000", "01", "+1"));
    for (String index : indexes) {
      assertThat(PublishedLock.isIndex(index))
          .as("'%s'", index)
          .isEqualTo(INDEX.matcher(index).matches());
    }
    String hex = "0123456789abcdef".repeat(4);
    for (String digest :
        Arrays.asList(
            "sha256:" + hex,
            "sha256:" + hex.toUpperCase(java.util.Locale.ROOT),
            "sha256:" + hex.substring(1),
            "sha256:" + hex + "0",
            "sha256:" + hex.replace('f', 'g'),
            "sha512:" + hex,
            "SHA256:" + hex,
            hex)) {
      assertThat(PublishedLock.isDigest(digest))
          .as("'%s'", digest)
          .isEqualTo(DIGEST.matcher(digest).matches());
    }
  }
}
