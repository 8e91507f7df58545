package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.testing.NodePackages;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code pages.recognition}: the recognition page and {@code recognition.json} of a site whose
 * earners are named every way an award can name them. Only URL and DID earners who did not opt out
 * are on it, ranked as its rules say, with streaks in the site's time zone as of the build date.
 */
class RecognitionSiteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant BUILD_DATE = Instant.parse("2026-12-07T12:00:00Z");
  private static final String BASE = "https://badges.example.org/guild/";
  private static final String HASH =
      "sha256$5f2b1c0a1e54c1a4ab2d4ad8f3c5a3e3f1e7a7b4c2d9e0f1a2b3c4d5e6f7a8b9";

  private static final String SITE =
      """
      -- site.yaml
      title: Test Guild
      baseUrl: https://badges.example.org/guild/
      timeZone: Europe/Berlin
      pages:
        recognition: true
        recognitionOptOut:
          - HTTPS://Opted.Example.net
      %s
      -- issuers/guild.yaml
      name: The Guild
      url: https://guild.example.org/
      email: badges@guild.example.org
      -- badges/intro.md
      ---
      name: Intro
      description: Took the intro.
      image: badges/art.svg
      ---
      Finish the intro.
      -- badges/advanced.md
      ---
      name: Advanced
      description: Took the advanced course.
      image: badges/art.svg
      ---
      Finish the advanced course.
      -- badges/capstone.md
      ---
      name: Capstone
      description: Both courses, and a project.
      image: badges/art.svg
      requires: [intro, advanced]
      ---
      Finish both courses and a project.
      -- badges/art.svg
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>
      -- awards/intro/ann.yaml
      recipient:
        url: https://ann.example.net/
        name: Ann <b>Lee</b>
      issuedOn: 2026-10-05
      -- awards/advanced/ann.yaml
      recipient:
        url: https://ann.example.net/
        name: Ann <b>Lee</b>
      issuedOn: 2026-11-10
      -- awards/capstone/ann.yaml
      recipient:
        url: https://ann.example.net/
        name: Ann <b>Lee</b>
      issuedOn: 2026-12-01
      -- awards/intro/bob.yaml
      recipient:
        did: did:web:bob.example.net
      issuedOn: 2026-06-01
      -- awards/advanced/bob.yaml
      recipient:
        did: did:web:bob.example.net
      issuedOn: 2026-10-31T23:30:00Z
      -- awards/intro/cy.yaml
      recipient:
        url: https://cy.example.net/
        name: Cy
      issuedOn: 2026-09-01
      -- awards/advanced/cy.yaml
      recipient:
        url: https://cy.example.net/
        name: Cy
      issuedOn: 2026-09-15
      -- awards/intro/dee.yaml
      recipient:
        email: dee@example.org
        name: Dee Private
      issuedOn: 2026-11-01
      -- awards/advanced/dee.yaml
      recipient:
        email: dee@example.org
        name: Dee Private
      issuedOn: 2026-11-02
      -- awards/capstone/dee.yaml
      recipient:
        email: dee@example.org
        name: Dee Private
      issuedOn: 2026-12-02
      -- awards/capstone/hal.yaml
      recipient:
        hashed: %s
        salt: 0a1b2c
        type: url
        name: Hashed Hal
      issuedOn: 2026-12-03
      -- awards/intro/tel.yaml
      recipient:
        telephone: "+44 1234 567890"
        name: Tel Phone
      issuedOn: 2026-12-04
      -- awards/intro/olga.yaml
      recipient:
        url: https://opted.example.net/
        name: Opted Olga
      issuedOn: 2026-12-01
      -- awards/advanced/olga.yaml
      recipient:
        url: https://opted.example.net/
        name: Opted Olga
      issuedOn: 2026-12-02
      -- awards/intro/eve.yaml
      recipient:
        url: https://eve.example.net/
        name: Expired Eve
      issuedOn: 2025-01-01
      expires: 2026-01-01
      -- awards/intro/fay.yaml
      recipient:
        url: https://fay.example.net/
        name: Revoked Fay
      issuedOn: 2026-12-01
      revoked:
        reason: Awarded by mistake
      """;

  private static Map<String, byte[]> build(Path dir, String pagesExtra, Instant date) {
    Path site = TestSites.unpack(dir.resolve("site"), SITE.formatted(pagesExtra, HASH));
    Report report = Badgesmith.builder().buildDate(date).build().build(site, dir.resolve("out"));
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    return TestSites.read(dir.resolve("out"));
  }

  private static JsonNode board(Map<String, byte[]> out) throws IOException {
    assertThat(out).containsKeys("recognition.json", "schemas/recognition.schema.json");
    return JSON.readTree(out.get("recognition.json"));
  }

  @Test
  void ranksUrlAndDidEarnersByLiveBadgesThenPathwaysWithSharedRanks(@TempDir Path tmp)
      throws IOException {
    JsonNode board = board(build(tmp, "", BUILD_DATE));
    assertThat(board.path("site").asText()).isEqualTo(BASE);
    assertThat(board.path("asOf").asText()).isEqualTo("2026-12-07");
    assertThat(board.path("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(board.path("page").asText()).isEqualTo(BASE + "recognition/");
    List<String> rows = new ArrayList<>();
    for (JsonNode e : board.path("earners")) {
      rows.add(
          e.path("rank").asInt()
              + " "
              + e.path("id").asText()
              + " live="
              + e.path("liveBadges").asInt()
              + " pathways="
              + e.path("completedPathways").asInt()
              + " streak="
              + e.path("currentStreak").asInt()
              + "/"
              + e.path("longestStreak").asInt());
    }
    // Bob and Cy tie on two live badges and no pathway: one rank, in the order of their ids.
    // Bob's second award is 2026-10-31 23:30 UTC: 1 November in Berlin, so his months are June
    // and November, and his current streak counts from November while December has no award.
    assertThat(rows)
        .containsExactly(
            "1 https://ann.example.net/ live=3 pathways=1 streak=3/3",
            "2 did:web:bob.example.net live=2 pathways=0 streak=1/1",
            "2 https://cy.example.net/ live=2 pathways=0 streak=0/1");
    JsonNode ann = board.path("earners").get(0);
    assertThat(ann.path("name").asText()).isEqualTo("Ann <b>Lee</b>");
    assertThat(ann.has("earnerPage")).isFalse();
    assertThat(ann.path("newestAwards").get(0).path("badge").asText()).isEqualTo("capstone");
    assertThat(ann.path("newestAwards").get(0).path("award").asText())
        .isEqualTo(BASE + "assertions/capstone/ann/");
    assertThat(board.path("earners").get(1).has("name")).isFalse();
    List<String> newest = new ArrayList<>();
    board
        .path("newestAwards")
        .forEach(a -> newest.add(a.path("earner").asText() + " " + a.path("badge").asText()));
    assertThat(newest)
        .startsWith("https://ann.example.net/ capstone", "https://ann.example.net/ advanced")
        .hasSize(7);
    assertThat(board.path("rules").get(0).asText()).contains("URL").contains("DID");
  }

  @Test
  void theCurrentStreakIsMeasuredFromTheBuildDateNeverTheClock(@TempDir Path tmp)
      throws IOException {
    JsonNode later = board(build(tmp, "", Instant.parse("2027-03-01T00:00:00Z")));
    JsonNode ann = later.path("earners").get(0);
    assertThat(later.path("asOf").asText()).isEqualTo("2027-03-01");
    assertThat(ann.path("currentStreak").asInt()).isZero();
    assertThat(ann.path("longestStreak").asInt()).isEqualTo(3);
  }

  @Test
  void thePageShowsTheBoardEscapedWithItsRules(@TempDir Path tmp) {
    Map<String, byte[]> out = build(tmp, "", BUILD_DATE);
    String page = new String(out.get("recognition/index.html"), UTF_8);
    assertThat(page)
        .contains("Ann &lt;b&gt;Lee&lt;/b&gt;")
        .doesNotContain("<b>Lee</b>")
        .contains("<time datetime=\"2026-12-07\">2026-12-07</time>")
        .contains("How the ranking works")
        .contains("ranked by their live badges")
        .contains("<meta name=\"robots\" content=\"noindex\">")
        .contains("href=\"" + BASE + "recognition.json\"");
    assertThat(page.indexOf("Ann &lt;b&gt;")).isLessThan(page.indexOf("did:web:bob.example.net"));
    assertThat(page.indexOf("did:web:bob.example.net")).isLessThan(page.indexOf("cy.example.net"));
    // Every page links to it.
    assertThat(new String(out.get("index.html"), UTF_8))
        .contains("href=\"" + BASE + "recognition/\"");
  }

  /**
   * Whatever the page settings, no identity but a URL or DID reaches the board: not an e-mail
   * address, a telephone number or a hash, nor the name of an earner named by one; an earner who
   * opted out is not on it either. The plain ones are in no file of the site at all.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  earnerPages: true",
        "  earnerPages: true\n  indexAwards: true\n  listEarners: true"
      })
  void noPrivateRecipientAppearsOnTheBoardWhateverTheSettings(String settings, @TempDir Path tmp)
      throws IOException {
    Map<String, byte[]> out = build(tmp, settings, BUILD_DATE);
    List<String> secret = new ArrayList<>();
    for (String award :
        List.of("intro/dee", "advanced/dee", "capstone/dee", "capstone/hal", "intro/tel")) {
      JsonNode assertion = JSON.readTree(out.get("assertions/" + award + ".json"));
      secret.add(assertion.path("recipient").path("identity").asText());
      secret.add(assertion.path("recipient").path("salt").asText());
    }
    assertThat(secret).contains(HASH);
    secret.addAll(
        List.of(
            "dee@example.org",
            "Dee Private",
            "Hashed Hal",
            "+441234567890",
            "1234 567890",
            "Tel Phone",
            "opted.example.net",
            "Opted Olga",
            "Expired Eve",
            "Revoked Fay"));
    for (String file : List.of("recognition.json", "recognition/index.html")) {
      String text = new String(out.get(file), UTF_8);
      for (String s : secret) {
        assertThat(text).as(file).doesNotContain(s);
      }
      assertThat(text).as(file).contains("ann.example.net", "did:web:bob.example.net");
    }
    for (Map.Entry<String, byte[]> f : out.entrySet()) {
      String text = new String(f.getValue(), UTF_8);
      assertThat(text).as(f.getKey()).doesNotContain("dee@example.org", "+441234567890");
    }
  }

  @Test
  void withEarnerPagesTheBoardLinksEachEarnersPage(@TempDir Path tmp) throws IOException {
    Map<String, byte[]> out = build(tmp, "  earnerPages: true", BUILD_DATE);
    JsonNode ann = board(out).path("earners").get(0);
    assertThat(ann.path("earnerPage").asText()).isEqualTo(BASE + "earners/ann-example-net/");
    assertThat(new String(out.get("recognition/index.html"), UTF_8))
        .contains("href=\"" + BASE + "earners/ann-example-net/\"");
  }

  @Test
  void offByDefault(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Badgesmith.builder().buildDate(BUILD_DATE).build().build(site, tmp.resolve("out"));
    Map<String, byte[]> out = TestSites.read(tmp.resolve("out"));
    assertThat(out).doesNotContainKeys("recognition.json", "recognition/index.html");
    assertThat(out.keySet()).noneMatch(p -> p.contains("recognition"));
    assertThat(new String(out.get("index.html"), UTF_8)).doesNotContain("Recognition");
  }

  @Test
  void ajvValidatesTheBoardAgainstItsPublishedSchema(@TempDir Path tmp) throws IOException {
    Map<String, byte[]> out = build(tmp, "  earnerPages: true", BUILD_DATE);
    byte[] schema = out.get("schemas/recognition.schema.json");
    assertThat(schema)
        .isEqualTo(
            Files.readAllBytes(
                Path.of("src/main/resources/badgesmith/schemas/recognition.schema.json")));
    Optional<Path> ajv = NodePackages.install("target/node-ajv", "ajv@8", "ajv-formats@3");
    assumeTrue(ajv.isPresent(), "skipped: node and npm are needed for ajv");
    Path schemaFile = Files.write(tmp.resolve("recognition.schema.json"), schema);
    Path board = Files.write(tmp.resolve("recognition.json"), out.get("recognition.json"));
    // A board naming an earner by e-mail address breaks the schema: the schema guards it too.
    String leaked =
        new String(out.get("recognition.json"), UTF_8)
            .replace("\"did:web:bob.example.net\"", "\"dee@example.org\"");
    Path bad = Files.writeString(tmp.resolve("leaked.json"), leaked);
    Path script = Path.of("src/test/node/validate-ajv.cjs");
    String report = NodePackages.run(ajv.get(), script, schemaFile.toString(), board.toString());
    assertThat(report.lines()).containsExactly("ok " + board);
    assertThatThrownBy(
            () -> NodePackages.run(ajv.get(), script, schemaFile.toString(), bad.toString()))
        .hasMessageContaining("invalid " + bad)
        .hasMessageContaining("/earners/1/id");
  }
}
