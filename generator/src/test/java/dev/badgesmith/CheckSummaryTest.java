package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckSummaryTest {
  @Test
  void namesAreShownWithTheEscapesOfDiagnosticsNotObeyed() {
    // A line end (a space), ESC, a C1 control and a right-to-left override in a badge or
    // recipient's name.
    assertThat(CheckSummary.escape("Ada\n::warning::x\u001b[8m\u0085\u202eevil"))
        .isEqualTo("Ada \\:\\:warning\\:\\:x\\\\u001b\\[8m\\\\u0085\\\\u202eevil");
  }

  @Test
  void escapingLeavesLettersDigitsAndSpacesAlone() {
    assertThat(CheckSummary.escape("Zoë Ünal 3rd\nline")).isEqualTo("Zoë Ünal 3rd line");
    assertThat(CheckSummary.escape("a_b#c`d&e")).isEqualTo("a\\_b\\#c\\`d&amp;e");
  }

  @Test
  void plainNamesAreKeptAsWritten() {
    assertThat(CheckSummary.escape("Zoë Ångström 李")).isEqualTo("Zoë Ångström 李");
  }
}
