package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code badgesmith init} followed by the commands a maintainer runs next. */
class InitCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void initThenCheckAndBuildSucceed(@TempDir Path tmp) {
    Path site = tmp.resolve("guild");

    int code =
        run(
            "init",
            site.toString(),
            "--title",
            "Guild Badges",
            "--base-url",
            "https://badges.guild.example.net/",
            "--issuer-name",
            "The Guild",
            "--issuer-email",
            "badges@guild.example.net");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith("Made a badge site in " + site + ":\n  site.yaml\n")
        .contains("  .github/workflows/check.yml\n", "  awards/welcome/example-earner.yaml\n");
    assertThat(site.resolve("issuers/the-guild.yaml"))
        .content()
        .contains("name: \"The Guild\"", "email: \"badges@guild.example.net\"");
    assertThat(run("check", site.toString())).as(err.toString()).isZero();
    assertThat(run("build", site.toString(), "--out", tmp.resolve("out").toString()))
        .as(err.toString())
        .isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(tmp.resolve("out/assertions/welcome/example-earner.json"))
        .content()
        .contains(
            "\"id\": \"https://badges.guild.example.net/assertions/welcome/example-earner.json\"");
  }

  @Test
  void initWithSigningThenBuildWithTheKeysFolderSignsCredentials(@TempDir Path tmp) {
    Path site = tmp.resolve("guild");
    Path keys = tmp.resolve("secrets");

    int code =
        run(
            "init",
            site.toString(),
            "--signing",
            "--key-id",
            "guild-1",
            "--private-key",
            keys.resolve("guild-1.pem").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("  keys/guild-1.pem\n")
        .contains("Wrote the private key to " + keys.resolve("guild-1.pem"))
        .contains("repository secret BADGESMITH_KEY_GUILD_1");
    assertThat(keys.resolve("guild-1.pem")).content().startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(
            run(
                "build",
                site.toString(),
                "--keys",
                keys.toString(),
                "--out",
                tmp.resolve("out").toString()))
        .as(err.toString())
        .isZero();
    assertThat(tmp.resolve("out/credentials/welcome/example-earner.jwt")).exists();
  }

  @Test
  void theWorkflowsRunTheReleaseGivenThroughTheAction(@TempDir Path tmp) {
    Path site = tmp.resolve("guild");

    assertThat(run("init", site.toString(), "--badgesmith-version", "2.3.4"))
        .as(err.toString())
        .isZero();

    assertThat(out.toString())
        .contains("Its workflows run Badgesmith 2.3.4 (uses: badgesmith/badgesmith@v2.3.4).\n");
    for (String workflow : new String[] {"check.yml", "deploy.yml"}) {
      assertThat(site.resolve(".github/workflows/" + workflow))
          .content()
          .contains("uses: badgesmith/badgesmith@v2.3.4\n")
          .doesNotContain("releases/download");
    }
  }

  @Test
  void aVersionThatIsNoReleaseIsAUsageErrorAndWritesNothing(@TempDir Path tmp) {
    Path site = tmp.resolve("guild");

    assertThat(run("init", site.toString(), "--badgesmith-version", "0.2.0-SNAPSHOT"))
        .isEqualTo(Main.USAGE);
    assertThat(err.toString())
        .isEqualTo(
            "badgesmith: --badgesmith-version 0.2.0-SNAPSHOT is a development version, which is"
                + " never released: give a released version, such as 1.2.3\n");
    assertThat(run("init", site.toString(), "--badgesmith-version", "latest"))
        .isEqualTo(Main.USAGE);
    assertThat(site).doesNotExist();
  }

  @Test
  void refusesAFolderThatIsNotEmptyAsAUsageError(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);

    assertThat(run("init", site.toString())).isEqualTo(Main.USAGE);
    assertThat(err.toString())
        .startsWith("badgesmith: " + site + " is not empty (it holds awards, badges, issuers, ...)")
        .doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
    assertThat(TestSites.read(site).keySet())
        .containsExactlyInAnyOrder(
            "site.yaml",
            "issuers/guild.yaml",
            "badges/intro.md",
            "badges/intro.svg",
            "awards/intro/jane.yaml");
  }

  @Test
  void keyOptionsWithoutSigningAreAUsageError(@TempDir Path tmp) {
    assertThat(run("init", tmp.resolve("site").toString(), "--key-id", "rsa-2"))
        .isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("--key-id and --private-key go with --signing");
    assertThat(tmp.resolve("site")).doesNotExist();
  }

  @Test
  void theHelpListsInit() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("init");
    out.getBuffer().setLength(0);
    assertThat(run("init", "--help")).isZero();
    assertThat(out.toString()).contains("--signing", "--base-url", "--issuer-name", "--title");
  }
}
