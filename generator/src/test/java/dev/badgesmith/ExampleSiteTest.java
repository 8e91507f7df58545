package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example site in the repository builds cleanly and publishes no recipient in plain text. */
class ExampleSiteTest {
  private static final Path EXAMPLE = Path.of("../example-site").toAbsolutePath().normalize();
  private static final Pattern IDENTITY =
      Pattern.compile("^\\s*(email|url|telephone|did):\\s*\"?([^\"\\s]+)", Pattern.MULTILINE);

  @Test
  void buildsWithoutDiagnosticsAndOneHostedAssertionPerAward(@TempDir Path tmp) {
    Report report = TestSites.buildExample(tmp.resolve("out"));
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();

    Map<String, byte[]> sources = TestSites.read(EXAMPLE.resolve("awards"));
    Map<String, byte[]> site = TestSites.read(tmp.resolve("out"));
    assertThat(sources).hasSizeGreaterThanOrEqualTo(10);
    for (String award : sources.keySet()) {
      String base = "assertions/" + award.replaceAll("\\.ya?ml$", "");
      byte[] assertion = site.get(base + ".json");
      assertThat(assertion).as(base + ".json").isNotNull();
      if (new String(assertion, StandardCharsets.UTF_8).contains("\"revoked\": true")) {
        assertThat(site).doesNotContainKeys(base + ".png", base + ".svg");
        continue;
      }
      // The example site signs: a credential with an embedded proof, and as a VC-JWT.
      String credential = "credentials/" + award.replaceAll("\\.ya?ml$", "");
      assertThat(new String(site.get(credential + ".json"), UTF_8))
          .as(credential)
          .contains("\"cryptosuite\": \"eddsa-rdfc-2022\"");
      assertThat(site.get(credential + ".jwt")).as(credential + ".jwt").isNotEmpty();
      // Every design of the example site is SVG: each award is baked as PNG and as SVG.
      for (String baked : List.of(base + ".png", base + ".svg")) {
        assertThat(BakedImages.extract(site.get(baked)))
            .as(baked)
            .singleElement()
            .satisfies(
                b ->
                    assertThat(b.payload().strip())
                        .isEqualTo(new String(assertion, UTF_8).strip()));
      }
    }

    // E-mail addresses and telephone numbers never show. The example site publishes earner pages,
    // and the recognition page, which make a URL or DID public: it shows on its earner's page and
    // the recognition page (and recognition.json), and names the subject of that award's
    // credential (JSON, VC-JWT, and the badges baked with it), and nowhere else.
    List<String> secret = new ArrayList<>();
    Map<String, List<String>> earners = new java.util.HashMap<>();
    for (Map.Entry<String, byte[]> award : sources.entrySet()) {
      Matcher m = IDENTITY.matcher(new String(award.getValue(), StandardCharsets.UTF_8));
      while (m.find()) {
        if (List.of("url", "did").contains(m.group(1))) {
          earners
              .computeIfAbsent(m.group(2), k -> new ArrayList<>())
              .add("credentials/" + award.getKey().replaceAll("\\.ya?ml$", "."));
        } else {
          secret.add(m.group(2));
        }
      }
    }
    assertThat(secret).hasSizeGreaterThanOrEqualTo(8);
    assertThat(earners).hasSize(2);
    // Each public earner has a page and a learner record, as JSON and as a VC-JWT.
    assertThat(site.keySet().stream().filter(p -> p.startsWith("earners/")))
        .hasSize(6)
        .allMatch(p -> p.matches("earners/[^/]+/(index\\.html|clr\\.json|clr\\.jwt)"));
    earners.forEach(
        (identity, credentials) ->
            credentials.forEach(
                credential ->
                    assertThat(new String(site.get(credential + "json"), UTF_8))
                        .contains("\"id\": \"" + identity + "\"")));
    site.forEach(
        (path, bytes) -> {
          String text = new String(bytes, StandardCharsets.UTF_8);
          for (String identity : secret) {
            assertThat(text).as(path).doesNotContainIgnoringCase(identity);
          }
          // The German pages show what the English ones do.
          String page = path.replaceFirst("^de/", "");
          earners.forEach(
              (identity, credential) -> {
                if (!page.startsWith("earners/")
                    && !page.startsWith("recognition")
                    && credential.stream().noneMatch(path::startsWith)) {
                  assertThat(text).as(path).doesNotContainIgnoringCase(identity);
                }
              });
        });
  }

  @Test
  void itsTemplateOverrideChangesTheFooterOfEveryPageAndNothingElse(@TempDir Path tmp) {
    Report report = TestSites.buildExample(tmp.resolve("out"));
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();

    Map<String, byte[]> site = TestSites.read(tmp.resolve("out"));
    site.forEach(
        (path, bytes) -> {
          if (path.endsWith(".html")) {
            org.jsoup.nodes.Document page =
                org.jsoup.Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
            assertThat(page.select("footer").text())
                .as(path)
                .startsWith(
                    path.startsWith("de/") ? "Betrieben von Freiwilligen" : "Run by volunteers");
            assertThat(
                    page.select(
                        "body > a.skip-link, body > header nav.site-nav:not(.language-switcher)"))
                .as(path)
                .hasSize(2);
            // Every page but the 404 page, which is served at any path, links its German or
            // English version.
            assertThat(page.select("body > header nav.language-switcher a[hreflang]"))
                .as(path)
                .hasSize(path.equals("404.html") ? 0 : 2);
          }
        });
  }
}
