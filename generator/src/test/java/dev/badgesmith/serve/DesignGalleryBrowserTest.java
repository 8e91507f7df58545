package dev.badgesmith.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.Badgesmith;
import dev.badgesmith.Preview;
import dev.badgesmith.PreviewSettings;
import dev.badgesmith.testing.NodePackages;
import dev.badgesmith.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's design gallery in Debian's headless Chromium (playwright-core, through {@code
 * src/test/node/browser.cjs}, as {@code BrowserTest} drives the built site): the example site with
 * designs drawn from {@code design:} blocks in several shapes and tiers, served by a real preview
 * on 127.0.0.1. It loads with no console error or failed request, axe-core finds no serious or
 * critical violation in light or dark mode, it fits a phone's width, and its screenshots go to
 * {@code target/screenshots/design-gallery-*.png}. Skips when Chromium or Node is absent.
 */
class DesignGalleryBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLE = Path.of("../example-site").toAbsolutePath().normalize();
  private static final Path KEYS = Path.of("../example-keys").toAbsolutePath().normalize();
  private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

  /** Badges drawn from blocks beside the example site's drawn SVGs. */
  private static final String DESIGNS =
      """
      -- badges/meetup-host.md
      ---
      name: Meetup Host
      description: Hosted a monthly meetup.
      issuer: rustacean-guild
      design:
        shape: hexagon
        colors: [teal, white]
        icon: people-fill
        label: Host
        tier: gold
      ---
      Host one of the guild's monthly meetups.
      -- badges/study-group.md
      ---
      name: Study Group
      description: Finished a study group.
      issuer: rustacean-guild
      design:
        shape: shield
        colors: [purple, white]
        icon: book
        label: Study
        tier: silver
      ---
      Finish one of the guild's study groups.
      -- badges/first-talk.md
      ---
      name: First Talk
      description: Gave a first talk.
      issuer: rustacean-guild
      design:
        shape: ribbon
        colors: [yellow, "#f5f5f5"]
        icon: mic-fill
        label: Talk
        tier: bronze
      ---
      Give a talk at a meetup.
      """;

  @Test
  void theGalleryIsAccessibleInLightAndDarkAndFitsAPhone(@TempDir Path tmp) throws Exception {
    Path chromium = Path.of(System.getProperty("badgesmith.chromium", "/usr/bin/chromium"));
    assumeTrue(
        Files.isExecutable(chromium),
        "skipped: no Chromium at " + chromium + " (Debian: apt-get install chromium)");
    Optional<Path> node =
        NodePackages.install("target/node-browser", "playwright-core@1.65.1", "axe-core@4.14.1");
    assumeTrue(node.isPresent(), "skipped: node and npm are needed for the browser tests");

    Path site = tmp.resolve("site");
    TestSites.copy(EXAMPLE, site);
    TestSites.unpack(site, DESIGNS);
    try (Preview preview =
        Badgesmith.builder()
            .keysDirectory(KEYS)
            .build()
            .serve(
                site,
                new PreviewSettings(
                    0,
                    Optional.of(tmp.resolve("out")),
                    List.of(),
                    new Preview.Log() {
                      @Override
                      public void info(String line) {}

                      @Override
                      public void warn(String line) {}

                      @Override
                      public void error(String line) {}
                    }))) {
      String origin = preview.url().resolve("/").toString();
      ObjectNode config = JSON.createObjectNode();
      config.put("chromium", chromium.toString());
      config.put("screenshots", SCREENSHOTS.toString());
      ObjectNode sites = config.putObject("sites");
      ObjectNode served = sites.putObject("preview");
      served.put("local", origin);
      served.put("baseUrl", origin);
      ObjectNode page = config.putArray("pages").addObject();
      page.put("site", "preview");
      page.put("type", "design-gallery");
      page.put("path", DesignGallery.PATH.substring(1));
      page.put("screenshot", true);
      config.putArray("verify");
      Path configFile = tmp.resolve("browser-config.json");
      Path resultFile = tmp.resolve("browser-result.json");
      JSON.writeValue(configFile.toFile(), config);
      NodePackages.run(
          node.get(),
          Path.of("src/test/node/browser.cjs"),
          configFile.toString(),
          resultFile.toString());
      JsonNode result = JSON.readTree(resultFile.toFile()).path("pages").get(0);

      assertThat(result.path("problems")).as("problems").isEmpty();
      for (String scheme : List.of("light", "dark")) {
        List<String> serious = new ArrayList<>();
        for (JsonNode v : result.path("violations").path(scheme)) {
          String impact = v.path("impact").asText();
          if (impact.equals("serious") || impact.equals("critical")) {
            serious.add(impact + " " + v.path("id").asText() + " " + v.path("targets"));
          }
        }
        assertThat(serious).as(scheme).isEmpty();
        for (String width : List.of("desktop", "mobile")) {
          Path shot = SCREENSHOTS.resolve("design-gallery-" + width + "-" + scheme + ".png");
          assertThat(shot).isRegularFile();
          assertThat(Files.size(shot)).isGreaterThan(10_000);
        }
      }
    }
  }
}
