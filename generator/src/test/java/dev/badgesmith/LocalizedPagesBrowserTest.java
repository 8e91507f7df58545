package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.testing.NodePackages;
import dev.badgesmith.testing.StaticHost;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example site's German pages (under {@code de/}), in the real browser {@link BrowserTest} uses
 * (its {@code browser.cjs}): every page loads without errors, axe finds no serious violation in
 * German pages, and the verify and skills search scripts speak German. Skips as it does.
 */
class LocalizedPagesBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE_URL = "https://badges.rustacean-guild.example/";

  @TempDir static Path tmp;
  private static Path served;
  private static StaticHost host;
  private static JsonNode result;

  @BeforeAll
  static void runBrowser() throws Exception {
    Path chromium = Path.of(System.getProperty("badgesmith.chromium", "/usr/bin/chromium"));
    assumeTrue(
        Files.isExecutable(chromium),
        "skipped: no Chromium at " + chromium + " (Debian: apt-get install chromium)");
    Optional<Path> node =
        NodePackages.install("target/node-browser", "playwright-core@1.65.1", "axe-core@4.14.1");
    assumeTrue(node.isPresent(), "skipped: node and npm are needed for the browser tests");

    // The example site publishes its German pages under de/; they are what is tested here.
    served = tmp.resolve("served");
    Path built = served.resolve("site");
    assertThat(TestSites.withoutSaltWarning(TestSites.buildExample(built).diagnostics())).isEmpty();
    Path german = built.resolve("de");

    host = StaticHost.start().serve(served, "/");
    String local = host.origin() + "/";

    ObjectNode config = JSON.createObjectNode();
    config.put("chromium", chromium.toString());
    config.put("screenshots", Path.of("target/screenshots-de").toAbsolutePath().toString());
    ObjectNode site = config.putObject("sites").putObject("de");
    site.put("local", local + "site/");
    site.put("baseUrl", BASE_URL);
    ArrayNode pages = config.putArray("pages");
    try (Stream<Path> walk = Files.walk(german)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        String path = "de/" + german.relativize(file).toString().replace('\\', '/');
        ObjectNode page = pages.addObject();
        page.put("site", "de");
        page.put("type", path.replace("/index.html", "").replace('/', '-'));
        page.put("path", path);
        page.put("screenshot", false);
      }
    }
    ObjectNode verify = config.putArray("verify").addObject();
    verify.put("name", "ob3 png");
    verify.put("site", "de");
    verify.put("file", built.resolve("credentials/code-reviewer/amara-okafor.png").toString());
    verify.put("pageUrl", local + "site/de/verify/index.html");
    verify.put("drop", false);
    ObjectNode search = config.putArray("skillsSearch").addObject();
    search.put("name", "skills search");
    search.put("site", "de");
    search.put("path", "de/skills/search/");
    search.put("query", "Reviewing");
    search.put("nothing", "no such skill");
    search.put("link", "?q=lifetimes&framework=the-rust-programming-language");

    Path configFile = tmp.resolve("browser-config.json");
    Path resultFile = tmp.resolve("browser-result.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(configFile.toFile(), config);
    NodePackages.run(
        node.get(),
        Path.of("src/test/node/browser.cjs"),
        configFile.toString(),
        resultFile.toString());
    result = JSON.readTree(resultFile.toFile());
  }

  @AfterAll
  static void stopServer() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void theGermanPagesSayItInGermanWithGermanDates() throws IOException {
    Document award =
        Jsoup.parse(
            served.resolve("site/de/assertions/code-reviewer/amara-okafor/index.html").toFile(),
            "UTF-8");
    assertThat(award.selectFirst("html").attr("lang")).isEqualTo("de");
    assertThat(award.select("#share").text()).isEqualTo("Teilen und prüfen");
    assertThat(award.select(".meta time").first().text())
        .matches("\\d{1,2}\\. [A-ZÄÖÜ][a-zä]+ \\d{4}");
    assertThat(award.select(".skip-link").text()).isEqualTo("Zum Inhalt springen");
  }

  @Test
  void everyGermanPageLoadsAndAxeFindsNoSeriousViolation() {
    assertThat(result.path("pages").size()).isGreaterThan(10);
    for (JsonNode page : result.path("pages")) {
      String path = page.path("path").asText();
      assertThat(strings(page.path("problems"))).as(path).isEmpty();
      for (String scheme : List.of("light", "dark")) {
        List<String> serious = new ArrayList<>();
        for (JsonNode v : page.path("violations").path(scheme)) {
          String impact = v.path("impact").asText();
          if (impact.equals("serious") || impact.equals("critical")) {
            serious.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText());
          }
        }
        assertThat(serious).as(path + " (" + scheme + ")").isEmpty();
      }
    }
  }

  @Test
  void theVerifyScriptSpeaksThePagesLanguage() {
    JsonNode verified = result.path("verify").get(0);
    assertThat(verified.path("error").asText()).isEmpty();
    assertThat(verified.path("verdict").asText()).isEqualTo("pass");
    assertThat(verified.path("steps").findValuesAsText("step")).contains("format", "proof");
    // The messages of the steps are the page's: "Open-Badges-3.0-Nachweis als VC-JWT, ...".
    assertThat(verified.path("steps").findValuesAsText("message"))
        .anyMatch(m -> m.contains("gebacken"))
        .noneMatch(m -> m.contains("baked"));
  }

  @Test
  void theSkillsSearchScriptCountsInThePagesLanguage() {
    JsonNode search = result.path("skillsSearch").get(0);
    assertThat(search.path("error").asText()).isEmpty();
    assertThat(search.path("problems")).isEmpty();
    JsonNode query = search.path("steps").get(1);
    assertThat(query.path("label").asText()).isEqualTo("query");
    // Filtered: "1 von 12 Kompetenzen angezeigt", in the words the page gave the script.
    assertThat(query.path("status").asText()).matches("\\d+ von \\d+ Kompetenz(en)? angezeigt");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
