package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.testing.KeyRotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verify page in a real browser ({@link BrowserRun}, cases from {@link VerifyCases}): it
 * accepts the site's baked badges in every proof form (embedded Data Integrity proofs included) and
 * learner records, and rejects tampered and revoked ones, and ones signed outside their key's
 * validity, at the right step, over http and from a saved copy over file://. Skips when Chromium or
 * Node is absent.
 */
class VerifyPageBrowserTest {
  private static BrowserRun run;

  @BeforeAll
  static void runBrowser() throws IOException {
    run = BrowserRun.get();
  }

  @Test
  void acceptsTheSitesBakedBadgesInEveryProofForm() {
    for (String name :
        List.of(
            "ob2 png",
            "ob2 svg",
            "ob2 json",
            "ob3 png",
            "ob3 svg",
            "ob3 json",
            "ob3 jwt",
            "ob2 signed png",
            "ob2 signed jws",
            "certificate pdf")) {
      assertThat(run.steps(name))
          .as(name)
          .containsOnlyKeys("format", "proof", "issuer and key", "status", "expiry")
          .allSatisfy(
              (step, status) -> assertThat(status).as(name + ": " + step).isEqualTo("pass"));
      assertThat(run.verify(name).path("verdict").asText()).as(name).isEqualTo("pass");
    }
    assertThat(run.message("ob2 png", "format")).contains("baked in PNG (iTXt \"openbadges\")");
    assertThat(run.message("ob2 svg", "format")).contains("baked in SVG (openbadges:assertion)");
    assertThat(run.message("ob2 png", "proof"))
        .startsWith("hosted: the copy at " + BrowserRun.BASE_URL + "assertions/");
    assertThat(run.message("ob3 jwt", "proof"))
        .startsWith("VC-JWT RS256 by " + BrowserRun.BASE_URL + "keys/guild-rsa-2026.json");
    assertThat(run.message("ob2 signed jws", "proof"))
        .startsWith("JWS RS256 by " + BrowserRun.BASE_URL + "keys/ob2/");
    assertThat(run.message("ob2 signed png", "format"))
        .contains("signed assertion (JWS), baked in PNG");
    assertThat(run.message("certificate pdf", "format"))
        .isEqualTo(
            "Open Badges 3.0 credential with an embedded proof, embedded in a PDF certificate"
                + " (application/ld+json)");
  }

  @Test
  void verifiesALearnerRecordAndEachCredentialInIt() {
    for (String name : List.of("clr json", "clr jwt")) {
      assertThat(run.steps(name))
          .as(name)
          .containsOnlyKeys("format", "proof", "issuer and key", "status", "expiry", "credentials")
          .allSatisfy(
              (step, status) -> assertThat(status).as(name + ": " + step).isEqualTo("pass"));
      assertThat(run.message(name, "format")).as(name).startsWith("CLR 2.0 learner record");
      assertThat(run.message(name, "credentials"))
          .as(name)
          .isEqualTo("all 2 credentials in the record verified, each on its own");
      assertThat(run.verify(name).path("credentials")).as(name).hasSize(2);
      run.verify(name)
          .path("credentials")
          .forEach(c -> assertThat(c.path("status").asText()).as(name).isEqualTo("pass"));
      assertThat(run.verify(name).path("verdict").asText()).as(name).isEqualTo("pass");
    }
    assertThat(run.verify("clr json").path("credentials").get(0).path("name").asText())
        .startsWith("Credential 1: First Contribution");
    // The record's proof and the forged credential's own both fail; the other still verifies.
    run.assertFailsAt("forged clr json", "proof", "the signature does not match");
    assertThat(run.message("forged clr json", "credentials"))
        .isEqualTo("1 of 2 verified; not verified: credential 1 (proof failed)");
    JsonNode held = run.verify("forged clr json").path("credentials");
    assertThat(held.get(0).path("status").asText()).isEqualTo("fail");
    assertThat(BrowserRun.strings(held.get(0).path("failed"))).containsExactly("proof");
    assertThat(held.get(1).path("status").asText()).isEqualTo("pass");
  }

