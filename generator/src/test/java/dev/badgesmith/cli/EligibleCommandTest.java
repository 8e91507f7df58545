package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code badgesmith eligible}, {@code award --eligible} and the notes of {@code check} on a site
 * with an "any 2 of" stack badge.
 */
class EligibleCommandTest {
  /** Three languages and a stack badge for any two of them. */
  private static final String SITE =
      """
      -- site.yaml
      title: Test Guild
      baseUrl: https://badges.example.org/guild/
      -- issuers/guild.yaml
      name: The Guild
      url: https://guild.example.org/
      email: badges@guild.example.org
      -- badges/python.md
      ---
      name: Python
      description: Wrote Python.
      ---
      Write Python.
      -- badges/java.md
      ---
      name: Java
      description: Wrote Java.
      ---
      Write Java.
      -- badges/rust.md
      ---
      name: Rust
      description: Wrote Rust.
      ---
      Write Rust.
      -- badges/polyglot.md
      ---
      name: Polyglot
      description: Writes two languages.
      requires:
        any: 2
        of: [python, java, rust]
      ---
      Hold two of the language badges.
      -- awards/python/ada.yaml
      recipient:
        email: Ada.Lovelace@Example.org
        name: Ada Lovelace
      issuedOn: 2025-01-10
      -- awards/java/ada.yaml
      recipient:
        email: ada.lovelace@example.org
      issuedOn: 2025-02-10
      -- awards/python/bob.yaml
      recipient:
        email: bob@example.org
      issuedOn: 2025-01-10
      -- awards/java/bob.yaml
      recipient:
        email: bob@example.org
      issuedOn: 2025-01-10
      revoked:
        reason: Awarded in error
      -- awards/python/cara.yaml
      recipient:
        email: cara@example.org
      issuedOn: 2019-01-10
      -- awards/rust/cara.yaml
      recipient:
        email: cara@example.org
      issuedOn: 2019-01-10
      expires: 2020-01-10
      """;

