package dev.badgesmith.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site held to its published.lock: what passes, what fails and where it points. */
class LockCheckTest {
  private static final Badgesmith BADGESMITH = Badgesmith.builder().threads(2).build();

  @TempDir Path tmp;
  Path site;

  @BeforeEach
  void publishASiteAndItsLock() {
    site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.unpack(
        site,
        """
        -- awards/intro/ada.yaml
        recipient:
          email: ada@example.org
          name: Ada L.
        issuedOn: 2025-03-10
        narrative: Wrote the lexer.
        evidence:
          - url: https://code.example.net/ada/lexer
            name: lexer
        """);
    Report locked = BADGESMITH.lock(site);
    assertThat(TestSites.withoutSaltWarning(locked.diagnostics())).isEmpty();
    assertThat(locked.lock().orElseThrow().written()).isTrue();
  }

  private String lockText() {
    return read(site.resolve(PublishedLock.FILE));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<String> lockLines() {
    return lockText().lines().filter(l -> !l.startsWith("#")).toList();
  }

  private List<String> errors(Report report) {
    return TestSites.withoutSaltWarning(report.diagnostics()).stream()
        .map(Diagnostic::format)
        .toList();
  }

  @Test
  void theLockHasOneSortedLinePerAwardWithItsUrlDigestFieldsAndIndex() {
    assertThat(lockText()).startsWith("# published.lock v1");
    assertThat(lockLines()).hasSize(2);
    assertThat(lockLines().get(0))
        .matches(
            "intro/ada \\d+ https://badges\\.example\\.org/guild/assertions/intro/ada\\.json"
                + " sha256:[0-9a-f]{64} [0-9a-f]{4}(-[0-9a-f]{4}){7}");
    assertThat(lockLines().get(1)).startsWith("intro/jane ");
    assertThat(TestSites.withoutSaltWarning(BADGESMITH.check(site).diagnostics())).isEmpty();
  }

  @Test
  void lockingAgainChangesNothing() {
    String before = lockText();
    Report again = BADGESMITH.lock(site);
    assertThat(again.lock().orElseThrow().written()).isFalse();
    assertThat(lockText()).isEqualTo(before);
  }

  @Test
  void anEditedNarrativeFailsAtItsLineWithAHintToRevoke() {
    TestSites.write(
        site.resolve("awards/intro/ada.yaml"),
        read(site.resolve("awards/intro/ada.yaml")).replace("the lexer", "the parser"));

    Report report = BADGESMITH.check(site);

    assertThat(errors(report))
        .containsExactly(
            "awards/intro/ada.yaml:5:1: error[BSG401]: the published award intro/ada"
                + " (published.lock line 5) changed: its narrative changed\n"
                + "  hint: a published award cannot change: restore what was published and revoke"
                + " it instead ('revoked:' with a 'reason' and a 'date'), then award anew in a new"
                + " file");
    assertThat(report.lock().orElseThrow().altered())
        .extracting(AwardChange::source)
        .containsExactly("awards/intro/ada.yaml");
  }

  @Test
  void eachChangedPartIsReportedOnItsOwnLine() {
    TestSites.write(
        site.resolve("awards/intro/ada.yaml"),
        """
        recipient:
          email: ada.lovelace@example.org
          name: Ada Lovelace
        issuedOn: 2025-03-11
        expires: 2030-01-01
        narrative: Wrote the lexer.
        """);

    Report report = BADGESMITH.check(site);

    assertThat(TestSites.withoutSaltWarning(report.diagnostics()))
        .extracting(d -> d.path() + ":" + d.line() + ":" + d.column() + " " + d.message())
        .containsExactly(
            "awards/intro/ada.yaml:1:1 the published award intro/ada (published.lock line 5)"
                + " changed: its evidence was removed",
            "awards/intro/ada.yaml:2:3 the published award intro/ada (published.lock line 5)"
                + " changed: its recipient changed",
            "awards/intro/ada.yaml:3:3 the published award intro/ada (published.lock line 5)"
                + " changed: its recipient's display name changed",
            "awards/intro/ada.yaml:4:1 the published award intro/ada (published.lock line 5)"
                + " changed: its issue date changed",
            "awards/intro/ada.yaml:5:1 the published award intro/ada (published.lock line 5)"
                + " changed: its expiry was added");
  }

  @Test
  void rewritingAnAwardWithTheSameValuesIsNoChange() {
    // Key order, quoting, comments and an explicit UTC time are how the file is written, not what
    // is published.
    TestSites.write(
        site.resolve("awards/intro/ada.yaml"),
        """
        # Ada's first badge
        issuedOn: "2025-03-10T00:00:00Z"
        narrative: "Wrote the lexer."
        evidence:
          - name: 'lexer'
            url: https://code.example.net/ada/lexer
        recipient: {name: "Ada L.", email: ADA@example.org}
        """);

    assertThat(TestSites.withoutSaltWarning(BADGESMITH.check(site).diagnostics())).isEmpty();
  }

  @Test
  void anExpiryThatABadgeClassChangesIsAChangeOfItsAwards() {
    Path badge = site.resolve("badges/intro.md");
    TestSites.write(badge, read(badge).replace("name: Intro\n", "name: Intro\nvalidFor: P1Y\n"));

    assertThat(TestSites.withoutSaltWarning(BADGESMITH.check(site).diagnostics()))
        .extracting(Diagnostic::format)
        .contains(
            "awards/intro/jane.yaml:1:1: error[BSG401]: the published award intro/jane"
                + " (published.lock line 6) changed: its expiry was added (set by badges/intro.md)"
                + "\n  hint: a published award cannot change: restore what was published and"
                + " revoke it instead ('revoked:' with a 'reason' and a 'date'), then award anew"
                + " in a new file");
  }

  @Test
  void aMovedSiteIsAChangeOfEveryAward() {
    Path settings = site.resolve("site.yaml");
    TestSites.write(settings, read(settings).replace("/guild/", "/club/"));

    assertThat(TestSites.withoutSaltWarning(BADGESMITH.check(site).diagnostics()))
        .extracting(Diagnostic::message)
        .containsExactly(
            "the published award intro/ada (published.lock line 5) would move from"
                + " https://badges.example.org/guild/assertions/intro/ada.json to"
                + " https://badges.example.org/club/assertions/intro/ada.json",
            "the published award intro/jane (published.lock line 6) would move from"
                + " https://badges.example.org/guild/assertions/intro/jane.json to"
                + " https://badges.example.org/club/assertions/intro/jane.json");
  }

  @Test
  void aDeletedAwardFailsAtItsLockLine() throws IOException {
    Files.delete(site.resolve("awards/intro/jane.yaml"));

    Report report = BADGESMITH.check(site);

    assertThat(errors(report))
        .containsExactly(
            "published.lock:6:1: error[BSG402]: the award intro/jane was published at"
                + " https://badges.example.org/guild/assertions/intro/jane.json and is gone\n"
                + "  hint: deleting a published award breaks every copy its earner shared: restore"
                + " awards/intro/jane.yaml and revoke it instead ('revoked:' with a 'reason' and a"
                + " 'date')");
    assertThat(report.lock().orElseThrow().removed())
        .extracting(AwardChange::award, AwardChange::source)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("intro/jane", "published.lock:6"));
  }

