package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.testing.Workflows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example site carries the workflows and CODEOWNERS that {@code init} writes, adapted to where
 * it lives: {@code example-site/} of this repository, checked and built with the Badgesmith of the
 * same commit.
 */
class ExampleSiteWorkflowsTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path EXAMPLE = REPOSITORY.resolve("example-site");
  private static final String JAR = "generator/target/badgesmith.jar";
  private static final String MAKE_JAR = "mvn -B -q -pl generator -am package -DskipTests";

  @Test
  void theCheckWorkflowChecksTheExampleSiteWithTheBadgesmithOfTheSameCommit() {
    JsonNode check = Workflows.read(EXAMPLE.resolve(".github/workflows/check.yml"));

    Workflows.assertChecksPullRequests(check, JAR, "example-site");
    assertThat(Workflows.runs(check))
        .containsSubsequence(MAKE_JAR, "java -jar " + JAR + " check example-site");
    assertThat(REPOSITORY.resolve("generator/pom.xml")).exists();
  }

  @Test
  void theDeployWorkflowSignsWithEveryKeyOfTheSiteFromSecrets() throws IOException {
    JsonNode deploy = Workflows.read(EXAMPLE.resolve(".github/workflows/deploy.yml"));
    List<String> variables = new ArrayList<>();
    new YAMLMapper()
        .readTree(EXAMPLE.resolve("site.yaml").toFile())
        .at("/signing/keys")
        .forEach(key -> variables.add(PrivateKeys.environmentVariable(key.get("id").asText())));
    assertThat(variables).hasSize(2);

    Workflows.assertBuildsAndDeploys(
        deploy,
        JAR,
        "example-site --out example-site/public --keys example-keys",
        "example-site/public",
        variables);
    assertThat(Workflows.runs(deploy)).contains(MAKE_JAR);
    assertThat(REPOSITORY.resolve("example-keys")).isDirectory();
  }

  @Test
  void codeownersDelegatesEveryBadgesAwardsFolder() throws IOException {
    List<String> rules =
        Files.readAllLines(EXAMPLE.resolve(".github/CODEOWNERS")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList();
    List<String> badges;
    try (Stream<Path> folders = Files.list(EXAMPLE.resolve("awards"))) {
      badges = folders.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(badges).hasSizeGreaterThanOrEqualTo(4);
    for (String badge : badges) {
      assertThat(rules)
          .as("a rule for awards/%s/", badge)
          .anyMatch(l -> l.matches("/example-site/awards/" + badge + "/\\s+@\\S+"));
    }
  }
}
