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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code badgesmith lock}, {@code build --update-lock}, and what {@code check} tells CI. */
class LockCommandTest {
  @TempDir Path tmp;
  Path site;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void site() {
    site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
  }

  /**
   * Runs a command with the salt secret set, as CI sets it: the site's plain e-mail recipients are
   * then salted with it, and no warning (BSG114) says otherwise.
   */
  private int run(Map<String, String> given, String... args) {
    Map<String, String> environment = new java.util.HashMap<>(given);
    environment.put(dev.badgesmith.Badgesmith.SALT_SECRET_VARIABLE, "the guild's secret");
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void lockWritesTheFileAndSaysWhatItAdded() throws IOException {
    assertThat(run("lock", site.toString())).as(err.toString()).isZero();
    assertThat(out.toString())
        .isEqualTo("Wrote published.lock: 1 award added, 0 revocations marked\n");
    assertThat(read(site.resolve("published.lock"))).contains("\nintro/jane ");

    assertThat(run("lock", site.toString())).isZero();
    assertThat(out.toString()).isEqualTo("published.lock is up to date\n");
  }

  @Test
  void checkNamesTheAwardsTheLockDoesNotListYet() {
    assertThat(run("lock", site.toString())).isZero();
    TestSites.write(
        site.resolve("awards/intro/ada.yaml"),
        "recipient:\n  email: ada@example.org\nissuedOn: 2025-04-01\n");

    assertThat(run("check", site.toString())).isZero();
    assertThat(out.toString())
        .endsWith(
            "1 new award not in published.lock yet: intro/ada (`badgesmith lock` adds them)\n");
  }

  @Test
  void buildWithUpdateLockWritesTheLockOnlyWhenItSucceeds() throws IOException {
    int code =
        run("build", site.toString(), "--out", tmp.resolve("out").toString(), "--update-lock");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Wrote published.lock: 1 award added, 0 revocations marked");
    String lock = read(site.resolve("published.lock"));

    TestSites.write(
        site.resolve("awards/intro/jane.yaml"),
        "recipient:\n  email: jane@example.org\nissuedOn: 2025-03-15\n");
    TestSites.write(
        site.resolve("awards/intro/ada.yaml"),
        "recipient:\n  email: ada@example.org\nissuedOn: 2025-04-01\n");
    code = run("build", site.toString(), "--out", tmp.resolve("out").toString(), "--update-lock");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("awards/intro/jane.yaml:3:1: error[BSG401]: the published award intro/jane");
    assertThat(read(site.resolve("published.lock"))).isEqualTo(lock);
  }

  @Test
  void checkWritesAStepSummaryOfWhatTheChangePublishes() throws IOException {
    assertThat(run("lock", site.toString())).isZero();
    Path jane = site.resolve("awards/intro/jane.yaml");
    TestSites.write(jane, read(jane) + "revoked:\n  reason: Wrong person\n");
    TestSites.write(
        site.resolve("awards/intro/ada.yaml"),
        """
        recipient:
          email: ada@example.org
          name: "<script>alert(1)</script> *Ada* | [x](https://evil.example)"
        issuedOn: 2025-04-01
        """);
    Path summary = tmp.resolve("summary.md");
    Files.writeString(summary, "earlier step\n");

    int code = run(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "check", site.toString());

    assertThat(code).isZero();
    String md = read(summary);
    assertThat(md)
        .isEqualTo(
            "earlier step\n"
                + "### Badgesmith check of `"
                + site
                + "`\n\n"
                + ":white_check_mark: 0 errors, 0 warnings\n\n"
                + "#### Added (1)\n\n"
                + "| Badge | Award | Recipient |\n|---|---|---|\n"
                + "| Intro | `awards/intro/ada.yaml` | &lt;script&gt;alert\\(1\\)&lt;\\/script&gt;"
                + " \\*Ada\\* \\| \\[x\\]\\(https\\:\\/\\/evil\\.example\\) |\n\n"
                + "#### Revoked (1)\n\n"
                + "| Badge | Award | Recipient |\n|---|---|---|\n"
                + "| Intro | `awards/intro/jane.yaml` | — |\n\n");
    assertThat(md).doesNotContain("@example.org");
  }

  @Test
  void theStepSummaryCountsTheProblemsAndListsRefusedChanges() throws IOException {
    assertThat(run("lock", site.toString())).isZero();
    Files.delete(site.resolve("awards/intro/jane.yaml"));
    Path summary = tmp.resolve("summary.md");

    assertThat(run(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "check", site.toString()))
        .isEqualTo(1);

    assertThat(read(summary))
        .contains(":x: 1 error, 0 warnings (see the annotations and the log)\n")
        .contains(
            "#### Deleted (refused: revoke instead) (1)\n\n"
                + "| Badge | Award | Recipient |\n|---|---|---|\n"
                + "| Intro | `published.lock:5` | — |\n");
  }

  @Test
  void withoutALockTheSummarySaysHowToStartOne() throws IOException {
    Path summary = tmp.resolve("summary.md");
    assertThat(run(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "check", site.toString()))
        .isZero();
    assertThat(read(summary))
        .contains(
            "This site has no `published.lock` yet, so every award is new: run `badgesmith lock`"
                + " and commit the file.")
        .contains("#### Added (1)");
  }
}
