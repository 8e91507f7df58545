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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site in English, German and Arabic (the golden site {@code multilingual}) in Debian's headless
 * Chromium, with the browser tests' packages (playwright-core, axe-core): axe finds no serious or
 * critical violation on a page of each language, the Arabic page runs right to left, and every
 * language switcher link and {@code hreflang} alternate loads the page in its language. Skips when
 * Chromium or Node is absent.
 */
class LanguagesBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE_URL = "https://badges.open-kitchen.example/";
  private static final List<String> PAGES =
      List.of(
          "index.html",
          "de/index.html",
          "ar/index.html",
          "badges/first-steps/index.html",
          "de/badges/first-steps/index.html",
          "ar/badges/first-steps/index.html",
          "ar/assertions/first-steps/amira/index.html");

  @TempDir static Path tmp;
  static StaticHost host;
  static Path site;
  static Map<String, JsonNode> results = new HashMap<>();

  @BeforeAll
  static void runBrowser() throws Exception {
    Path chromium = Path.of(System.getProperty("badgesmith.chromium", "/usr/bin/chromium"));
    assumeTrue(
        Files.isExecutable(chromium),
        "skipped: no Chromium at " + chromium + " (Debian: apt-get install chromium)");
    Optional<Path> node =
        NodePackages.install("target/node-browser", "playwright-core@1.65.1", "axe-core@4.14.1");
    assumeTrue(node.isPresent(), "skipped: node and npm are needed for the browser tests");

    site = tmp.resolve("site");
    Report report =
        Badgesmith.builder().build().build(TestSites.resources("sites/multilingual/input"), site);
    assertThat(report.hasErrors()).as(report.diagnostics().toString()).isFalse();

    host = StaticHost.start().serve(site, "/");

    ObjectNode config = JSON.createObjectNode();
    config.put("chromium", chromium.toString());
    config.put("local", host.origin() + "/");
    config.put("baseUrl", BASE_URL);
    ArrayNode pages = config.putArray("pages");
    PAGES.forEach(pages::add);
    Path configFile = Files.writeString(tmp.resolve("config.json"), config.toString());
    Path resultFile = tmp.resolve("result.json");
    NodePackages.run(
        node.get(),
        Path.of("src/test/node/languages.cjs"),
        configFile.toString(),
        resultFile.toString());
    for (JsonNode result : JSON.readTree(resultFile.toFile()).path("results")) {
      results.put(result.path("path").asText(), result);
    }
  }

  @AfterAll
  static void stop() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void axeFindsNoSeriousViolationOnAPageOfEachLanguage() {
    assertThat(results).containsOnlyKeys(PAGES);
    results.forEach(
        (path, result) -> {
          assertThat(result.path("problems")).as(path + " problems").isEmpty();
          List<String> serious = new ArrayList<>();
          for (JsonNode v : result.path("violations")) {
            if (List.of("serious", "critical").contains(v.path("impact").asText())) {
              serious.add(v.path("id").asText() + ": " + v.path("help").asText() + " " + v);
            }
          }
          assertThat(serious).as(path).isEmpty();
        });
  }

  @Test
  void theArabicPagesRunRightToLeftAndTheOthersLeftToRight() {
    for (String path : PAGES) {
      JsonNode facts = results.get(path).path("facts");
      boolean arabic = path.startsWith("ar/");
      assertThat(facts.path("lang").asText())
          .as(path)
          .isEqualTo(arabic ? "ar" : path.startsWith("de/") ? "de" : "en");
      assertThat(facts.path("dir").asText()).as(path).isEqualTo(arabic ? "rtl" : "ltr");
      assertThat(facts.path("direction").asText()).as(path).isEqualTo(arabic ? "rtl" : "ltr");
      // The heading's text starts at the side its direction starts from, and leaves room at the
      // other end (each heading is shorter than the page is wide).
      double left = facts.path("textLeft").asDouble();
      double right = facts.path("textRight").asDouble();
      if (arabic) {
        assertThat(right).as(path + " text's right edge to its box's").isLessThan(1.0);
        assertThat(left).as(path + " room on the left").isGreaterThan(50.0);
      } else {
        assertThat(left).as(path + " text's left edge to its box's").isLessThan(1.0);
        assertThat(right).as(path + " room on the right").isGreaterThan(50.0);
      }
    }
    assertThat(
            results.get("ar/badges/first-steps/index.html").path("facts").path("heading").asText())
        .isEqualTo("الخطوات الأولى");
  }

  @Test
  void everySwitcherLinkAndAlternateLoadsThePageInItsLanguage() {
    results.forEach(
        (path, result) -> {
          JsonNode facts = result.path("facts");
          List<String> languages = new ArrayList<>();
          for (JsonNode link : facts.path("switcher")) {
            languages.add(link.path("lang").asText());
            JsonNode loaded = result.path("statuses").path(link.path("href").asText());
            assertThat(loaded.path("status").asInt()).as(path + " " + link).isEqualTo(200);
            assertThat(loaded.path("lang").asText())
                .as(path + " " + link)
                .isEqualTo(link.path("lang").asText());
            boolean current = link.path("href").asText().equals(BASE_URL + page(path));
            assertThat(link.path("current").asText(null))
                .as(path + " " + link)
                .isEqualTo(current ? "page" : null);
          }
          assertThat(languages).as(path).containsExactly("en", "de", "ar");
          List<String> hreflangs = new ArrayList<>();
          for (JsonNode alternate : facts.path("alternates")) {
            hreflangs.add(alternate.path("hreflang").asText());
            JsonNode loaded = result.path("statuses").path(alternate.path("href").asText());
            assertThat(loaded.path("status").asInt()).as(path + " " + alternate).isEqualTo(200);
          }
          assertThat(hreflangs).as(path).containsExactly("en", "de", "ar", "x-default");
        });
    JsonNode names = results.get("de/index.html").path("facts").path("switcher");
    assertThat(names.findValuesAsText("text")).containsExactly("English", "Deutsch", "العربية");
  }

  /** The URL path of a page's file: {@code de/index.html} is {@code de/}. */
  private static String page(String file) {
    return file.endsWith("index.html")
        ? file.substring(0, file.length() - "index.html".length())
        : file;
  }
}
