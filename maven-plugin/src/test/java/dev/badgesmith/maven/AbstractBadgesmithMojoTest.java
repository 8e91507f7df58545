package dev.badgesmith.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.lock.AwardChange;
import dev.badgesmith.lock.LockChanges;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class AbstractBadgesmithMojoTest {
  private final RecordingLog log = new RecordingLog();

  private static final Diagnostic UNKNOWN_KEY =
      Diagnostic.error(
              Code.UNKNOWN_KEY, new SourcePosition("badges/intro.md", 3, 1), "unknown key 'nmae'")
          .withHint("did you mean 'name'?");
  private static final Diagnostic NO_IMAGE_ALT =
      Diagnostic.warning(
          Code.INVALID_VALUE, new SourcePosition("badges/intro.md", 2, 1), "no imageAlt");

  /** A goal whose facade call returns or throws what the test says. */
  private AbstractBadgesmithMojo mojo(Supplier<Report> result) {
    AbstractBadgesmithMojo mojo =
        new AbstractBadgesmithMojo() {
          @Override
          Report run(Badgesmith badgesmith, Path site) {
            return result.get();
          }

          @Override
          String success(Report report) {
            return "done";
          }
        };
    mojo.siteDirectory = new File("site");
    mojo.cacheDirectory = new File("cache");
    mojo.setLog(log);
    return mojo;
  }

  @Test
  void logsEachDiagnosticLineWithItsSeverityAndFailsOnErrors() {
    Report report =
        new Report(List.of(UNKNOWN_KEY, NO_IMAGE_ALT), Optional.empty(), 0, Optional.empty());

    assertThatThrownBy(() -> mojo(() -> report).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("badge site has 1 error");
    assertThat(log.lines)
        .containsExactly(
            "[ERROR] badges/intro.md:3:1: error[BSG102]: unknown key 'nmae'",
            "[ERROR]   hint: did you mean 'name'?",
            "[WARNING] badges/intro.md:2:1: warning[BSG105]: no imageAlt",
            "[ERROR] 1 error, 1 warning");
  }

  @Test
  void passesWithWarningsAndSaysWhatItDid() throws Exception {
    mojo(() -> new Report(List.of(NO_IMAGE_ALT), Optional.empty(), 0, Optional.empty())).execute();

    assertThat(log.lines)
        .containsExactly(
            "[WARNING] badges/intro.md:2:1: warning[BSG105]: no imageAlt",
            "[WARNING] 0 errors, 1 warning",
            "[INFO] done");
  }

  @Test
  void turnsASetupProblemIntoAnExecutionFailure() {
    assertThatThrownBy(
            () ->
                mojo(() -> {
                      throw new BadgesmithException("no site.yaml in site");
                    })
                    .execute())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("no site.yaml in site");
  }

  @Test
  void rejectsFewerThanOneThread() {
    AbstractBadgesmithMojo mojo =
        mojo(() -> new Report(List.of(), Optional.empty(), 0, Optional.empty()));
    mojo.threads = 0;

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("Invalid parameter 'threads'");
  }

  @Test
  void skipsWithoutCallingTheGenerator() throws Exception {
    AbstractBadgesmithMojo mojo =
        mojo(
            () -> {
              throw new AssertionError("generator called");
            });
    mojo.skip = true;

    mojo.execute();

    assertThat(log.lines).containsExactly("[INFO] Skipping Badgesmith (badgesmith.skip)");
  }

  @Test
  void buildReportsWhereItWrote() {
    BuildMojo build = new BuildMojo();
    build.outputDirectory = new File("out");
    Report report =
        new Report(
            List.of(), Optional.of(Path.of("target/site")), 12, 3, 1, Optional.empty(), List.of());

    assertThat(build.success(report))
        .isEqualTo("Built 12 files (3 changed, 1 award rendered) into target/site");
  }

  private static LockChanges added(boolean written, String... awards) {
    List<AwardChange> added =
        java.util.Arrays.stream(awards)
            .map(a -> new AwardChange(a, "Intro", "awards/" + a + ".yaml", Optional.empty()))
            .toList();
    return new LockChanges(
        true,
        added,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        written,
        LockChanges.Endorsed.NONE);
  }

  @Test
  void checkNamesTheAwardsTheLockDoesNotListYet() {
    CheckMojo check = new CheckMojo();
    check.siteDirectory = new File("site");
    Report report =
        new Report(List.of(), Optional.empty(), 0, Optional.of(added(false, "intro/ada")));

    assertThat(check.success(report))
        .isEqualTo(
            "Checked badge site site: no errors; 1 new award not in published.lock yet:"
                + " intro/ada: run the lock goal to add them");
  }

  @Test
  void buildWithUpdateLockAndTheLockGoalSayWhatTheyWrote() {
    BuildMojo build = new BuildMojo();
    build.outputDirectory = new File("out");
    build.updateLock = true;
    Report written =
        new Report(
            List.of(),
            Optional.of(Path.of("target/site")),
            12,
            Optional.of(added(true, "intro/ada", "intro/bob")));
    assertThat(build.success(written))
        .isEqualTo(
            "Built 12 files (12 changed, 0 awards rendered) into target/site; Wrote"
                + " published.lock: 2 awards added, 0 revocations marked");

    LockMojo lock = new LockMojo();
    lock.siteDirectory = new File("site");
    Report unchanged = new Report(List.of(), Optional.empty(), 0, Optional.of(added(false)));
    assertThat(lock.success(unchanged))
        .isEqualTo("Locked badge site site: published.lock is up to date");
  }
}