  @Test
  void aDeletedAwardIsReportedEvenWhenAnotherFileHasErrors() throws IOException {
    Files.delete(site.resolve("awards/intro/jane.yaml"));
    TestSites.write(
        site.resolve("awards/intro/ada.yaml"), "recipient:\n  email: ada@example.org\n");

    assertThat(TestSites.withoutSaltWarning(BADGESMITH.check(site).diagnostics()))
        .extracting(d -> d.code().id() + " " + d.path())
        .containsExactly("BSG104 awards/intro/ada.yaml", "BSG402 published.lock");
  }

  @Test
  void revokingAPublishedAwardPassesAndTheLockMarksIt() {
    String jane = lockLines().get(1);
    Path file = site.resolve("awards/intro/jane.yaml");
    TestSites.write(
        file, read(file) + "revoked:\n  reason: Awarded by mistake\n  date: 2025-04-01\n");

    Report check = BADGESMITH.check(site);
    assertThat(TestSites.withoutSaltWarning(check.diagnostics())).isEmpty();
    assertThat(check.lock().orElseThrow().revoked())
        .extracting(AwardChange::award)
        .containsExactly("intro/jane");

    BADGESMITH.lock(site);
    assertThat(lockLines().get(1)).isEqualTo(jane + " revoked");
  }

  @Test
  void aNewAwardPassesIsListedAndLockAddsExactlyItsLine() {
    List<String> before = lockLines();
    TestSites.write(
        site.resolve("awards/intro/zoe.yaml"),
        "recipient:\n  url: https://zoe.example.net/\n  name: Zoë\nissuedOn: 2025-05-01\n");

    Report check = BADGESMITH.check(site);
    assertThat(TestSites.withoutSaltWarning(check.diagnostics())).isEmpty();
    assertThat(check.lock().orElseThrow().added())
        .containsExactly(
            new AwardChange(
                "intro/zoe", "Intro", "awards/intro/zoe.yaml", java.util.Optional.of("Zoë")));

    BADGESMITH.lock(site);
    assertThat(lockLines()).hasSize(3).containsAll(before);
    assertThat(lockLines().get(2)).startsWith("intro/zoe ");
  }

