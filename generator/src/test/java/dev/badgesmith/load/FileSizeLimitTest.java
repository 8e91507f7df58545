package dev.badgesmith.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.testing.TestSites;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A YAML or Markdown file over 1 MB is refused before it is parsed: the YAML parser's time grows
 * with the square of a long value's length (8 MB took 16 to 19 s, 30 MB minutes). Too large for a
 * case in {@code invalid/}, so the files are made here.
 */
class FileSizeLimitTest {
  private static final String AWARD =
      "recipient:\n  email: ada@example.org\nissuedOn: 2025-03-14\n";

  @Test
  void aLargeYamlOrMarkdownFileIsRefusedAtOnceInCheckAndBuild(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(
        site.resolve("awards/intro/ada.yaml"), AWARD + "narrative: " + "x".repeat(8 << 20) + "\n");
    String front = "---\nname: Intro\ndescription: Took the intro.\n---\n";
    TestSites.write(
        site.resolve("badges/intro.md"),
        front + "y".repeat(SourceBytes.MAX_TEXT_BYTES - front.length()) + "\n");

    Report check =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> Badgesmith.builder().build().check(site));
    Report build = Badgesmith.builder().build().build(site, tmp.resolve("out"));

    assertThat(check.diagnostics().stream().map(Diagnostic::format))
        .containsExactly(
            "awards/intro/ada.yaml:1:1: error[BSG006]: the file has 8,388,677 bytes: a YAML or"
                + " Markdown file of a badge site has at most 1 MB (1,048,576 bytes)\n"
                + "  hint: check that this is the file you meant: a site's files are a few"
                + " kilobytes",
            "badges/intro.md:1:1: error[BSG006]: the file has 1,048,577 bytes: a YAML or"
                + " Markdown file of a badge site has at most 1 MB (1,048,576 bytes)\n"
                + "  hint: check that this is the file you meant: a site's files are a few"
                + " kilobytes");
    assertThat(TestSites.withoutSaltWarning(build.diagnostics())).isEqualTo(check.diagnostics());
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void aFileOfExactlyTheLimitIsRead(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    String head = AWARD + "narrative: ";
    TestSites.write(
        site.resolve("awards/intro/ada.yaml"),
        head + "x".repeat(SourceBytes.MAX_TEXT_BYTES - head.length() - 1) + "\n");

    assertThat(TestSites.withoutSaltWarning(Badgesmith.builder().build().check(site).diagnostics()))
        .isEmpty();
  }
}
