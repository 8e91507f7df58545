package dev.badgesmith.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.testing.TestSites;
import dev.badgesmith.verify.Check.Outcome;
import dev.badgesmith.verify.Check.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed site, built into a temp folder, verified offline in each of the forms it publishes. */
class VerifierTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path SPEC = TestSites.spec();
  static final Clock MID_2026 = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path tmp;
  static Path site;
  static Path out;
  static Map<String, String> environment;

  @BeforeAll
  static void build() {
    site = signedSite(tmp.resolve("site"));
    environment = new HashMap<>();
    addKey(site, "rsa-1", KeyAlgorithm.RS256, environment);
    addKey(site, "ed-1", KeyAlgorithm.Ed25519, environment);
    out = tmp.resolve("out");
    build(site, out, environment);
  }

  /** The minimal site, signed by rsa-1 (JWT) and ed-1 (Data Integrity), with an expired award. */
  static Path signedSite(Path dir) {
    Path site = TestSites.unpack(dir, TestSites.MINIMAL);
    TestSites.unpack(
        site,
        """
        -- site.yaml
        title: Test Guild
        baseUrl: https://badges.example.org/guild/
        signing:
          jwt: rsa-1
          dataIntegrity: ed-1
          keys:
            - id: rsa-1
              algorithm: RS256
            - id: ed-1
              algorithm: Ed25519
        -- awards/intro/ada.yaml
        recipient:
          email: ada@example.org
        issuedOn: 2024-01-10
        expires: 2025-12-31
        """);
    return site;
  }

  static void addKey(Path site, String id, KeyAlgorithm algorithm, Map<String, String> env) {
    var pair = KeyGenerator.generate(algorithm);
    TestSites.write(site.resolve("keys/" + id + ".pem"), pair.publicKeyPem());
    env.put(PrivateKeys.environmentVariable(id), pair.privateKeyPem());
  }

  static void build(Path site, Path target, Map<String, String> env) {
    assertThat(buildWithWarnings(site, target, env)).isEmpty();
  }

  /** Builds a site that must have no error; returns its warnings. */
  static List<Diagnostic> buildWithWarnings(Path site, Path target, Map<String, String> env) {
    Report report = Badgesmith.builder().environment(env).build().build(site, target);
    assertThat(report.diagnostics()).noneMatch(Diagnostic::isError);
    return TestSites.withoutSaltWarning(report.diagnostics());
  }

  static Verifier verifier(Resolver resolver) {
    return Verifier.builder().resolver(resolver).clock(MID_2026).build();
  }

  static VerificationReport verify(Path builtSite, byte[] input, Optional<String> recipient) {
    return verifier(new SiteFolderResolver(builtSite)).verify(input, "input", recipient);
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void assertPasses(VerificationReport report) {
    assertThat(report.passed()).as(lines(report)).isTrue();
    assertThat(report.checks())
        .extracting(Check::step)
        .startsWith(Step.FORMAT, Step.PROOF, Step.ISSUER_AND_KEY, Step.STATUS, Step.EXPIRY);
  }

  static String lines(VerificationReport report) {
    return String.join("\n", report.checks().stream().map(Check::line).toList());
  }

  static Check failure(VerificationReport report) {
    assertThat(report.passed()).as(lines(report)).isFalse();
    return report.firstFailure().orElseThrow();
  }

  @Test
  void everyPublishedFormOfAnAwardPassesOffline() {
    for (String path :
        List.of(
            "assertions/intro/jane.json",
            "assertions/intro/jane.png",
            "assertions/intro/jane.svg",
            "credentials/intro/jane.json",
            "credentials/intro/jane.jwt",
            "credentials/intro/jane.png",
            "credentials/intro/jane.svg")) {
      VerificationReport report = verify(out, read(out.resolve(path)), Optional.empty());
      assertPasses(report);
    }
  }

  @Test
  void eachStepSaysWhatItChecked() {
    VerificationReport credential =
        verify(out, read(out.resolve("credentials/intro/jane.png")), Optional.empty());
    assertThat(lines(credential))
        .isEqualTo(
            """
            PASS format: Open Badges 3.0 credential with an embedded proof, baked in PNG \
            (iTXt "openbadgecredential")
            PASS proof: Data Integrity eddsa-rdfc-2022 by did:web:badges.example.org:guild#ed-1
            PASS issuer and key: the issuer did:web:badges.example.org:guild controls \
            did:web:badges.example.org:guild#ed-1 (the DID document at \
            https://badges.example.org/guild/did.json), valid when it signed (proof created \
            2025-03-14T00:00:00Z): from the start, with no end
            PASS status: not revoked: entry 69366 of \
            https://badges.example.org/guild/status/revocation.json
            PASS expiry: validFrom 2025-03-14T00:00:00Z, no expiry""");
    VerificationReport jwt =
        verify(out, read(out.resolve("credentials/intro/jane.jwt")), Optional.empty());
    assertThat(step(jwt, Step.PROOF).message())
        .isEqualTo(
            "VC-JWT RS256 by https://badges.example.org/guild/keys/rsa-1.json;"
                + " iss, jti, sub, nbf and exp match the credential");
    VerificationReport hosted =
        verify(out, read(out.resolve("assertions/intro/jane.png")), Optional.empty());
    assertThat(step(hosted, Step.PROOF).message())
        .isEqualTo(
            "hosted: the copy at https://badges.example.org/guild/assertions/intro/jane.json is"
                + " this one, within the issuer's verification.startsWith"
                + " https://badges.example.org/guild/assertions/");
  }

  @Test
  void aTamperedCredentialFailsAtProof() throws IOException {
    ObjectNode credential =
        (ObjectNode) JSON.readTree(out.resolve("credentials/intro/jane.json").toFile());
    ((ObjectNode) credential.get("credentialSubject")).put("narrative", "Did everything.");
    VerificationReport report = verify(out, JSON.writeValueAsBytes(credential), Optional.empty());
    Check failed = failure(report);
    assertThat(failed.step()).isEqualTo(Step.PROOF);
    assertThat(failed.message()).contains("signature does not match");
  }

  @Test
  void aTamperedJwtFailsAtProof() {
    String jwt = new String(read(out.resolve("credentials/intro/jane.jwt")), UTF_8).strip();
    String[] parts = jwt.split("\\.");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), UTF_8);
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("Intro", "Expert").getBytes(UTF_8))
            + "."
            + parts[2];
    assertThat(failure(verify(out, forged.getBytes(UTF_8), Optional.empty())).step())
        .isEqualTo(Step.PROOF);
  }

  @Test
  void aHostedAssertionThatDiffersFromThePublishedOneFailsAtProof() throws IOException {
    ObjectNode assertion =
        (ObjectNode) JSON.readTree(out.resolve("assertions/intro/jane.json").toFile());
    assertion.put("narrative", "Did everything.");
    Check failed = failure(verify(out, JSON.writeValueAsBytes(assertion), Optional.empty()));
    assertThat(failed.step()).isEqualTo(Step.PROOF);
    assertThat(failed.message()).contains("differs from this copy");
  }

  @Test
  void anExpiredAwardFailsAtExpiryInEveryForm() {
    for (String path :
        List.of(
            "assertions/intro/ada.png",
            "credentials/intro/ada.json",
            "credentials/intro/ada.jwt")) {
      Check failed = failure(verify(out, read(out.resolve(path)), Optional.empty()));
      assertThat(failed.step()).as(path).isEqualTo(Step.EXPIRY);
      assertThat(failed.message()).as(path).startsWith("expired: ").contains("2025-12-31");
    }
  }

  @Test
  void theRecipientStepComparesTheSaltedHash() {
    byte[] png = read(out.resolve("credentials/intro/jane.png"));
    VerificationReport theirs = verify(out, png, Optional.of("Jane@Example.org"));
    assertPasses(theirs);
    assertThat(step(theirs, Step.RECIPIENT).message())
        .isEqualTo("awarded to Jane@Example.org (its salted SHA-256 hash matches)");

    VerificationReport hosted =
        verify(
            out, read(out.resolve("assertions/intro/jane.svg")), Optional.of("jane@example.org"));
    assertPasses(hosted);

    Check other = failure(verify(out, png, Optional.of("mallory@example.org")));
    assertThat(other.step()).isEqualTo(Step.RECIPIENT);
  }

  @Test
  void aRevokedAwardsBakedImageFailsAtStatus(@TempDir Path work) {
    Path copy = work.resolve("site");
    TestSites.copy(site, copy);
    Path built = work.resolve("out");
    build(copy, built, environment);
    byte[] baked = read(built.resolve("assertions/intro/jane.png"));
    assertPasses(verify(built, baked, Optional.empty()));
    byte[] credential = read(built.resolve("credentials/intro/jane.png"));
    assertPasses(verify(built, credential, Optional.empty()));

    TestSites.write(
        copy.resolve("awards/intro/jane.yaml"),
        "recipient:\n  email: jane@example.org\nissuedOn: 2025-03-14\n"
            + "revoked:\n  reason: Awarded to the wrong person\n");
    build(copy, built, environment);

    VerificationReport report = verify(built, baked, Optional.empty());
    Check failed = failure(report);
    assertThat(failed.step()).isEqualTo(Step.STATUS);
    assertThat(failed.line()).isEqualTo("FAIL status: revoked: Awarded to the wrong person");
    assertThat(step(report, Step.PROOF).outcome()).isEqualTo(Outcome.SKIPPED);

    // The credential given out before is revoked by the published status list.
    Check revokedCredential = failure(verify(built, credential, Optional.empty()));
    assertThat(revokedCredential.step()).isEqualTo(Step.STATUS);
    assertThat(revokedCredential.message()).contains("revoked");

    // The revoked document itself says the same.
    assertThat(
            failure(
                    verify(
                        built, read(built.resolve("assertions/intro/jane.json")), Optional.empty()))
                .step())
        .isEqualTo(Step.STATUS);
  }

  @Test
  void inputThatIsNoBadgeFailsAtFormatAndSkipsTheRest() {
    VerificationReport report = verify(out, "hello".getBytes(UTF_8), Optional.empty());
    assertThat(failure(report).step()).isEqualTo(Step.FORMAT);
    assertThat(report.checks().subList(1, report.checks().size()))
        .allMatch(c -> c.outcome() == Outcome.SKIPPED);
    assertThat(
            failure(verify(out, read(out.resolve("badges/intro.png")), Optional.empty())).message())
        .isEqualTo("an image that carries no Open Badges data");
  }

  @Test
  void aDocumentFromAnotherSiteCannotBeCheckedOffline() throws IOException {
    ObjectNode assertion =
        (ObjectNode) JSON.readTree(out.resolve("assertions/intro/jane.json").toFile());
    assertion.put("id", "https://elsewhere.example.net/a.json");
    Check failed = failure(verify(out, JSON.writeValueAsBytes(assertion), Optional.empty()));
    assertThat(failed.step()).isEqualTo(Step.PROOF);
    assertThat(failed.message()).contains("is not part of the site at");
  }

  /** The report's result of one step. */
  static Check step(VerificationReport report, Step step) {
    return report.checks().stream().filter(c -> c.step() == step).findFirst().orElseThrow();
  }
}
