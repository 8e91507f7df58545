package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code badgesmith design}: previews of a site's designs, as the build publishes them. */
class DesignCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private static Path site(Path tmp) {
    Path site = tmp.resolve("site");
    TestSites.unpack(site, TestSites.MINIMAL);
    TestSites.unpack(
        site,
        """
        -- badges/drawn.md
        ---
        name: Drawn
        description: Drawn from a design block.
        design:
          shape: ribbon
          colors: [teal]
          icon: trophy
          label: Drawn
          tier: bronze
        ---
        Be drawn.
        """);
    return site;
  }

  @Test
  void writesEveryDesignAsSvgAndPng(@TempDir Path tmp) throws IOException {
    Path site = site(tmp);
    Path previews = tmp.resolve("previews");
    assertThat(run("design", site.toString(), "--out", previews.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("Wrote 4 design previews to " + previews);
    assertThat(Files.readString(previews.resolve("drawn.svg"), StandardCharsets.UTF_8))
        .contains("<polygon points=\"168,328", ">Drawn</text>");
    assertThat(previews.resolve("drawn.png")).isNotEmptyFile();
    assertThat(previews.resolve("intro.svg")).isNotEmptyFile();
    assertThat(previews.resolve("intro.png")).isNotEmptyFile();
    // The preview is what the build publishes.
    Path built = tmp.resolve("out");
    assertThat(run("build", site.toString(), "--out", built.toString())).isZero();
    assertThat(Files.readAllBytes(previews.resolve("drawn.svg")))
        .isEqualTo(Files.readAllBytes(built.resolve("badges/drawn.svg")));
    assertThat(Files.readAllBytes(previews.resolve("drawn.png")))
        .isEqualTo(Files.readAllBytes(built.resolve("badges/drawn.png")));
  }

  @Test
  void writesOneBadgesDesignOrSaysWhichBadgeWasMeant(@TempDir Path tmp) throws IOException {
    Path site = site(tmp);
    Path previews = tmp.resolve("previews");
    assertThat(run("design", site.toString(), "drawn", "--out", previews.toString())).isZero();
    try (var files = Files.list(previews)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("drawn.png", "drawn.svg");
    }
    assertThat(run("design", site.toString(), "drwan", "--out", previews.toString())).isNotZero();
    assertThat(err.toString()).contains("no badge class 'drwan'", "did you mean 'drawn'?");
  }

  @Test
  void writesNothingForASiteWithErrors(@TempDir Path tmp) {
    Path site = site(tmp);
    TestSites.unpack(
        site,
        """
        -- badges/drawn.md
        ---
        name: Drawn
        description: Drawn from a design block.
        design:
          shape: star
        ---
        Be drawn.
        """);
    Path previews = tmp.resolve("previews");
    assertThat(run("design", site.toString(), "--out", previews.toString()))
        .isEqualTo(Main.CONTENT_ERRORS);
    assertThat(err.toString())
        .contains("badges/drawn.md:5:10: error[BSG105]: unknown shape 'star'");
    assertThat(previews).doesNotExist();
  }
}
