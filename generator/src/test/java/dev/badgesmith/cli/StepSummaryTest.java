package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepSummaryTest {
  @Test
  void namesAreShownWithTheEscapesOfDiagnosticsNotObeyed() {
    // A line end (a space), ESC, a C1 control and a right-to-left override in a badge or
    // recipient's name.
    assertThat(StepSummary.escape("Ada\n::warning::x\u001b[8m\u0085\u202eevil"))
        .isEqualTo("Ada \\:\\:warning\\:\\:x\\\\u001b\\[8m\\\\u0085\\\\u202eevil");
  }

  @Test
  void plainNamesAreKeptAsWritten() {
    assertThat(StepSummary.escape("Zoë Ångström 李")).isEqualTo("Zoë Ångström 李");
  }
}
