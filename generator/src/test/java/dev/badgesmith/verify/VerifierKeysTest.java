package dev.badgesmith.verify;

import static dev.badgesmith.verify.VerifierTest.JSON;
import static dev.badgesmith.verify.VerifierTest.addKey;
import static dev.badgesmith.verify.VerifierTest.assertPasses;
import static dev.badgesmith.verify.VerifierTest.build;
import static dev.badgesmith.verify.VerifierTest.failure;
import static dev.badgesmith.verify.VerifierTest.read;
import static dev.badgesmith.verify.VerifierTest.signedSite;
import static dev.badgesmith.verify.VerifierTest.step;
import static dev.badgesmith.verify.VerifierTest.verify;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.ld.Canonicalizer;
import dev.badgesmith.ld.ContextStore;
import dev.badgesmith.ld.DataIntegrity;
import dev.badgesmith.sign.CredentialSigner;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.sign.SigningKey;
import dev.badgesmith.testing.TestSites;
import dev.badgesmith.verify.Check.Outcome;
import dev.badgesmith.verify.Check.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys over time, verified offline: a key revoked later, a key taking over from another, a key's
 * validity when it signed rather than now, an award issued after its key ended, and the key
 * documents of an issuer named by URL.
 */
class VerifierKeysTest {
  @TempDir static Path tmp;
  static Path site;
  static Map<String, String> environment;

  @BeforeAll
  static void signedSiteWithKeys() {
    site = signedSite(tmp.resolve("site"));
    environment = new HashMap<>();
    addKey(site, "rsa-1", KeyAlgorithm.RS256, environment);
    addKey(site, "ed-1", KeyAlgorithm.Ed25519, environment);
  }

  @Test
  void aCredentialSignedByAKeyRevokedLaterFailsAtIssuerAndKey(@TempDir Path work) {
    Path copy = work.resolve("site");
    TestSites.copy(site, copy);
    Path built = work.resolve("out");
    Map<String, String> env = new HashMap<>(environment);
    build(copy, built, env);
    Map<String, byte[]> kept = new HashMap<>();
    for (String path : List.of("credentials/intro/jane.json", "credentials/intro/jane.jwt")) {
      kept.put(path, read(built.resolve(path)));
      assertPasses(verify(built, kept.get(path), Optional.empty()));
    }

    addKey(copy, "rsa-2", KeyAlgorithm.RS256, env);
    addKey(copy, "ed-2", KeyAlgorithm.Ed25519, env);
    TestSites.write(
        copy.resolve("site.yaml"),
        """
        title: Test Guild
        baseUrl: https://badges.example.org/guild/
        signing:
          jwt: rsa-2
          dataIntegrity: ed-2
          keys:
            - id: rsa-1
              algorithm: RS256
              revoked: true
            - id: ed-1
              algorithm: Ed25519
              revoked: true
            - id: rsa-2
              algorithm: RS256
            - id: ed-2
              algorithm: Ed25519
        """);
    build(copy, built, env);

    for (var entry : kept.entrySet()) {
      VerificationReport report = verify(built, entry.getValue(), Optional.empty());
      Check failed = failure(report);
      assertThat(failed.step()).as(entry.getKey()).isEqualTo(Step.ISSUER_AND_KEY);
      assertThat(failed.message()).as(entry.getKey()).contains("is not published");
      assertThat(step(report, Step.PROOF).outcome()).isEqualTo(Outcome.SKIPPED);
    }
    // What the new keys signed verifies.
    assertPasses(
        verify(built, read(built.resolve("credentials/intro/jane.json")), Optional.empty()));
    assertPasses(
        verify(built, read(built.resolve("credentials/intro/jane.jwt")), Optional.empty()));
  }

