package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.SiteSchemas;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack badge that asks for all of some badges and any N of others builds, its editor schema
 * accepts it, and its criteria page says in words what earns it.
 */
class StackRulesSiteTest {
  private static final String STACK =
      """
      -- badges/talk.md
      ---
      name: Talk
      image: badges/intro.svg
      description: Gave a talk.
      ---
      -- badges/workshop.md
      ---
      name: Workshop
      image: badges/intro.svg
      description: Ran a workshop.
      ---
      -- badges/speaker.md
      ---
      name: Speaker
      image: badges/intro.svg
      description: Spoke at the guild.
      requires:
        - intro
        - any: 1
          of: [talk, workshop]
      ---
      -- badges/listener.md
      ---
      name: Listener
      image: badges/intro.svg
      description: Listened well.
      requires: [intro]
      ---
      """;

  @Test
  void aStackWithAGroupBuildsAndItsPageWordsTheRule(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.unpack(site, STACK);
    assertThat(SiteSchemas.validate(site, "badges/speaker.md")).isEmpty();

    Path out = tmp.resolve("out");
    Report report = Badgesmith.builder().build().build(site, out);

    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    String speaker = Files.readString(out.resolve("badges/speaker/index.html"));
    assertThat(speaker)
        .contains("<p>Earned by holding Intro and any 1 of Talk or Workshop.</p>")
        .contains("/badges/talk/", "/badges/workshop/", "/badges/intro/");
    // A plain list needs no sentence: the list under "Stacks on" says it all.
    String listener = Files.readString(out.resolve("badges/listener/index.html"));
    assertThat(listener).contains("id=\"requires\"").doesNotContain("Earned by holding");
    assertThat(speaker)
        .contains("href=\"https://badges.example.org/guild/badges/speaker/pathway/\"");

    // The pathway: every badge on the way, the first steps first, each with its earners.
    String pathway = Files.readString(out.resolve("badges/speaker/pathway/index.html"));
    assertThat(pathway)
        .contains("<svg role=\"group\" aria-labelledby=\"map-title map-desc\"")
        .contains("Earned by holding Intro and any 1 of Talk or Workshop.");
    String steps = pathway.substring(pathway.indexOf("<ol class=\"pathway-steps\">"));
    assertThat(steps)
        .containsSubsequence(
            ">Intro</a>: 1 earner</li>",
            ">Talk</a>: 0 earners</li>",
            ">Workshop</a>: 0 earners</li>",
            ">Speaker</a>: 0 earners; requires Intro and any 1 of Talk or Workshop</li>");
    // Only badges that build on others have one.
    assertThat(out.resolve("badges/talk/pathway/index.html")).doesNotExist();

    // Both lead on from the badges they name.
    assertThat(Files.readString(out.resolve("badges/talk/index.html")))
        .contains("id=\"required-by\"", "/badges/speaker/");
  }
}
