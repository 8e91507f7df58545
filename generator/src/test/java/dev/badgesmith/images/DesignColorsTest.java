package dev.badgesmith.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Colours of designs: hex and palette names, and WCAG 2.x contrast. */
class DesignColorsTest {

  @Test
  void readsHexInAnyCaseAndThePalettesNames() {
    assertThat(DesignColors.parse("#1F3A5F")).contains("#1f3a5f");
    assertThat(DesignColors.parse("navy")).contains("#1f3a5f");
    assertThat(DesignColors.parse("#12345")).isEmpty();
    assertThat(DesignColors.parse("#1f3a5g")).isEqualTo(Optional.empty());
    assertThat(DesignColors.parse("crimson")).isEmpty();
  }

  @Test
  void contrastIsWcagsRatio() {
    assertThat(DesignColors.contrast("#000000", "#ffffff")).isCloseTo(21, within(1e-9));
    assertThat(DesignColors.contrast("#ffffff", "#ffffff")).isCloseTo(1, within(1e-9));
    // WebAIM's checker: #777777 on white is 4.48:1, just under AA; #767676 is 4.54:1.
    assertThat(DesignColors.contrast("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
    assertThat(DesignColors.contrast("#767676", "#ffffff")).isCloseTo(4.54, within(0.01));
  }

  @Test
  void everyPaletteColourHasAReadableForegroundAtAa() {
    for (String hex : DesignColors.PALETTE.values()) {
      assertThat(DesignColors.contrast(hex, DesignColors.readableOn(hex)))
          .as(hex)
          .isGreaterThanOrEqualTo(4.5);
    }
  }
}
