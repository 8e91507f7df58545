package dev.badgesmith.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.Workflows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .github/scripts/release-notes.sh}, which the release workflow takes a release's notes
 * with: the section of CHANGELOG.md under the tag's heading, and a failure when there is none.
 */
class ReleaseNotesTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path SCRIPT = REPOSITORY.resolve(".github/scripts/release-notes.sh");
  private static final Path CHANGELOG = REPOSITORY.resolve("CHANGELOG.md");

  @TempDir Path tmp;

  record Run(int code, String stdout, String stderr) {}

  @Test
  void takesTheUnreleasedSectionOfTheRealChangelog() throws IOException {
    List<String> lines = Files.readAllLines(CHANGELOG);
    int heading = lines.indexOf("## [Unreleased]");
    int next = heading + 1;
    while (next < lines.size() && !lines.get(next).startsWith("## ")) {
      next++;
    }
    String expected = String.join("\n", lines.subList(heading + 1, next)).strip() + "\n";

    Run notes = run("Unreleased", CHANGELOG);

    assertThat(heading).as("CHANGELOG.md has an [Unreleased] section").isNotNegative();
    assertThat(notes.code()).as(notes.stderr()).isZero();
    assertThat(notes.stdout()).isEqualTo(expected).startsWith("### ").doesNotContain("\n## ");
  }

  @Test
  void failsForAVersionTheRealChangelogDoesNotHave() {
    Run notes = run("0.0.0-missing", CHANGELOG);

    assertThat(notes.code()).isEqualTo(1);
    assertThat(notes.stdout()).isEmpty();
    assertThat(notes.stderr()).contains("has no section \"## [0.0.0-missing]\"");
  }

  @Test
  void takesOneVersionUpToTheNextHeadingWithoutTheLinkDefinitions() throws IOException {
    Path changelog = tmp.resolve("CHANGELOG.md");
    Files.writeString(
        changelog,
        """
        # Changelog

        ## [Unreleased]

        ## [0.2.0] - 2026-12-06

        ### Added
        - The GitHub Action.

        ## [0.1.0] - 2026-11-01

        ### Added
        - Everything else.

        [0.2.0]: https://github.com/badgesmith/badgesmith/compare/v0.1.0...v0.2.0
        [0.1.0]: https://github.com/badgesmith/badgesmith/releases/tag/v0.1.0
        """);

    assertThat(run("0.2.0", changelog).stdout()).isEqualTo("### Added\n- The GitHub Action.\n");
    assertThat(run("0.1.0", changelog).stdout()).isEqualTo("### Added\n- Everything else.\n");
    // A version's dots are no wildcards, and a prefix of a version is another version.
    assertThat(run("0.2", changelog).code()).isEqualTo(1);
    assertThat(run("0x2x0", changelog).code()).isEqualTo(1);
    Run empty = run("Unreleased", changelog);
    assertThat(empty.code()).isEqualTo(1);
    assertThat(empty.stderr()).contains("is empty");
  }

  @Test
  void theReleaseWorkflowTakesItsNotesFromTheScript() {
    var release = Workflows.read(REPOSITORY.resolve(".github/workflows/release.yml"));

    assertThat(Workflows.runs(release))
        .anyMatch(r -> r.startsWith("bash .github/scripts/release-notes.sh \"$VERSION\""))
        .anyMatch(r -> r.contains("--notes-file \"$RUNNER_TEMP/notes.md\""));
  }

  private Run run(String version, Path changelog) {
    try {
      Path stdout = tmp.resolve("stdout.txt");
      Path stderr = tmp.resolve("stderr.txt");
      Process process =
          new ProcessBuilder("bash", SCRIPT.toString(), version, changelog.toString())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
      return new Run(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
