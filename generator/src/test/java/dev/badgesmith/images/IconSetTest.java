package dev.badgesmith.images;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The icons of designs come from the Bootstrap Icons jar, drawn only with shapes. */
class IconSetTest {

  @Test
  void listsTheSetsIconsAndReadsThemFromTheJar() {
    assertThat(IconSet.names()).hasSizeGreaterThan(1500).contains("award", "star-fill").isSorted();
    assertThat(IconSet.has("award")).isTrue();
    assertThat(IconSet.has("../award")).isFalse();
    assertThat(IconSet.elements("award"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e).matches("<(path|circle|rect)( [a-z-]+=\"[^\"]*\")*/>"))
        .noneSatisfy(e -> assertThat(e).contains("class="));
  }
}
