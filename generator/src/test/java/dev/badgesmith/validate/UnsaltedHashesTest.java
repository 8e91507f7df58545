package dev.badgesmith.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.cli.Main;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.testing.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warning that e-mail hashes are salted from public ids alone (BSG114). */
class UnsaltedHashesTest {
  private static final String WARNING =
      "awards/intro/ada.yaml:3:3: warning[BSG114]: 2 e-mail addresses are published hashed with"
          + " salts anyone can derive from the award ids, as BADGESMITH_SALT_SECRET is not set:"
          + " whoever guesses an address can test it against the hash\n"
          + "  hint: set BADGESMITH_SALT_SECRET to a long random text kept secret (in GitHub:"
          + " Settings > Secrets and variables > Actions, `openssl rand -hex 32 | gh secret set"
          + " BADGESMITH_SALT_SECRET`), before the first deployment: changing it later changes"
          + " every published hash";

  @TempDir Path tmp;

  /** The minimal site (Jane by e-mail) with Ada by e-mail, Grace by URL, Lin pre-hashed. */
  private Path site() {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.unpack(
        site,
        """
        -- awards/intro/ada.yaml
        recipient:
          name: Ada L.
          email: ada@example.org
        issuedOn: 2025-03-10
        -- awards/intro/grace.yaml
        recipient:
          url: https://grace.example.org/
        issuedOn: 2025-03-11
        -- awards/intro/lin.yaml
        recipient:
          hashed: sha256$0c2b4bb6d8b1de7bdd6a8ae0bb4f6d54b1f4d2e4a1d4ca7ea42d9d54f0c3bd8f
          salt: 5f1d8a1b2c3d4e5f
        issuedOn: 2025-03-12
        """);
    return site;
  }

  private static List<String> warnings(Report report) {
    return report.diagnostics().stream()
        .filter(d -> d.code() == Code.UNSALTED_HASHES)
        .map(Diagnostic::format)
        .toList();
  }

  @Test
  void oneWarningAtTheFirstEmailKeyCountingEveryPlainEmailRecipient() {
    Path site = site();
    Badgesmith badgesmith = Badgesmith.builder().build();

    Report check = badgesmith.check(site);
    Report build = badgesmith.build(site, tmp.resolve("out"));

    assertThat(warnings(check)).containsExactly(WARNING);
    assertThat(warnings(build)).containsExactly(WARNING);
    assertThat(build.hasErrors()).isFalse();
    assertThat(tmp.resolve("out/assertions/intro/ada.json")).exists();
  }

  @Test
  void aBuildFromTheCacheWarnsToo() {
    Path site = site();
    Badgesmith cached =
        Badgesmith.builder()
            .environment(Map.of("XDG_CACHE_HOME", tmp.resolve("home").toString()))
            .cacheDirectory(tmp.resolve("cache"))
            .build();

    assertThat(warnings(cached.build(site, tmp.resolve("out")))).containsExactly(WARNING);
    Report again = cached.build(site, tmp.resolve("out"));
    assertThat(again.awardsRendered()).as("the cache kept every award").isZero();
    assertThat(warnings(again)).containsExactly(WARNING);
  }

  @Test
  void theSecretSilencesItAndABlankOneDoesNot() {
    Path site = site();

    Report salted =
        Badgesmith.builder()
            .environment(Map.of(Badgesmith.SALT_SECRET_VARIABLE, "the guild's secret"))
            .build()
            .check(site);
    Report blank =
        Badgesmith.builder()
            .environment(Map.of(Badgesmith.SALT_SECRET_VARIABLE, " "))
            .build()
            .check(site);

    assertThat(salted.diagnostics()).isEmpty();
    assertThat(warnings(blank)).containsExactly(WARNING);
  }

  @Test
  void recipientsByUrlOrAlreadyHashedAreNeverCounted() {
    Path site = site();
    TestSites.unpack(
        site,
        """
        -- awards/intro/jane.yaml
        recipient:
          url: https://jane.example.org/
        issuedOn: 2025-03-14
        -- awards/intro/ada.yaml
        recipient:
          hashed: sha256$1c2b4bb6d8b1de7bdd6a8ae0bb4f6d54b1f4d2e4a1d4ca7ea42d9d54f0c3bd8f
          salt: 0a1b2c3d4e5f
        issuedOn: 2025-03-10
        """);

    assertThat(Badgesmith.builder().build().check(site).diagnostics()).isEmpty();
  }

  @Test
  void theCommandLinePrintsItAndSucceeds() {
    Path site = site();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        Main.run(
            new String[] {"check", site.toString()},
            Map.of(),
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertThat(code).isEqualTo(Main.OK);
    assertThat(err.toString()).isEqualTo(WARNING + "\n0 errors, 1 warning\n");
  }
}