  @Test
  void aKeySignsEarlierAwardsAsOfTheDayItTookOver(@TempDir Path work) {
    Path copy = work.resolve("site");
    TestSites.copy(site, copy);
    // Jane's award is of 2025-03-14, Ada's of 2024-01-10; both keys begin on 2025-01-01.
    TestSites.write(
        copy.resolve("site.yaml"),
        """
        title: Test Guild
        baseUrl: https://badges.example.org/guild/
        signing:
          jwt: rsa-1
          dataIntegrity: ed-1
          ob2: signed
          keys:
            - id: rsa-1
              algorithm: RS256
              validFrom: 2025-01-01
            - id: ed-1
              algorithm: Ed25519
              validFrom: 2025-01-01
        """);
    Path built = work.resolve("out");
    build(copy, built, environment);

    VerificationReport jane =
        verify(built, read(built.resolve("credentials/intro/jane.json")), Optional.empty());
    assertPasses(jane);
    assertThat(step(jane, Step.ISSUER_AND_KEY).message())
        .endsWith(
            ", valid when it signed (proof created 2025-03-14T00:00:00Z):"
                + " from 2025-01-01T00:00:00Z, with no end");
    // Ada's award predates the keys: they sign it as of the day they took over.
    VerificationReport ada =
        verify(built, read(built.resolve("credentials/intro/ada.json")), Optional.empty());
    assertThat(step(ada, Step.ISSUER_AND_KEY).message())
        .endsWith(
            "valid when it signed (proof created 2025-01-01T00:00:00Z):"
                + " from 2025-01-01T00:00:00Z, with no end");
    VerificationReport adaJwt =
        verify(built, read(built.resolve("credentials/intro/ada.jwt")), Optional.empty());
    assertThat(step(adaJwt, Step.ISSUER_AND_KEY).message())
        .endsWith(
            "valid when it signed (iat 2025-01-01T00:00:00Z): from 2025-01-01T00:00:00Z,"
                + " with no end");
    // An Open Badges 2.0 JWS says not when it was signed: a date before the key is a re-signing.
    Check adaJws =
        verify(built, read(built.resolve("assertions/intro/ada.jws")), Optional.empty())
            .checks()
            .stream()
            .filter(c -> c.step() == Step.ISSUER_AND_KEY)
            .findFirst()
            .orElseThrow();
    assertThat(adaJws.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(adaJws.message()).endsWith("predates the key: signed again after a key rotation");
    for (VerificationReport report : List.of(ada, adaJwt)) {
      // Expired at the end of 2025, as the award says; the signatures and keys hold.
      assertThat(failure(report).step()).isEqualTo(Step.EXPIRY);
    }
  }

  @Test
  void aKeyMustHaveBeenValidWhenItSignedNotNow(@TempDir Path work) throws Exception {
    Path copy =
        siteWith(
            work,
            """
        title: Test Guild
        baseUrl: https://badges.example.org/guild/
        signing:
          jwt: rsa-1
          dataIntegrity: ed-1
          keys:
            - id: rsa-1
              algorithm: RS256
              validUntil: 2025-06-01
            - id: ed-1
              algorithm: Ed25519
              validFrom: 2025-01-01
        """);
    Path built = work.resolve("out");
    build(copy, built, environment);
    // The RSA key's period is over by mid-2026, but what it signed within it still verifies.
    VerificationReport janeJwt =
        verify(built, read(built.resolve("credentials/intro/jane.jwt")), Optional.empty());
    assertPasses(janeJwt);
    assertThat(step(janeJwt, Step.ISSUER_AND_KEY).message())
        .endsWith(
            "valid when it signed (iat 2025-03-14T00:00:00Z): from the start until"
                + " 2025-06-01T00:00:00Z");

    // Signed with the right keys, but at dates outside their periods: what a stolen retired key,
    // or a new key backdating its signature, would make.
    ObjectNode unsigned =
        (ObjectNode) JSON.readTree(read(built.resolve("credentials/intro/jane.json")));
    unsigned.remove("proof");
    var ed = signingKey(copy, "ed-1", KeyAlgorithm.Ed25519);
    ObjectNode early =
        new DataIntegrity(new Canonicalizer(new ContextStore()))
            .addProof(
                unsigned,
                "did:web:badges.example.org:guild#ed-1",
                "2024-12-31T00:00:00Z",
                CredentialSigner.ed25519Signer(ed));
    assertThat(failure(verify(built, JSON.writeValueAsBytes(early), Optional.empty())).line())
        .isEqualTo(
            "FAIL issuer and key: signed (proof created 2024-12-31T00:00:00Z) before the key ed-1"
                + " was valid: it is valid from 2025-01-01T00:00:00Z, with no end");
    ObjectNode jwtPayload =
        (ObjectNode) JSON.readTree(read(built.resolve("credentials/intro/jane.json")));
    jwtPayload.remove("proof");
    ((ObjectNode) jwtPayload.get("credentialStatus"))
        .put("statusListCredential", "https://badges.example.org/guild/status/revocation.jwt");
    String late =
        CredentialSigner.signVcJwt(
            signingKey(copy, "rsa-1", KeyAlgorithm.RS256),
            "https://badges.example.org/guild/keys/rsa-1.json",
            jwtPayload,
            java.time.Instant.parse("2025-07-01T00:00:00Z").getEpochSecond());
    Check after =
        failure(verify(built, late.getBytes(StandardCharsets.US_ASCII), Optional.empty()));
    assertThat(after.line())
        .isEqualTo(
            "FAIL issuer and key: signed (iat 2025-07-01T00:00:00Z) after the key rsa-1 expired:"
                + " it is valid from the start until 2025-06-01T00:00:00Z");
  }

  @Test
  void aRevocationDatedFarAheadLeavesEveryOtherCredentialValid(@TempDir Path work) {
    Path copy = work.resolve("site");
    TestSites.copy(site, copy);
    TestSites.write(
        copy.resolve("awards/intro/bob.yaml"),
        "recipient:\n  email: bob@example.org\nissuedOn: 2025-02-01\n"
            + "revoked:\n  reason: Issued in error\n  date: 2099-01-01\n");
    Path built = work.resolve("out");
    build(copy, built, environment);

    // The status list is dated by the site's settings, not by the revocation: it is valid now.
    for (String status : List.of("status/revocation.json", "status/revocation.jwt")) {
      assertThat(new String(read(built.resolve(status)), UTF_8)).doesNotContain("2099");
    }
    assertPasses(
        verify(built, read(built.resolve("credentials/intro/jane.json")), Optional.empty()));
    assertPasses(
        verify(built, read(built.resolve("credentials/intro/jane.jwt")), Optional.empty()));
    assertThat(
            failure(
                    verify(
                        built, read(built.resolve("credentials/intro/bob.json")), Optional.empty()))
                .step())
        .isEqualTo(Step.STATUS);
  }

  @Test
  void anAwardIssuedAfterItsKeyEndedIsAnError(@TempDir Path work) {
    Path copy =
        siteWith(
            work,
            """
        title: Test Guild
        baseUrl: https://badges.example.org/guild/
        signing:
          jwt: rsa-1
          keys:
            - id: rsa-1
              algorithm: RS256
              validUntil: 2025-01-01
        """);

    Report report = Badgesmith.builder().environment(environment).build().check(copy);

    assertThat(report.diagnostics())
        .extracting(Diagnostic::isError, Diagnostic::code, Diagnostic::path)
        .containsExactly(tuple(true, Code.OUTSIDE_KEY_PERIOD, "awards/intro/jane.yaml"));
    assertThat(report.diagnostics().get(0).format())
        .contains("the award is issued after the key 'rsa-1' ends")
        .contains("hint: rotate keys");
  }

  /** A copy of the test site in {@code work/site}, with another site.yaml. */
  private static Path siteWith(Path work, String siteYaml) {
    Path copy = work.resolve("site");
    TestSites.copy(site, copy);
    TestSites.write(copy.resolve("site.yaml"), siteYaml);
    return copy;
  }

  /** A site key's private half (from the test's environment) with its published public half. */
  private static SigningKey signingKey(Path site, String id, KeyAlgorithm algorithm)
      throws IOException {
    PrivateKey key = PrivateKeys.fromEnvironment(environment, id).orElseThrow();
    PublicKeyInfo info =
        PublicKeyInfo.fromPem(id, algorithm, Files.readString(site.resolve("keys/" + id + ".pem")));
    return new SigningKey(id, algorithm, key, info.key());
  }

  @Test
  void aSiteThatNamesItsIssuerByUrlPublishesKeyDocumentsThatVerify(@TempDir Path work) {
    Path copy =
        siteWith(
            work,
            """
        title: Test Guild
        baseUrl: https://badges.example.org/guild/
        signing:
          issuerId: url
          jwt: rsa-1
          dataIntegrity: ed-1
          keys:
            - id: rsa-1
              algorithm: RS256
            - id: ed-1
              algorithm: Ed25519
        """);
    Path built = work.resolve("out");
    build(copy, built, environment);
    VerificationReport report =
        verify(built, read(built.resolve("credentials/intro/jane.json")), Optional.empty());
    assertPasses(report);
    assertThat(step(report, Step.ISSUER_AND_KEY).message())
        .isEqualTo(
            "the issuer https://badges.example.org/guild/issuers/guild/controller.json controls"
                + " https://badges.example.org/guild/keys/ed-1.json (its key document and the"
                + " controller document of"
                + " https://badges.example.org/guild/issuers/guild/controller.json), valid when"
                + " it signed (proof created 2025-03-14T00:00:00Z): from the start, with no end");
    assertPasses(
        verify(built, read(built.resolve("credentials/intro/jane.jwt")), Optional.empty()));

    // A key its controller document does not list is not the issuer's to sign with.
    Path controller = built.resolve("issuers/guild/controller.json");
    String listed = new String(read(controller), UTF_8);
    String unlistedEd =
        listed.replaceAll(
            "(?s)(\"assertionMethod\": \\[[^\\]]*?),\\s*\"https://badges.example.org/guild/keys/ed-1.json\"",
            "$1");
    assertThat(unlistedEd).isNotEqualTo(listed);
    TestSites.write(controller, unlistedEd);
    Check unlisted =
        failure(
            verify(built, read(built.resolve("credentials/intro/jane.json")), Optional.empty()));
    assertThat(unlisted.line())
        .isEqualTo(
            "FAIL issuer and key: the key https://badges.example.org/guild/keys/ed-1.json is not"
                + " listed in assertionMethod of its key document and the controller document of"
                + " https://badges.example.org/guild/issuers/guild/controller.json");
  }
}
