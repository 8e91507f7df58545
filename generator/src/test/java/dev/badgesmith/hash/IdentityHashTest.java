package dev.badgesmith.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityHashTest {

  @Test
  void hashesTheSpecificationsExample() {
    // Open Badges 2.0, IdentityHash: a@example.com with salt "Kosher".
    assertThat(IdentityHash.hash("a@example.com", "Kosher"))
        .isEqualTo("sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399");
  }

  @Test
  void hashesWithoutSaltLikeTheSpecification() {
    // The specification's example prints only the ends of this digest.
    assertThat(IdentityHash.hash("mayze", "")).startsWith("sha256$7a1a1b3f").endsWith("c60c6");
  }

  @Test
  void derivesTheSameSaltForTheSameAward() {
    assertThat(IdentityHash.salt(Optional.empty(), "intro", "jane"))
        .isEqualTo(IdentityHash.salt(Optional.empty(), "intro", "jane"))
        .hasSize(32)
        .matches("[0-9a-f]{32}");
  }

  @Test
  void derivesADifferentSaltPerAwardAndPerSecret() {
    String plain = IdentityHash.salt(Optional.empty(), "intro", "jane");
    assertThat(IdentityHash.salt(Optional.empty(), "intro", "bob")).isNotEqualTo(plain);
    assertThat(IdentityHash.salt(Optional.of("s3cret"), "intro", "jane"))
        .isNotEqualTo(plain)
        .isNotEqualTo(IdentityHash.salt(Optional.of("other"), "intro", "jane"));
  }
}
