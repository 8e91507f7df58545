package dev.badgesmith.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.testing.GitRepo;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endorsements a site gives, held to their lines of published.lock as awards are: on a copy of
 * the signed golden site, whose issuers give four endorsements, each an EndorsementCredential with
 * its own entry in the shared status list.
 */
class EndorsementLockTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHANGE_HINT =
      "  hint: a published endorsement cannot change: restore what was published and revoke it"
          + " instead ('revoked:' with a 'reason' and a 'date'), then endorse anew in a new file";

  @TempDir Path tmp;
  Path site;

  private Badgesmith badgesmith() {
    return Badgesmith.builder()
        .threads(2)
        .environment(Map.of("BADGESMITH_SALT_SECRET", "golden-sites-salt-secret"))
        .keysDirectory(TestSites.resources("keys"))
        .build();
  }

  @BeforeEach
  void lockTheSignedSite() {
    site = tmp.resolve("site");
    TestSites.copy(TestSites.resources("sites/signed/input"), site);
    Report locked = badgesmith().lock(site);
    assertThat(locked.diagnostics()).isEmpty();
  }

  /**
   * Where a key's index starts, by the published rule: the first four bytes of the SHA-256 of the
   * key ({@code badge/award}, or {@code endorsement:<id>}), big-endian, modulo the list's size.
   */
  private static int start(String key) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return Math.floorMod(ByteBuffer.wrap(digest, 0, 4).getInt(), StatusIndexes.SIZE);
  }

  /** The first id {@code prefix + n} whose key, {@code keyPrefix + id}, starts at an index. */
  private static String collidingWith(int index, String keyPrefix, String prefix) {
    return IntStream.range(0, 10_000_000)
        .mapToObj(i -> prefix + i)
        .filter(id -> start(keyPrefix + id) == index)
        .findFirst()
        .orElseThrow();
  }

  private String read(String path) {
    try {
      return Files.readString(site.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> lockLines() {
    return read(PublishedLock.FILE).lines().toList();
  }

  private String lockLine(String key) {
    return lockLines().stream().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow();
  }

  private int lockIndex(String key) {
    return Integer.parseInt(lockLine(key).split(" ")[1]);
  }

  private static List<String> errors(Report report) {
    return report.diagnostics().stream().map(Diagnostic::format).toList();
  }

  private static int statusIndex(Path out, String credential) throws IOException {
    JsonNode json = JSON.readTree(out.resolve(credential).toFile());
    return Integer.parseInt(json.path("credentialStatus").path("statusListIndex").asText());
  }

  @Test
  void eachEndorsementHasALineAfterTheAwardsWithTheIndexItsCredentialPublishes()
      throws IOException {
    List<String> lines = lockLines();
    int header = lines.indexOf(PublishedLock.ENDORSEMENT_HEADER.strip());
    assertThat(lines.get(header - 1)).as("the award lines come first").startsWith("first-light/");
    assertThat(lines.subList(header + 1, lines.size()))
        .extracting(l -> l.substring(0, l.indexOf(' ')))
        .containsExactly(
            "endorsement:ada-log",
            "endorsement:observatory-telescope",
            "endorsement:society-first-light",
            "endorsement:society-observatory");
    assertThat(lockLine("endorsement:society-first-light"))
        .matches(
            "endorsement:society-first-light \\d+"
                + " https://observatory\\.example/badges/endorsements/society-first-light\\.json"
                + " sha256:[0-9a-f]{64} [0-9a-f]{4}(-[0-9a-f]{4}){3}");
    assertThat(lockLine("endorsement:observatory-telescope")).endsWith(" revoked");

    // Adopting the lock keeps every index the site has published.
    Path out = tmp.resolve("out");
    assertThat(badgesmith().build(site, out).diagnostics()).isEmpty();
    for (String id :
        List.of("ada-log", "observatory-telescope", "society-first-light", "society-observatory")) {
      assertThat(lockIndex("endorsement:" + id))
          .as(id)
          .isEqualTo(statusIndex(out, "endorsements/" + id + "/credential.json"));
    }
  }

  @Test
  void theLockRoundTripsAndLockingAgainChangesNothing() {
    String text = read(PublishedLock.FILE);
    Diagnostics diagnostics = new Diagnostics();
    PublishedLock parsed = PublishedLock.parse(text, diagnostics);
    assertThat(diagnostics.sorted()).isEmpty();
    assertThat(parsed.endorsements()).hasSize(4);
    assertThat(parsed.format()).isEqualTo(text);

    Report again = badgesmith().lock(site);
    assertThat(again.lock().orElseThrow().written()).isFalse();
    assertThat(read(PublishedLock.FILE)).isEqualTo(text);
    assertThat(badgesmith().check(site).diagnostics()).isEmpty();
  }

  @Test
  void aMalformedEndorsementLineOrAnIndexHeldTwiceIsReportedAtItsColumn() {
    String award =
        "first-light/ada 37463 https://observatory.example/badges/assertions/first-light/ada.json"
            + " sha256:"
            + "a".repeat(64)
            + " b172-ec1c-8738-d032-a829-7423-bbb1-13f7";
    String text =
        award
            + "\n"
            + lockLine("endorsement:ada-log")
            + "\n"
            + lockLine("endorsement:society-observatory").replace(" sha256:", " sha1:")
            + "\n"
            + lockLine("endorsement:society-first-light").replaceAll("-[0-9a-f]{4}$", "")
            + "\n";
    Diagnostics diagnostics = new Diagnostics();

    PublishedLock parsed = PublishedLock.parse(text, diagnostics);

    assertThat(parsed.lines()).hasSize(1);
    assertThat(parsed.endorsements()).isEmpty();
    assertThat(diagnostics.sorted())
        .extracting(d -> d.line() + ":" + d.column() + " " + d.code().id() + " " + d.message())
        .containsExactly(
            "2:21 BSG400 the status index 37463 is also the index of first-light/ada (line 1)",
            "3:"
                + column(text, 3, " sha1:")
                + " BSG400 'sha1:"
                + lockLine("endorsement:society-observatory").split(" ")[3].substring(7)
                + "' is not sha256: and 64 hex digits",
            "4:"
                + column(text, 4, " 81a7-")
                + " BSG400 '"
                + lockLine("endorsement:society-first-light")
                    .split(" ")[4]
                    .replaceAll("-[0-9a-f]{4}$", "")
                + "' is not 4 fingerprints of 4 hex digits joined by '-'");
  }

  /** The 1-based column of the text after a space on a line of a text. */
  private static int column(String text, int line, String after) {
    return text.lines().toList().get(line - 1).indexOf(after) + 2;
  }

  @Test
  void aNewAwardLandingOnALockedEndorsementsIndexTakesAnotherAndTheEndorsementKeepsItsOwn()
      throws IOException {
    int endorsed = lockIndex("endorsement:society-first-light");
    String id = collidingWith(endorsed, "first-light/", "x");
    TestSites.write(
        site.resolve("awards/first-light/" + id + ".yaml"),
        "recipient:\n  email: newcomer@example.org\nissuedOn: 2025-12-01\n");

    Path out = tmp.resolve("out");
    assertThat(badgesmith().build(site, out).diagnostics()).isEmpty();
    assertThat(statusIndex(out, "endorsements/society-first-light/credential.json"))
        .isEqualTo(endorsed);
    int award = statusIndex(out, "credentials/first-light/" + id + ".json");
    assertThat(award).isNotEqualTo(endorsed);

    String before = lockLine("endorsement:society-first-light");
    Report locked = badgesmith().lock(site);
    assertThat(locked.diagnostics()).isEmpty();
    assertThat(locked.lockWritten())
        .hasValue("Wrote published.lock: 1 award added, 0 revocations marked");
    assertThat(lockIndex("first-light/" + id)).isEqualTo(award);
    assertThat(lockLine("endorsement:society-first-light")).isEqualTo(before);

    // Without the endorsement's line, the award's index comes first and the endorsement moves.
    String unlocked =
        String.join(
                "\n",
                lockLines().stream()
                    .filter(l -> !l.startsWith("endorsement:") && !l.startsWith("first-light/x"))
                    .toList())
            + "\n";
    TestSites.write(site.resolve(PublishedLock.FILE), unlocked);
    Path moved = tmp.resolve("moved");
    assertThat(badgesmith().build(site, moved).diagnostics()).isEmpty();
    assertThat(statusIndex(moved, "credentials/first-light/" + id + ".json")).isEqualTo(endorsed);
    assertThat(statusIndex(moved, "endorsements/society-first-light/credential.json"))
        .isNotEqualTo(endorsed);
  }

  @Test
  void aNewEndorsementLandingOnALockedAwardsIndexTakesAnother() {
    int awarded = lockIndex("first-light/ada");
    String id = collidingWith(awarded, "endorsement:", "e");
    TestSites.write(
        site.resolve("endorsements/" + id + ".yaml"),
        "endorser: observatory\nendorses:\n  award: first-light/ada\nclaim: Well logged.\n"
            + "issuedOn: 2025-12-01\n");
    String before = lockLine("first-light/ada");

    Report locked = badgesmith().lock(site);

    assertThat(locked.diagnostics()).isEmpty();
    assertThat(locked.lockWritten())
        .hasValue(
            "Wrote published.lock: 0 awards added, 1 endorsement added, 0 revocations marked");
    assertThat(lockIndex("endorsement:" + id)).isNotEqualTo(awarded);
    assertThat(lockLine("first-light/ada")).isEqualTo(before);
  }

  @Test
  void aChangedClaimFailsAtItsLine() {
    String file = "endorsements/society-observatory.yaml";
    TestSites.write(site.resolve(file), read(file).replace("experienced", "seasoned"));
    int line = lockLines().indexOf(lockLine("endorsement:society-observatory")) + 1;

    Report report = badgesmith().check(site);

    assertThat(errors(report))
        .containsExactly(
            file
                + ":4:1: error[BSG401]: the published endorsement society-observatory"
                + " (published.lock line "
                + line
                + ") changed: its claim changed\n"
                + CHANGE_HINT);
    assertThat(report.lock().orElseThrow().endorsements().altered())
        .containsExactly("society-observatory");
    // The build refuses it as check does, and lock writes nothing.
    String lock = read(PublishedLock.FILE);
    assertThat(errors(badgesmith().lock(site))).hasSize(1);
    assertThat(read(PublishedLock.FILE)).isEqualTo(lock);
  }

  @Test
  void aChangedTargetFailsAtTheKeyThatNamesIt() {
    String file = "endorsements/society-first-light.yaml";
    TestSites.write(
        site.resolve(file), read(file).replace("badge: first-light", "issuer: observatory"));

    assertThat(badgesmith().check(site).diagnostics())
        .extracting(d -> d.path() + ":" + d.line() + ":" + d.column() + " " + d.message())
        .containsExactly(
            file
                + ":3:3 the published endorsement society-first-light (published.lock line "
                + (lockLines().indexOf(lockLine("endorsement:society-first-light")) + 1)
                + ") changed: its endorsed badge class, issuer or award changed");
  }

  @Test
  void aDeletedEndorsementFailsAtItsLockLine() throws IOException {
    int line = lockLines().indexOf(lockLine("endorsement:ada-log")) + 1;
    Files.delete(site.resolve("endorsements/ada-log.yaml"));

    Report report = badgesmith().check(site);

    assertThat(errors(report))
        .containsExactly(
            "published.lock:"
                + line
                + ":1: error[BSG402]: the endorsement ada-log was published at"
                + " https://observatory.example/badges/endorsements/ada-log.json and is gone\n"
                + "  hint: deleting a published endorsement breaks every copy of its credential"
                + " that was shared: restore endorsements/ada-log.yaml and revoke it instead"
                + " ('revoked:' with a 'reason' and a 'date')");
    assertThat(report.lock().orElseThrow().endorsements().removed()).containsExactly("ada-log");
  }

  @Test
  void revokingPassesAndTheLockMarksIt() throws IOException {
    String file = "endorsements/ada-log.yaml";
    String before = lockLine("endorsement:ada-log");
    TestSites.write(
        site.resolve(file),
        read(file) + "revoked:\n  reason: The log was not Ada's own\n  date: 2025-12-01\n");

    Report checked = badgesmith().check(site);
    assertThat(checked.diagnostics()).isEmpty();
    assertThat(checked.lock().orElseThrow().endorsements().revoked()).containsExactly("ada-log");

    assertThat(checked.summaryMarkdown(Path.of("site")))
        .endsWith(
            "No award is added, revoked or altered.\n\n"
                + "#### Endorsements (1)\n\n"
                + "| Endorsement | Change |\n|---|---|\n"
                + "| `endorsements/ada-log.yaml` | revoked |\n\n");

    badgesmith().lock(site);
    assertThat(lockLine("endorsement:ada-log")).isEqualTo(before + " revoked");
  }

  @Test
  void aPullRequestIsHeldToTheEndorsementLinesOfItsBase() {
    assumeTrue(GitRepo.installed(), "git is not installed");
    GitRepo git = new GitRepo(site, tmp.resolve("gitconfig"));
    git.run("init", "-q", "-b", "main");
    git.commit("the signed site, locked");
    int line = lockLines().indexOf(lockLine("endorsement:society-observatory")) + 1;

    // A change that deletes an endorsement with its lock line agrees with its own lock.
    git.run("rm", "-q", "endorsements/society-observatory.yaml");
    TestSites.write(
        site.resolve(PublishedLock.FILE),
        read(PublishedLock.FILE).replace(lockLine("endorsement:society-observatory") + "\n", ""));
    assertThat(badgesmith().check(site).diagnostics()).isEmpty();

    Report report =
        Badgesmith.builder()
            .threads(2)
            .environment(Map.of("BADGESMITH_SALT_SECRET", "golden-sites-salt-secret"))
            .lockBase("main")
            .build()
            .check(site);
    assertThat(errors(report))
        .containsExactly(
            "published.lock:"
                + line
                + ":1: error[BSG403]: the line of endorsement:society-observatory, published at"
                + " https://observatory.example/badges/endorsements/society-observatory.json, is"
                + " in published.lock at main (line "
                + line
                + ") and this change removes it\n"
                + "  hint: a published endorsement stays in published.lock: restore the line as"
                + " it is at main (and endorsements/society-observatory.yaml), then revoke the"
                + " endorsement ('revoked:' with a 'reason' and a 'date') and run `badgesmith"
                + " lock`");
  }
}
