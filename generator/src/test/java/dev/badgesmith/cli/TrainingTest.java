package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training run: every step succeeds on the site {@code init --signing} writes today,
 * so its archive holds what a signed build loads; a change to that site which the training's edit
 * no longer fits fails here, not silently in the archive.
 */
class TrainingTest {
  @TempDir Path tmp;

  @Test
  void buildsTheStarterSiteSignedBothWaysAndRebuildsItAfterAnAward() throws Exception {
    List<String> failed = Training.train(tmp);

    assertThat(failed).isEmpty();
    Path credentials = tmp.resolve("out/credentials/welcome");
    JsonNode credential =
        new ObjectMapper().readTree(credentials.resolve("second-earner.json").toFile());
    assertThat(credential.path("proof").findValuesAsText("cryptosuite"))
        .containsExactly("eddsa-rdfc-2022");
    String jwt = Files.readString(credentials.resolve("second-earner.jwt"));
    String header =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
    assertThat(new ObjectMapper().readTree(header).path("alg").asText()).isEqualTo("RS256");
  }

  @Test
  void addsTheProofKeyToTheSigningSettings() {
    String settings =
        "signing:\n  jwt: rsa-1\n  keys:\n    - id: rsa-1\n      algorithm: RS256\nlanguage: en\n";

    assertThat(Training.withDataIntegrity(settings))
        .isEqualTo(
            "signing:\n  jwt: rsa-1\n  dataIntegrity: ed-1\n  keys:\n    - id: rsa-1\n"
                + "      algorithm: RS256\n    - id: ed-1\n      algorithm: Ed25519\nlanguage: en\n");
  }
}
