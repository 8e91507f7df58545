package dev.badgesmith.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.cli.Main;
import dev.badgesmith.lock.PublishedLock;
import dev.badgesmith.testing.GitRepo;
import dev.badgesmith.testing.Workflows;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new community from {@code init} to its first pull requests, over real Git repositories: the
 * maintainer pushes the new site to {@code origin}, and each pull request is checked in a fresh
 * full clone with the arguments {@code check.yml} gives, {@code --base origin/main}.
 */
class NewCommunityTest {
  @TempDir Path tmp;
  final Map<String, String> environment = new HashMap<>();
  String stdout;
  String stderr;

  private int badgesmith(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
    stdout = out.toString();
    stderr = err.toString();
    return code;
  }

  /** What check.yml runs in a pull request into main, in a full clone of the pull request. */
  private int checkPullRequest(GitRepo origin, String branch) {
    Path clone = tmp.resolve("runner-" + branch);
    origin.in(tmp).run("clone", "-q", "-b", branch, origin.dir().toString(), clone.toString());
    JsonNode check = Workflows.read(clone.resolve(".github/workflows/check.yml"));
    String args =
        Workflows.steps(check).stream()
            .filter(s -> s.path("uses").asText().startsWith("badgesmith/badgesmith@"))
            .findFirst()
            .orElseThrow()
            .at("/with/args")
            .asText()
            .replace("${{ github.base_ref }}", "main");
    List<String> command = new ArrayList<>(List.of("check", clone.toString()));
    command.addAll(List.of(args.split(" ")));
    environment.put("GITHUB_STEP_SUMMARY", tmp.resolve("summary-" + branch + ".md").toString());
    return badgesmith(command.toArray(String[]::new));
  }

  private String summary(String branch) throws IOException {
    return Files.readString(tmp.resolve("summary-" + branch + ".md"), StandardCharsets.UTF_8);
  }

  @Test
  void fromInitToTheFirstPullRequests() throws Exception {
    assumeTrue(GitRepo.installed(), "skipped: the git command is not installed");
    Path site = tmp.resolve("guild-badges");
    assertThat(badgesmith("init", site.toString(), "--badgesmith-version", "1.0.0"))
        .as(stderr)
        .isZero();
    assertThat(site.resolve(PublishedLock.FILE)).exists();

    // The maintainer's first push: the new site, as init wrote it, on main.
    GitRepo local = new GitRepo(site, tmp.resolve("gitconfig"));
    local.run("init", "-q", "-b", "main");
    local.commit("A new badge site");
    GitRepo origin = local.in(tmp.resolve("origin.git"));
    local.in(tmp).run("init", "-q", "--bare", "-b", "main", origin.dir().toString());
    local.run("remote", "add", "origin", origin.dir().toString());
    local.run("push", "-q", "origin", "main");

    // A pull request awards a badge, as the site's README says: award --hash, then lock.
    local.run("checkout", "-q", "-b", "award-ada");
    assertThat(
            badgesmith(
                "award",
                "welcome",
                "--site",
                site.toString(),
                "--email",
                "ada@example.org",
                "--name",
                "Ada L.",
                "--hash"))
        .as(stderr)
        .isZero();
    assertThat(badgesmith("lock", site.toString())).as(stderr).isZero();
    local.commit("Award welcome to Ada");
    local.run("push", "-q", "origin", "award-ada");

    assertThat(checkPullRequest(origin, "award-ada")).as(stderr).isZero();
    assertThat(stderr).isEmpty();
    assertThat(summary("award-ada"))
        .contains("Compared with `published.lock` at `origin/main`.")
        .contains("#### Added (1)")
        .contains("| Welcome | `awards/welcome/ada-l.yaml` | Ada L\\. |");

    // Another pull request deletes the published example award and its lock line: refused.
    local.run("checkout", "-q", "-b", "drop-example", "main");
    List<String> lock = Files.readAllLines(site.resolve(PublishedLock.FILE));
    int line =
        1 + lock.indexOf(lock.stream().filter(l -> l.startsWith("welcome/")).findFirst().get());
    lock.removeIf(l -> l.startsWith("welcome/example-earner "));
    Files.write(site.resolve(PublishedLock.FILE), lock);
    Files.delete(site.resolve("awards/welcome/example-earner.yaml"));
    local.commit("Remove the example award");
    local.run("push", "-q", "origin", "drop-example");

    assertThat(checkPullRequest(origin, "drop-example")).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(stderr)
        .startsWith(
            "published.lock:" + line + ":1: error[BSG403]: the line of welcome/example-earner")
        .contains("a removed award must become a revoked one");
    assertThat(summary("drop-example"))
        .contains("#### Taken out of the base's lock (refused: revoke instead) (1)");
  }
}