  @Test
  void verifiesTheEmbeddedDataIntegrityProofInTheBrowser() {
    for (String name : List.of("ob3 png", "ob3 svg", "ob3 json")) {
      assertThat(run.message(name, "proof"))
          .as(name)
          .isEqualTo(
              "Data Integrity eddsa-rdfc-2022 by did:web:badges.rustacean-guild.example#guild-ed-2026:"
                  + " the RDFC-1.0 canonical forms of the credential and of the proof options,"
                  + " hashed with SHA-256, match the Ed25519 signature");
      assertThat(run.message(name, "issuer and key"))
          .as(name)
          .contains("valid when it signed (proof created 2025-01-1");
    }
    assertThat(run.message("ob3 png", "format")).contains("iTXt \"openbadgecredential\"");
    assertThat(run.message("ob3 svg", "format")).contains("openbadges:credential");
  }

  @Test
  void aLargeSitesVerifyPageLoadsTheDigestsItNeedsWhenABadgeIsDropped() throws IOException {
    Path many = run.served().resolve("many");
    // data.js holds no per-award data: it is smaller than the example site's, with 300 more awards.
    assertThat(Files.readString(many.resolve("verify/data.js"), UTF_8))
        .contains("\"hostedBuckets\"")
        .doesNotContain("\"hostedAssertions\"");
    assertThat(Files.size(many.resolve("verify/data.js")))
        .isLessThan(Files.size(run.served().resolve("example/verify/data.js")));
    try (Stream<Path> buckets = Files.list(many.resolve("verify/hosted"))) {
      assertThat(buckets.count()).isEqualTo(256);
    }
    // Only the page, its stylesheet and scripts load before a badge is dropped: not the proof
    // scripts (jsonld.min.js alone is 197 KB), which load when a proof is checked.
    String page = Files.readString(many.resolve("verify/index.html"), UTF_8);
    assertThat(page).doesNotContain("<script src=\"jsonld.min.js\"");
    for (String name : List.of("many ob2 png", "many ob2 png of another", "many ob3 json")) {
      assertThat(run.steps(name))
          .as(name)
          .allSatisfy(
              (step, status) -> assertThat(status).as(name + ": " + step).isEqualTo("pass"));
      assertThat(run.verify(name).path("verdict").asText()).as(name).isEqualTo("pass");
    }
    run.assertFailsAt(
        "many ob2 json not hosted",
        "proof",
        "this site hosts no assertion at "
            + BrowserRun.BASE_URL
            + "assertions/code-reviewer/nobody.json");
  }

  @Test
  void rejectsACredentialWhoseProofDoesNotMatchAtProof() {
    run.assertFailsAt("tampered ob3 png", "proof", "the signature does not match");
    run.assertFailsAt("altered proofValue ob3 json", "proof", "the signature does not match");
    run.assertFailsAt("undefined term ob3 json", "proof", "cannot canonicalise the credential");
    assertThat(run.message("undefined term ob3 json", "proof")).contains("nickname");
    run.assertFailsAt(
        "unknown context ob3 json",
        "proof",
        "https://example.org/other-context.jsonld is not one this site publishes");
  }

  @Test
  void checksTheKeysValidityAtTheTimeOfSigning() {
    // Issued before the Ed25519 key began: signed as of the day it took over.
    assertThat(run.steps("re-signed ob3 png")).containsEntry("issuer and key", "pass");
    assertThat(run.message("re-signed ob3 png", "issuer and key"))
        .contains("valid when it signed (proof created 2025-02-01");
    assertThat(run.steps("in key ob3 png")).containsEntry("issuer and key", "pass");
    // The RSA key's period ended in 2025: what it signed before still verifies.
    assertThat(run.steps("ended key ob3 jwt")).containsEntry("issuer and key", "pass");
    assertThat(run.message("ended key ob3 jwt", "issuer and key"))
        .contains("valid when it signed (iat 2025-01-14T23:00:00.000Z)");
    assertThat(run.steps("before key ob3 json")).containsEntry("proof", "pass");
    run.assertFailsAt(
        "before key ob3 json",
        "issuer and key",
        "signed (proof created 2025-01-15T00:00:00Z) before the key guild-ed-2026 was valid");
    assertThat(run.steps("after key ob3 jwt")).containsEntry("proof", "pass");
    run.assertFailsAt(
        "after key ob3 jwt", "issuer and key", "after the key guild-rsa-2026 expired");
  }

