package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The skills search page in a real browser ({@link BrowserRun}): without script it lists every
 * skill; with it, the keyboard filters by words and by framework, a link carries a filter, and
 * axe-core finds no serious violation on the filtered page. Skips when Chromium or Node is absent.
 */
class SkillsSearchBrowserTest {
  private static BrowserRun run;

  @BeforeAll
  static void runBrowser() throws IOException {
    run = BrowserRun.get();
  }

  @Test
  void theSkillsSearchPageListsEverySkillWithoutScript() throws IOException {
    JsonNode search = skillsSearch();
    List<String> all = allSkills();
    assertThat(all).hasSize(5);
    assertThat(BrowserRun.strings(search.path("noScript").path("skills"))).isEqualTo(all);
    assertThat(search.path("noScript").path("filterShown").asBoolean()).isFalse();
    assertThat(search.path("noScript").path("status").asText()).isEqualTo("5 skills");
    // With script, nothing is hidden until a filter asks.
    JsonNode loaded = searchStep(search, "loaded");
    assertThat(BrowserRun.strings(loaded.path("skills"))).isEqualTo(all);
    assertThat(loaded.path("filterShown").asBoolean()).isTrue();
  }

  @Test
  void theSkillsSearchPageFiltersBySkillAndFrameworkFromTheKeyboard() {
    JsonNode search = skillsSearch();
    JsonNode query = searchStep(search, "query");
    assertThat(query.path("focused").asText()).isEqualTo("skill-query");
    assertThat(BrowserRun.strings(query.path("skills"))).containsExactly("Reviewing changes");
    assertThat(query.path("status").asText()).isEqualTo("1 of 5 skills shown");
    assertThat(query.path("search").asText()).isEqualTo("?q=Reviewing");

    JsonNode framework = searchStep(search, "framework");
    assertThat(framework.path("focused").asText()).isEqualTo("skill-framework");
    assertThat(BrowserRun.strings(framework.path("frameworks")))
        .containsExactly("guild-contribution-skills");
    assertThat(BrowserRun.strings(framework.path("skills")))
        .containsExactly("Proposing changes", "Reviewing changes");
    assertThat(framework.path("status").asText()).isEqualTo("2 of 5 skills shown");

    JsonNode next = searchStep(search, "next framework");
    assertThat(BrowserRun.strings(next.path("frameworks")))
        .containsExactly("the-rust-programming-language");
    assertThat(next.path("skills")).hasSize(3);

    JsonNode nothing = searchStep(search, "nothing");
    assertThat(nothing.path("skills")).isEmpty();
    assertThat(nothing.path("frameworks")).isEmpty();
    assertThat(nothing.path("noneShown").asBoolean()).isTrue();
    assertThat(nothing.path("status").asText()).isEqualTo("0 of 5 skills shown");

    // A link that carries a filter opens the page filtered.
    JsonNode link = searchStep(search, "link");
    assertThat(BrowserRun.strings(link.path("skills")))
        .containsExactly("Validating References with Lifetimes");
    assertThat(search.path("linkedQuery").asText()).isEqualTo("lifetimes");
    assertThat(BrowserRun.SCREENSHOTS.resolve("skills-search-filtered.png")).isNotEmptyFile();
  }

  @Test
  void axeFindsNoSeriousViolationOnTheFilteredSkillsSearchPage() {
    List<String> serious = new ArrayList<>();
    for (JsonNode v : skillsSearch().path("violations")) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        serious.add(impact + " " + v.path("id").asText() + " " + v.path("targets"));
      }
    }
    assertThat(serious).isEmpty();
  }

  private static JsonNode skillsSearch() {
    JsonNode search = run.result().path("skillsSearch").path(0);
    assertThat(search.path("error").asText("")).isEmpty();
    assertThat(BrowserRun.strings(search.path("problems"))).isEmpty();
    return search;
  }

  private static JsonNode searchStep(JsonNode search, String label) {
    for (JsonNode step : search.path("steps")) {
      if (step.path("label").asText().equals(label)) {
        return step;
      }
    }
    throw new AssertionError("no step " + label + " in " + search);
  }

  /** The skills of the built search page, in page order, as its HTML lists them. */
  private static List<String> allSkills() throws IOException {
    org.jsoup.nodes.Document page =
        org.jsoup.Jsoup.parse(
            Files.readString(run.served().resolve("example/skills/search/index.html"), UTF_8));
    List<String> names = new ArrayList<>();
    for (org.jsoup.nodes.Element h3 : page.select("li.skill > h3")) {
      names.add(h3.childNode(0) instanceof org.jsoup.nodes.Element e ? e.text() : h3.ownText());
    }
    return names;
  }
}
