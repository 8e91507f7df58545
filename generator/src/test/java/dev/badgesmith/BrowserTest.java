package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page of the built example site in a real browser ({@link BrowserRun}): each page type is
 * there, every page loads with no console error and no failed request, axe-core finds no serious or
 * critical violation in light or dark mode, and screenshots of each type are kept at phone and
 * desktop widths. Skips when Chromium or Node is absent.
 */
class BrowserTest {
  private static BrowserRun run;

  @BeforeAll
  static void runBrowser() throws IOException {
    run = BrowserRun.get();
  }

  @Test
  void everyPageTypeIsFoundInTheBuiltSite() {
    assertThat(run.types().values())
        .contains("index", "badge", "award", "award-revoked", "verify", "endorsement");
  }

  @Test
  void everyPageLoadsWithoutConsoleErrorsOrFailedRequests() {
    assertThat(run.result().path("pages")).hasSameSizeAs(run.types().keySet());
    for (JsonNode page : run.result().path("pages")) {
      assertThat(BrowserRun.strings(page.path("problems")))
          .as(page.path("path").asText())
          .isEmpty();
    }
  }

  @Test
  void axeFindsNoSeriousOrCriticalViolationInLightOrDarkMode() {
    for (JsonNode page : run.result().path("pages")) {
      for (String scheme : List.of("light", "dark")) {
        List<String> serious = new ArrayList<>();
        for (JsonNode v : page.path("violations").path(scheme)) {
          String impact = v.path("impact").asText();
          if (impact.equals("serious") || impact.equals("critical")) {
            serious.add(
                impact
                    + " "
                    + v.path("id").asText()
                    + ": "
                    + v.path("help").asText()
                    + " "
                    + v.path("targets"));
          }
        }
        assertThat(serious).as(page.path("path").asText() + " (" + scheme + ")").isEmpty();
      }
    }
  }

  @Test
  void keepsScreenshotsOfEveryPageTypeAtPhoneAndDesktopWidthsInLightAndDark() {
    for (String type : run.types().values()) {
      for (String variant :
          List.of("mobile-light", "mobile-dark", "desktop-light", "desktop-dark")) {
        assertThat(BrowserRun.SCREENSHOTS.resolve(type + "-" + variant + ".png")).isNotEmptyFile();
      }
    }
    assertThat(BrowserRun.SCREENSHOTS.resolve("verify-result-jwt.png")).isNotEmptyFile();
  }
}
