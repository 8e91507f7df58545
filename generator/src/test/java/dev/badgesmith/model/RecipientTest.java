package dev.badgesmith.model;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecipientTest {
  private static final String HEX = "0123456789abcdef".repeat(4);

  @Test
  void takesSha256AndSixtyFourLowercaseHexDigits() {
    assertThatCode(() -> new Recipient("email", "sha256$" + HEX, "salt", Optional.empty()))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAnythingElseAsTheIdentity() {
    for (String identity :
        new String[] {
          "sha256$" + HEX.toUpperCase(java.util.Locale.ROOT),
          "sha256$" + HEX.substring(1),
          "sha256$" + HEX + "0",
          "sha256$" + HEX + "\n",
          "sha512$" + HEX,
          "SHA256$" + HEX,
          "sha256$" + HEX.substring(1) + "g",
          "learner@example.org",
          ""
        }) {
      assertThatThrownBy(() -> new Recipient("email", identity, "salt", Optional.empty()))
          .as(identity)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
