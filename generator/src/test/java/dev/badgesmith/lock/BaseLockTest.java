package dev.badgesmith.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.badgesmith.cli.Main;
import dev.badgesmith.testing.GitRepo;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --base REF} over a real Git repository: a pull request is held to the lock of the
 * commit it is based on, so deleting an award together with its lock line no longer passes.
 */
class BaseLockTest {
  @TempDir Path tmp;
  Path repo;
  String base;
  String stdout;
  String stderr;
  final Map<String, String> environment = new HashMap<>();

  @BeforeEach
  void publishTwoAwards() throws Exception {
    assumeTrue(GitRepo.installed(), "skipped: the git command is not installed");
    repo = tmp.resolve("guild-badges");
    Files.createDirectories(repo);
    git("init", "-q", "-b", "main");
    TestSites.unpack(repo, TestSites.MINIMAL);
    TestSites.unpack(
        repo,
        """
        -- awards/intro/ada.yaml
        recipient:
          url: https://ada.example.org/
        issuedOn: 2025-04-01
        -- .gitignore
        public/
        .badgesmith/
        """);
    environment.put("BADGESMITH_SALT_SECRET", "a secret of the guild's");
    assertThat(badgesmith("lock", repo.toString())).as(stderr).isZero();
    commit("publish two awards");
    base = git("rev-parse", "HEAD").strip();
  }

  @Test
  void deletingAnAwardWithItsLockLineFailsAtThatLineOfTheBase() throws Exception {
    int line = lineOf("intro/jane");
    git("rm", "-q", "awards/intro/jane.yaml");
    removeLockLine("intro/jane");
    commit("delete Jane's award and its line");

    // Held to its own lock, the change looks clean: that is the hole --base closes.
    assertThat(badgesmith("check", repo.toString())).as(stderr).isZero();

    assertThat(badgesmith("check", repo.toString(), "--base", base)).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(stderr)
        .startsWith(
            "published.lock:"
                + line
                + ":1: error[BSG403]: the line of intro/jane, published at"
                + " https://badges.example.org/guild/assertions/intro/jane.json, is in"
                + " published.lock at "
                + base
                + " (line "
                + line
                + ") and this change removes it\n"
                + "  hint: a published award stays in published.lock: a removed award must become"
                + " a revoked one.");
    assertThat(stderr).contains("1 error, 0 warnings");
  }

  @Test
  void changingALineFails() throws Exception {
    int line = lineOf("intro/ada");
    String ada = lockLine("intro/ada");
    String[] columns = ada.split(" ");
    columns[1] = String.valueOf(Integer.parseInt(columns[1]) + 7);
    replaceLockLine("intro/ada", String.join(" ", columns));
    commit("move Ada's status index");

    assertThat(badgesmith("check", repo.toString(), "--base", base)).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(stderr)
        .startsWith(
            "published.lock:"
                + line
                + ":1: error[BSG404]: the line of intro/ada differs from published.lock at "
                + base
                + " (line "
                + line
                + "): its status index ("
                + ada.split(" ")[1]
                + " to "
                + columns[1]
                + ") changed\n");
  }

  @Test
  void revokingProperlyPassesAndTheSummaryListsTheRevocation() throws Exception {
    TestSites.write(
        repo.resolve("awards/intro/jane.yaml"),
        read("awards/intro/jane.yaml")
            + "revoked:\n  reason: Awarded to the wrong person\n  date: 2025-05-02\n");
    assertThat(badgesmith("lock", repo.toString())).as(stderr).isZero();
    commit("revoke Jane's award");
    Path summary = tmp.resolve("summary.md");
    environment.put("GITHUB_STEP_SUMMARY", summary.toString());

    assertThat(badgesmith("check", repo.toString(), "--base", base)).as(stderr).isZero();
    assertThat(summary).content().contains("#### Revoked (1)").doesNotContain("refused");
  }

  @Test
  void addingAwardsPasses() throws Exception {
    TestSites.write(
        repo.resolve("awards/intro/grace.yaml"),
        "recipient:\n  url: https://grace.example.org/\nissuedOn: 2025-06-01\n");
    assertThat(badgesmith("lock", repo.toString())).as(stderr).isZero();
    commit("award Grace");
    Path summary = tmp.resolve("summary.md");
    environment.put("GITHUB_STEP_SUMMARY", summary.toString());

    assertThat(badgesmith("check", repo.toString(), "--base", base)).as(stderr).isZero();
    assertThat(stdout).contains("No errors in");
    // Against its own committed lock the change adds nothing; against the base it adds Grace.
    assertThat(summary)
        .content()
        .contains("Compared with `published.lock` at `" + base + "`.")
        .contains("#### Added (1)")
        .contains("| Intro | `awards/intro/grace.yaml` | — |")
        .doesNotContain("No award is added");
  }

  @Test
  void theStepSummaryNamesTheLinesTakenOut() throws Exception {
    git("rm", "-q", "awards/intro/jane.yaml");
    removeLockLine("intro/jane");
    Path summary = tmp.resolve("summary.md");
    environment.put("GITHUB_STEP_SUMMARY", summary.toString());

    assertThat(badgesmith("check", repo.toString(), "--base", "main")).isEqualTo(1);
    assertThat(summary)
        .content()
        .contains("#### Taken out of the base's lock (refused: revoke instead) (1)")
        .contains("| Intro | `published.lock:" + lineOf(base, "intro/jane") + "` | — |")
        .doesNotContain("No award is added");
  }

