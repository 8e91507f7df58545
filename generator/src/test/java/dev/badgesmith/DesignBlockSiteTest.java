package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.bake.Baked;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.images.PngStore;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A badge class drawn from a {@code design:} block checks and builds as a drawn SVG design does:
 * the SVG is published, drawn to PNG at the site's size, baked into every award and shown on the
 * social card.
 */
class DesignBlockSiteTest {
  private static final String DESIGNED =
      """
      -- badges/intro.md
      ---
      name: Intro
      description: Took the intro.
      design:
        shape: hexagon
        colors: [navy, "#FFFFFF"]
        icon: award
        label: Intro & Co
        tier: gold
      ---
      Finish the **intro** course.
      -- site.yaml
      title: Test Guild
      baseUrl: https://badges.example.org/guild/
      images:
        pngSize: 256
      """;

  @Test
  void buildsTheDrawnDesignAsADrawnSvgIsBuilt(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("site");
    TestSites.unpack(site, TestSites.MINIMAL);
    Files.delete(site.resolve("badges/intro.svg"));
    TestSites.unpack(site, DESIGNED);

    Badgesmith badgesmith = Badgesmith.builder().build();
    assertThat(TestSites.withoutSaltWarning(badgesmith.check(site).diagnostics())).isEmpty();
    Path out = tmp.resolve("out");
    Report report = badgesmith.build(site, out);
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();

    byte[] svg = Files.readAllBytes(out.resolve("badges/intro.svg"));
    assertThat(new String(svg, StandardCharsets.UTF_8))
        .contains("<polygon", "url(#metal)", "Intro &amp; Co", "fill=\"#ffffff\"")
        .doesNotContain("<!--");
    byte[] png = Files.readAllBytes(out.resolve("badges/intro.png"));
    assertThat(png).isEqualTo(new SvgRasterizer(PngStore.NONE).toPng(svg, 256));
    assertThat(Files.readString(out.resolve("badges/intro.json"))).contains("badges/intro.svg");

    byte[] baked = Files.readAllBytes(out.resolve("assertions/intro/jane.svg"));
    assertThat(BakedImages.extract(baked))
        .extracting(Baked::payload)
        .singleElement()
        .satisfies(json -> assertThat(json).contains("assertions/intro/jane.json"));
    assertThat(new String(baked, StandardCharsets.UTF_8)).contains("Intro &amp; Co");
    assertThat(BakedImages.extract(Files.readAllBytes(out.resolve("assertions/intro/jane.png"))))
        .singleElement();
    assertThat(out.resolve("badges/intro/card.png")).isNotEmptyFile();
  }

  @Test
  void aSecondBuildOfTheSameBlockWritesTheSameBytes(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("site");
    TestSites.unpack(site, TestSites.MINIMAL);
    Files.delete(site.resolve("badges/intro.svg"));
    TestSites.unpack(site, DESIGNED);
    Badgesmith badgesmith = Badgesmith.builder().build();
    badgesmith.build(site, tmp.resolve("a"));
    badgesmith.build(site, tmp.resolve("b"));
    assertThat(Files.readAllBytes(tmp.resolve("a/badges/intro.svg")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("b/badges/intro.svg")));
    assertThat(Files.readAllBytes(tmp.resolve("a/badges/intro.png")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("b/badges/intro.png")));
  }

  @Test
  void aLabelThatIsHardToReadIsAWarningAtTheBlock(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("site");
    TestSites.unpack(site, TestSites.MINIMAL);
    Files.delete(site.resolve("badges/intro.svg"));
    TestSites.unpack(
        site,
        """
        -- badges/intro.md
        ---
        name: Intro
        description: Took the intro.
        design:
          colors: [sky, white]
          label: Intro
        ---
        Finish the course.
        """);
    List<Diagnostic> found =
        TestSites.withoutSaltWarning(Badgesmith.builder().build().check(site).diagnostics());
    assertThat(found)
        .extracting(Diagnostic::format)
        .singleElement()
        .asString()
        .startsWith(
            "badges/intro.md:4:1: warning[BSG305]: the label colour #ffffff on #bae6fd"
                + " has a contrast ratio of 1.");
  }
}
