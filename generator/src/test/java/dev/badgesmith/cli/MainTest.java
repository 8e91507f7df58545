package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void checkPrintsAPositionedErrorWithAHintAndExitsOneWritingNothing(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(
        site.resolve("badges/intro.md"), "---\nnmae: Intro\ndescription: Took the intro.\n---\n");

    int code = run("check", site.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            """
        badges/intro.md:2:1: error[BSG102]: unknown key 'nmae'
          hint: did you mean 'name'?
        1 error, 0 warnings
        """);
    assertThat(site.resolve("public")).doesNotExist();
    assertThat(TestSites.read(site)).containsOnlyKeys(TestSites.read(site).keySet());
  }

  @Test
  void buildWritesTheSiteAndExitsZero(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    int code = run("build", site.toString(), "--out", tmp.resolve("out").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("Built ").contains(" files into ");
    assertThat(tmp.resolve("out/assertions/intro/jane.json")).exists();
  }

  @Test
  void buildWritesToPublicInTheSiteByDefault(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    assertThat(run("build", site.toString())).isZero();
    assertThat(site.resolve("public/manifest.json")).exists();
    assertThat(run("check", site.toString())).as("the output is not read as a source").isZero();
  }

  @Test
  void aMissingSiteFolderIsAUsageError(@TempDir Path tmp) {
    assertThat(run("check", tmp.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("badgesmith: no site folder at ");
  }

  @Test
  void anUnknownOptionOrCommandIsAUsageError() {
    assertThat(run("build", "--frobnicate")).isEqualTo(2);
    assertThat(run("publish")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void helpNamesTheCommandsAndTheExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("build", "check", "3   internal error");
  }
}
