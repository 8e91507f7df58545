package dev.badgesmith.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteOrderMarkTest {
  @Test
  void dropsOneLeadingMarkAndNothingElse() {
    assertThat(ByteOrderMark.strip("\uFEFFname: Intro")).isEqualTo("name: Intro");
    assertThat(ByteOrderMark.strip("name: \uFEFFIntro")).isEqualTo("name: \uFEFFIntro");
    assertThat(ByteOrderMark.strip("\uFEFF\uFEFFx")).isEqualTo("\uFEFFx");
    assertThat(ByteOrderMark.strip("")).isEmpty();
  }
}