  @TempDir Path tmp;
  Path site;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void site() {
    site = TestSites.unpack(tmp.resolve("site"), SITE);
    for (String badge : new String[] {"python", "java", "rust", "polyglot"}) {
      TestSites.write(
          site.resolve("badges/" + badge + ".svg"),
          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\""
              + " cy=\"5\" r=\"4\"/></svg>");
    }
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private int run(Map<String, String> environment, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void listsTheEarnerWhoseLiveAwardsMeetTheRuleHoweverTheAddressIsSpelled() {
    assertThat(run("eligible", site.toString())).as(err.toString()).isZero();

    // Bob's Java award is revoked and Cara's Rust award has expired: one language each.
    assertThat(out.toString())
        .isEqualTo(
            "1 earner eligible for polyglot:\n"
                + "  email ada.lovelace@example.org: python/ada, java/ada\n");
  }

  @Test
  void checkCountsTheEligibleWithoutNamingThem() throws IOException {
    Path summary = tmp.resolve("summary.md");
    out = new StringWriter();
    err = new StringWriter();
    int code =
        Main.run(
            new String[] {"check", site.toString()},
            Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "note: 1 earner is eligible for polyglot: run badgesmith eligible "
                + site
                + " polyglot\n")
        .doesNotContain("lovelace@");
    assertThat(Files.readString(summary))
        .contains("- `polyglot`: 1 earner (`badgesmith eligible . polyglot` names them)")
        .doesNotContain("lovelace@");
  }

  @Test
  void awardEligibleWritesCheckedAwardsWithEvidenceAndLeavesNobodyEligible() throws IOException {
    assertThat(
            run(
                "award",
                "polyglot",
                "--site",
                site.toString(),
                "--eligible",
                "--issued-on",
                "2025-06-01"))
        .as(err.toString())
        .isZero();

    assertThat(out.toString())
        .isEqualTo("Wrote 1 award files:\n  awards/polyglot/ada-lovelace.yaml\n");
    assertThat(Files.readString(site.resolve("awards/polyglot/ada-lovelace.yaml")))
        .isEqualTo(
            """
            recipient:
              email: ada.lovelace@example.org
              name: Ada Lovelace
            issuedOn: 2025-06-01
            evidence:
            - url: https://badges.example.org/guild/assertions/python/ada/
              name: Python
            - url: https://badges.example.org/guild/assertions/java/ada/
              name: Java
            """);
    assertThat(run("check", site.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).doesNotContain("note:");
    assertThat(run("eligible", site.toString(), "polyglot")).isZero();
    assertThat(out.toString())
        .isEqualTo("Nobody is eligible for a stack badge they do not hold.\n");
  }

  @Test
  void aHashedEarnerIsListedByAwardAndSkippedByAwardEligible() throws IOException {
    String salt = "0123456789abcdef";
    TestSites.write(
        site.resolve("badges/snake.md"),
        "---\nname: Snake\ndescription: Python, then more.\nrequires: [python]\n---\nHold"
            + " Python.\n");
    TestSites.write(
        site.resolve("badges/snake.svg"), Files.readString(site.resolve("badges/python.svg")));
    TestSites.write(
        site.resolve("awards/python/dan.yaml"),
        "recipient:\n  hashed: "
            + IdentityHash.hash("dan@example.org", salt)
            + "\n  salt: "
            + salt
            + "\n  type: email\nissuedOn: 2025-01-10\n");

    assertThat(run("eligible", site.toString(), "snake")).as(err.toString()).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "4 earners eligible for snake:\n"
                + "  a hashed recipient (awards python/dan): python/dan\n"
                + "  email ada.lovelace@example.org: python/ada\n"
                + "  email bob@example.org: python/bob\n"
                + "  email cara@example.org: python/cara\n");

    assertThat(run("award", "snake", "--site", site.toString(), "--eligible"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .startsWith(
            "Skipped a hashed recipient (awards python/dan): the repository does not hold their"
                + " address; award them by it (badgesmith award snake --email ADDRESS --hash)\n"
                + "Wrote 3 award files:\n");
    assertThat(site.resolve("awards/snake/dan.yaml")).doesNotExist();
  }

  @Test
  void hashedAwardsWithAStoredEarnerKeyMatchAndTheKeyIsNeverPublished() throws IOException {
    Map<String, String> secret = Map.of("BADGESMITH_SALT_SECRET", "a test secret, never deployed");
    assertThat(
            run(
                secret,
                "award",
                "python",
                "--site",
                site.toString(),
                "--email",
                "eve@example.org",
                "--id",
                "eve",
                "--hash"))
        .as(err.toString())
        .isZero();
    assertThat(
            run(
                secret,
                "award",
                "rust",
                "--site",
                site.toString(),
                "--email",
                " EVE@Example.org",
                "--id",
                "eve",
                "--hash"))
        .as(err.toString())
        .isZero();
    String python = Files.readString(site.resolve("awards/python/eve.yaml"));
    String key = python.replaceAll("(?s).*earner: (hmac-sha256:[0-9a-f]{64}).*", "$1");
    assertThat(key).startsWith("hmac-sha256:");
    assertThat(Files.readString(site.resolve("awards/rust/eve.yaml"))).contains("earner: " + key);

    assertThat(run(secret, "eligible", site.toString(), "polyglot")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("  a hashed recipient (awards python/eve, rust/eve): python/eve, rust/eve\n")
        .contains("  email ada.lovelace@example.org: python/ada, java/ada\n")
        .startsWith("2 earners eligible for polyglot:\n");
    // Without the secret the stored keys still match each other.
    assertThat(run("eligible", site.toString(), "polyglot")).isZero();
    assertThat(out.toString()).startsWith("2 earners eligible for polyglot:\n");

    Path built = tmp.resolve("out");
    assertThat(run(secret, "build", site.toString(), "-o", built.toString()))
        .as(err.toString())
        .isZero();
    String hex = key.substring("hmac-sha256:".length());
    for (Map.Entry<String, byte[]> file : TestSites.read(built).entrySet()) {
      assertThat(new String(file.getValue(), java.nio.charset.StandardCharsets.ISO_8859_1))
          .as(file.getKey())
          .doesNotContain(hex);
    }
  }

  @Test
  void anEarnerKeyOfAnotherFormIsAnError() {
    TestSites.write(
        site.resolve("awards/python/ada.yaml"),
        "recipient:\n  email: ada@example.org\nissuedOn: 2025-01-10\nearner: sha256:abc\n");

    assertThat(run("check", site.toString())).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(err.toString())
        .contains(
            "awards/python/ada.yaml:4:9: error[BSG105]: 'earner' must be hmac-sha256: and 64"
                + " lowercase hex digits");
  }

  @Test
  void aBadgeThatRequiresNothingIsAUsageError() {
    assertThat(run("eligible", site.toString(), "python")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("the badge class 'python' requires no badges");
  }
}