  @Test
  void lockWritesNothingWhileAPublishedAwardIsChanged() {
    String before = lockText();
    TestSites.write(
        site.resolve("awards/intro/zoe.yaml"),
        "recipient:\n  email: zoe@example.org\nissuedOn: 2025-05-01\n");
    Path ada = site.resolve("awards/intro/ada.yaml");
    TestSites.write(ada, read(ada).replace("2025-03-10", "2025-03-09"));

    Report report = BADGESMITH.lock(site);

    assertThat(report.hasErrors()).isTrue();
    assertThat(lockText()).isEqualTo(before);
  }

  @Test
  void theLockDoesNotDependOnTheSaltSecret() {
    String before = lockText();
    Badgesmith secret =
        Badgesmith.builder().environment(Map.of(Badgesmith.SALT_SECRET_VARIABLE, "s3cret")).build();
    assertThat(TestSites.withoutSaltWarning(secret.check(site).diagnostics())).isEmpty();
    secret.lock(site);
    assertThat(lockText()).isEqualTo(before);
  }

  @Test
  void theLockHoldsNoRecipientAddress() {
    assertThat(lockText()).doesNotContain("ada@", "jane@", "example.org/ada");
  }

  @Test
  void malformedLinesArePositionedAndTheRestStillHolds() {
    String text = lockText();
    String ada = lockLines().get(0);
    String jane = lockLines().get(1);
    String[] columns = jane.split(" ");
    TestSites.write(
        site.resolve(PublishedLock.FILE),
        text.replace(jane, jane.replace(" " + columns[1] + " ", " 131072 "))
            + "intro/ben 7\n"
            + ada.replace(" " + ada.split(" ")[1] + " ", " 7 ")
            + "\n");

    Report report = BADGESMITH.check(site);

    assertThat(TestSites.withoutSaltWarning(report.diagnostics()))
        .extracting(d -> d.path() + ":" + d.line() + ":" + d.column() + " " + d.code().id())
        .containsExactly(
            "published.lock:6:12 BSG400", "published.lock:7:1 BSG400", "published.lock:8:1 BSG400");
    assertThat(TestSites.withoutSaltWarning(report.diagnostics()).get(0).message())
        .isEqualTo("'131072' is not a status list index (0 to 131071)");
    assertThat(TestSites.withoutSaltWarning(report.diagnostics()).get(2).message())
        .isEqualTo("the award intro/ada is also on line 5");
  }

  @Test
  void twoLinesWithOneIndexAreRefused() {
    String ada = lockLines().get(0);
    String jane = lockLines().get(1);
    String adaIndex = ada.split(" ")[1];
    String janeIndex = jane.split(" ")[1];
    TestSites.write(
        site.resolve(PublishedLock.FILE),
        lockText().replace(jane, jane.replace(" " + janeIndex + " ", " " + adaIndex + " ")));

    assertThat(TestSites.withoutSaltWarning(BADGESMITH.check(site).diagnostics()))
        .extracting(Diagnostic::format)
        .containsExactly(
            "published.lock:6:12: error[BSG400]: the status index "
                + adaIndex
                + " is also the index of intro/ada (line 5)\n"
                + "  hint: an index belongs to one award: keep the line of the award published"
                + " first, delete this one and run `badgesmith lock` to give intro/jane a new"
                + " index");
  }

  @Test
  void theBuildPublishesEachCredentialWithTheIndexOfItsLockLine() throws IOException {
    var rsa = dev.badgesmith.sign.KeyGenerator.generate(dev.badgesmith.sign.KeyAlgorithm.RS256);
    TestSites.write(site.resolve("keys/rsa-1.pem"), rsa.publicKeyPem());
    Path settings = site.resolve("site.yaml");
    TestSites.write(
        settings,
        read(settings)
            + "signing:\n  jwt: rsa-1\n  keys:\n    - id: rsa-1\n      algorithm: RS256\n");
    // An index the id would never give: the lock's word is what counts.
    String jane = lockLines().get(1);
    TestSites.write(
        site.resolve(PublishedLock.FILE),
        lockText().replace(jane, jane.replace(" " + jane.split(" ")[1] + " ", " 7 ")));

    Report build =
        Badgesmith.builder()
            .environment(
                Map.of(
                    dev.badgesmith.sign.PrivateKeys.environmentVariable("rsa-1"),
                    rsa.privateKeyPem()))
            .build()
            .build(site, tmp.resolve("out"));

    assertThat(TestSites.withoutSaltWarning(build.diagnostics())).isEmpty();
    String jwt = read(tmp.resolve("out/credentials/intro/jane.jwt")).strip();
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    assertThat(payload).contains("\"statusListIndex\":\"7\"");
  }
}
