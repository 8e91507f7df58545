package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.testing.NodePackages;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example site's CASE framework ({@code frameworks/guild-skills.json}) in what the build
 * publishes: the alignments it fills, {@code skills/index.json} and its schema, and the skills page
 * that follows the framework's hierarchy.
 */
class SkillsIndexTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://badges.rustacean-guild.example/";
  private static final String ITEMS = "https://case.rustacean-guild.example/uri/";
  private static final String REVIEWING = ITEMS + "6f1c0a52-3d8e-4b7a-9c41-0e2b5d7a1120";
  private static final String COLLABORATING = ITEMS + "6f1c0a52-3d8e-4b7a-9c41-0e2b5d7a1100";

  @TempDir static Path tmp;
  private static Map<String, byte[]> out;

  @BeforeAll
  static void build() {
    Report report = TestSites.buildExample(tmp.resolve("out"));
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    out = TestSites.read(tmp.resolve("out"));
  }

  private static JsonNode json(String path) throws IOException {
    assertThat(out).containsKey(path);
    return JSON.readTree(out.get(path));
  }

  @Test
  void aCaseItemFillsTheAlignmentOfBothOpenBadgesVersions() throws IOException {
    JsonNode ob2 = json("badges/code-reviewer.json").path("alignment").get(0);
    assertThat(ob2.path("targetName").asText()).isEqualTo("Reviewing changes");
    assertThat(ob2.path("targetUrl").asText()).isEqualTo(REVIEWING);
    assertThat(ob2.path("targetCode").asText()).isEqualTo("GCS.1.2");
    assertThat(ob2.path("targetFramework").asText()).isEqualTo("Guild Contribution Skills");
    assertThat(ob2.path("targetDescription").asText()).startsWith("Reviews a pull request");
    // The OB 2.0 context defines no targetType: only OB 3.0 says what kind of target it is.
    assertThat(ob2.has("targetType")).isFalse();

    JsonNode ob3 = json("achievements/code-reviewer.json").path("alignment").get(0);
    assertThat(ob3.path("targetType").asText()).isEqualTo("CFItem");
    assertThat(ob3.path("targetUrl").asText()).isEqualTo(REVIEWING);
    assertThat(ob3.path("targetCode").asText()).isEqualTo("GCS.1.2");
    // A hand-written alignment names no type.
    JsonNode written = json("achievements/ownership-fundamentals.json").path("alignment").get(0);
    assertThat(written.has("targetType")).isFalse();
  }

  @Test
  void theIndexListsEverySkillWithItsBadgesAndLiveAwardsInAStableOrder() throws IOException {
    JsonNode index = json("skills/index.json");
    assertThat(index.path("site").asText()).isEqualTo(BASE);
    assertThat(index.path("schema").asText()).isEqualTo(BASE + "schemas/skills-index.schema.json");
    List<String> order = new ArrayList<>();
    for (JsonNode skill : index.path("skills")) {
      order.add(skill.path("framework").asText() + " " + skill.path("code").asText());
      int sum = 0;
      for (JsonNode badge : skill.path("badges")) {
        sum += badge.path("liveAwards").asInt();
      }
      assertThat(skill.path("liveAwards").asInt()).isEqualTo(sum);
    }
    assertThat(order)
        .containsExactly(
            "Guild Contribution Skills GCS.1.1",
            "Guild Contribution Skills GCS.1.2",
            "The Rust Programming Language ch04",
            "The Rust Programming Language ch04-02",
            "The Rust Programming Language ch10-03");
    JsonNode reviewing = index.path("skills").get(1);
    assertThat(reviewing.path("type").asText()).isEqualTo("CFItem");
    assertThat(reviewing.path("url").asText()).isEqualTo(REVIEWING);
    assertThat(reviewing.path("isChildOf").get(0).asText()).isEqualTo(COLLABORATING);
    assertThat(reviewing.path("badges").get(0).path("id").asText()).isEqualTo("code-reviewer");
    // Four first-contribution awards, none revoked and none with an expiry.
    assertThat(index.path("skills").get(0).path("liveAwards").asInt()).isEqualTo(4);
    // One of the five ownership-fundamentals awards is revoked.
    assertThat(index.path("skills").get(2).path("liveAwards").asInt()).isEqualTo(4);
  }

  @Test
  void ajvValidatesTheIndexAgainstItsPublishedSchema() throws IOException {
    byte[] schema = out.get("schemas/skills-index.schema.json");
    assertThat(schema)
        .isEqualTo(
            Files.readAllBytes(
                Path.of("src/main/resources/badgesmith/schemas/skills-index.schema.json")));
    Optional<Path> ajv = NodePackages.install("target/node-ajv", "ajv@8", "ajv-formats@3");
    assumeTrue(ajv.isPresent(), "skipped: node and npm are needed for ajv");
    Path schemaFile = Files.write(tmp.resolve("skills-index.schema.json"), schema);
    Path index = Files.write(tmp.resolve("skills-index.json"), out.get("skills/index.json"));
    String report =
        NodePackages.run(
            ajv.get(),
            Path.of("src/test/node/validate-ajv.cjs"),
            schemaFile.toString(),
            index.toString());
    assertThat(report.lines()).containsExactly("ok " + index);
  }

  @Test
  void theSkillsPageNestsEachCaseItemUnderItsParent() {
    String page = new String(out.get("skills/index.html"), UTF_8);
    int parent = page.indexOf("<h3><a href=\"" + COLLABORATING + "\">Collaborating on code</a>");
    int child = page.indexOf("<h4><a href=\"" + REVIEWING + "\">Reviewing changes</a>");
    assertThat(parent).isPositive();
    assertThat(child).isGreaterThan(parent);
    // The child's list sits inside the parent's item: no item closes between them.
    String between = page.substring(parent, child);
    assertThat(between).contains("<ul class=\"skills\">").doesNotContain("</ul>");
    // The parent has no badge of its own: it is shown for the items under it.
    assertThat(between.substring(0, between.indexOf("<ul class=\"skills\">")))
        .doesNotContain("Badges:");
  }
}