  @Test
  void aKeyRotationKeepsWhatThePageVerifies() {
    for (String name :
        List.of("rotated ob3 png", "rotated ob3 jwt", "held ob3 png", "held ob3 jwt")) {
      assertThat(run.steps(name))
          .as(name)
          .containsOnlyKeys("format", "proof", "issuer and key", "status", "expiry")
          .allSatisfy(
              (step, status) -> assertThat(status).as(name + ": " + step).isEqualTo("pass"));
    }
    assertThat(run.message("rotated ob3 png", "issuer and key"))
        .contains("#" + KeyRotation.NEW_ED)
        .contains("proof created 2026-12-01");
    assertThat(run.message("held ob3 png", "issuer and key"))
        .contains("#guild-ed-2026")
        .contains("until 2026-12-01");
    assertThat(run.message("held ob3 jwt", "issuer and key")).contains("guild-rsa-2026.json");
  }

  @Test
  void rejectsATamperedBadgeAtTheStepThatCatchesIt() {
    run.assertFailsAt("unbaked png", "format", "carries no Open Badges data");
    run.assertFailsAt("corrupt ob2 png", "format", "wrong CRC");
    run.assertFailsAt("tampered ob2 png", "proof", "differs from this copy");
    run.assertFailsAt("tampered ob3 jwt", "proof", "signature does not match");
    run.assertFailsAt("tampered ob2 jws", "proof", "signature does not match");
  }

  @Test
  void rejectsARevokedAwardAtStatus() {
    run.assertFailsAt("revoked ob2 png", "status", "revoked: Awarded in error");
    run.assertFailsAt("revoked ob3 png", "status", "revoked: entry");
    run.assertFailsAt("revoked ob3 jwt", "status", "revoked: entry");
    assertThat(run.steps("revoked ob3 jwt")).containsEntry("proof", "pass");
    // A revoked award's certificate still carries its credential, which says so.
    run.assertFailsAt("revoked certificate pdf", "status", "revoked: entry");
  }

  @Test
  void checksExpiryAgainstTheClock() {
    boolean expired = Instant.now().isAfter(Instant.parse("2026-05-05T22:00:00Z"));
    assertThat(run.steps("expiry")).containsEntry("expiry", expired ? "fail" : "pass");
  }

  @Test
  void comparesTheRecipientByItsSaltedHash() {
    assertThat(run.steps("recipient")).containsEntry("recipient", "pass");
    run.assertFailsAt("other recipient", "recipient", "not issued to the recipient given");
  }

  @Test
  void movesFocusToTheResultForKeyboardAndScreenReaderUsers() {
    for (JsonNode c : run.result().path("verify")) {
      assertThat(c.path("focused").asText())
          .as(c.path("name").asText())
          .isEqualTo("result-heading");
    }
  }

  @Test
  void worksFromASavedCopyOpenedOverFile() {
    for (String name :
        List.of(
            "ob2 png", "ob3 png", "ob3 svg", "ob3 jwt", "revoked ob3 jwt", "tampered ob3 png")) {
      assertThat(run.steps("file:// " + name)).as(name).isEqualTo(run.steps(name));
      assertThat(run.verify("file:// " + name).path("verdict").asText())
          .as(name)
          .isEqualTo(run.verify(name).path("verdict").asText());
    }
    assertThat(run.message("file:// ob3 png", "proof"))
        .startsWith("Data Integrity eddsa-rdfc-2022");
  }

  @Test
  void verifyCasesLoadTheirPageWithoutProblems() {
    for (JsonNode c : run.result().path("verify")) {
      assertThat(c.path("error").asText("")).as(c.path("name").asText()).isEmpty();
      assertThat(BrowserRun.strings(c.path("problems"))).as(c.path("name").asText()).isEmpty();
    }
  }
}
