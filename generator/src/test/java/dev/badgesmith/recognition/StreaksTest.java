package dev.badgesmith.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Streaks of months with a new award, across year ends and gaps. */
class StreaksTest {
  private static TreeSet<YearMonth> months(String... written) {
    return new TreeSet<>(List.of(written).stream().map(YearMonth::parse).toList());
  }

  @Test
  void aStreakRunsOverTheEndOfAYear() {
    TreeSet<YearMonth> months = months("2025-11", "2025-12", "2026-01", "2026-03");
    assertThat(RecognitionBoard.longestStreak(months)).isEqualTo(3);
    assertThat(RecognitionBoard.currentStreak(months, YearMonth.parse("2026-01"))).isEqualTo(3);
  }

  @Test
  void theCurrentStreakWaitsForTheMonthToEndButNotLonger() {
    TreeSet<YearMonth> months = months("2026-01", "2026-02");
    // March has no award yet: the run up to February still stands.
    assertThat(RecognitionBoard.currentStreak(months, YearMonth.parse("2026-03"))).isEqualTo(2);
    // A whole month without one ends it.
    assertThat(RecognitionBoard.currentStreak(months, YearMonth.parse("2026-04"))).isZero();
    assertThat(RecognitionBoard.longestStreak(months)).isEqualTo(2);
  }

  @Test
  void noMonthsNoStreak() {
    assertThat(RecognitionBoard.longestStreak(months())).isZero();
    assertThat(RecognitionBoard.currentStreak(months(), YearMonth.parse("2026-04"))).isZero();
  }
}
