package dev.badgesmith.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {
  @Test
  void matchesTheFipsExamplesAndHashesTextAsUtf8() {
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Sha256.of("café")).isEqualTo(Sha256.of("café".getBytes(StandardCharsets.UTF_8)));
    assertThat(Sha256.of("café"))
        .isNotEqualTo(Sha256.of("café".getBytes(StandardCharsets.ISO_8859_1)));
  }
}