  @Test
  void aBaseWithoutALockMeansNothingWasPublished() throws Exception {
    git("checkout", "-q", "--orphan", "fresh");
    git("rm", "-q", "--cached", PublishedLock.FILE);
    Files.delete(repo.resolve(PublishedLock.FILE));
    commit("a site without a lock");
    String unlocked = git("rev-parse", "HEAD").strip();
    assertThat(badgesmith("lock", repo.toString())).as(stderr).isZero();
    commit("lock it");

    assertThat(badgesmith("check", repo.toString(), "--base", unlocked)).as(stderr).isZero();
  }

  @Test
  void aSiteInASubfolderReadsItsOwnLock() throws Exception {
    Path outer = tmp.resolve("outer");
    Files.createDirectories(outer);
    repo = outer;
    git("init", "-q", "-b", "main");
    TestSites.copy(tmp.resolve("guild-badges"), outer.resolve("site"));
    deleteTree(outer.resolve("site/.git"));
    commit("the site in a subfolder");
    String first = git("rev-parse", "HEAD").strip();
    git("rm", "-q", "site/awards/intro/jane.yaml");
    repo = outer.resolve("site");
    removeLockLine("intro/jane");

    assertThat(badgesmith("check", repo.toString(), "--base", first)).isEqualTo(1);
    assertThat(stderr).contains("error[BSG403]: the line of intro/jane");
  }

  @Test
  void anUnknownRefIsAUsageError() {
    assertThat(badgesmith("check", repo.toString(), "--base", "origin/nowhere"))
        .isEqualTo(Main.USAGE);
    assertThat(stderr)
        .isEqualTo(
            "badgesmith: --base origin/nowhere: no such commit in the site's Git repository;"
                + " fetch it first (for example `git fetch origin main`, or check out with"
                + " fetch-depth: 0)\n");
  }

  @Test
  void aRefThatLooksLikeAnOptionIsRefused() {
    assertThat(badgesmith("check", repo.toString(), "--base=--output=x")).isEqualTo(Main.USAGE);
    assertThat(stderr).isEqualTo("badgesmith: --base '--output=x' is not a Git ref\n");
    assertThat(repo.resolve("x")).doesNotExist();
  }

  @Test
  void aSiteOutsideAnyRepositoryIsAUsageError() throws Exception {
    Path plain = tmp.resolve("plain");
    TestSites.unpack(plain, TestSites.MINIMAL);
    // GIT_CEILING_DIRECTORIES is not ours to set here: the temporary folder lies outside any
    // repository on every machine that runs the tests, which the assumption checks.
    assumeTrue(
        new ProcessBuilder("git", "-C", plain.toString(), "rev-parse", "--git-dir")
                .start()
                .waitFor()
            != 0,
        "skipped: the temporary folder is inside a Git repository");

    assertThat(badgesmith("check", plain.toString(), "--base", "main")).isEqualTo(Main.USAGE);
    assertThat(stderr)
        .startsWith("badgesmith: --base needs the site to be in a Git repository, and ")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  private int badgesmith(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
    stdout = out.toString();
    stderr = err.toString();
    return code;
  }

  private String read(String path) throws IOException {
    return Files.readString(repo.resolve(path), StandardCharsets.UTF_8);
  }

  private List<String> lockLines() throws IOException {
    return Files.readAllLines(repo.resolve(PublishedLock.FILE), StandardCharsets.UTF_8);
  }

  private String lockLine(String award) throws IOException {
    return lockLines().stream().filter(l -> l.startsWith(award + " ")).findFirst().orElseThrow();
  }

  /** The 1-based line of an award in the working tree's lock. */
  private int lineOf(String award) throws IOException {
    return lockLines().indexOf(lockLine(award)) + 1;
  }

  /** The 1-based line of an award in the lock as committed at a ref. */
  private int lineOf(String ref, String award) throws Exception {
    List<String> lines = git("show", ref + ":" + PublishedLock.FILE).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(award + " ")) {
        return i + 1;
      }
    }
    throw new AssertionError(award + " is not in the lock at " + ref);
  }

  private void removeLockLine(String award) throws IOException {
    List<String> kept = new ArrayList<>(lockLines());
    kept.removeIf(l -> l.startsWith(award + " "));
    Files.write(repo.resolve(PublishedLock.FILE), kept, StandardCharsets.UTF_8);
  }

  private void replaceLockLine(String award, String line) throws IOException {
    List<String> lines = new ArrayList<>(lockLines());
    lines.replaceAll(l -> l.startsWith(award + " ") ? line : l);
    Files.write(repo.resolve(PublishedLock.FILE), lines, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private String git(String... args) {
    return new GitRepo(repo, tmp.resolve("gitconfig")).run(args);
  }

  private String commit(String message) {
    return new GitRepo(repo, tmp.resolve("gitconfig")).commit(message);
  }
}
