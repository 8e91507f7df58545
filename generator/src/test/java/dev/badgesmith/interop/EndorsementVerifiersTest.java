package dev.badgesmith.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.testing.IndependentVerifiers;
import dev.badgesmith.testing.IndependentVerifiers.Expansion;
import dev.badgesmith.testing.IndependentVerifiers.SiteVerification;
import dev.badgesmith.testing.IndependentVerifiers.Verification;
import dev.badgesmith.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EndorsementCredentials of the signed golden site, checked by verifiers nobody here wrote
 * (Digital Bazaar's {@code vc} stack, the DCC's verifier-core, jose), offline: each verifies, and
 * the revoked one is reported revoked by their status checks, its signature intact. Every JSON-LD
 * document, the Open Badges 2.0 Endorsements among them, expands in safe mode.
 */
class EndorsementVerifiersTest {
  private static final String BASE_URL = "https://observatory.example/badges/";
  private static final String REVOKED = "endorsements/observatory-telescope/";

  @TempDir static Path tmp;
  static IndependentVerifiers verifiers;
  static Path out;

  @BeforeAll
  static void build() {
    Optional<IndependentVerifiers> installed = IndependentVerifiers.install();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(installed).as("CI installs the verifiers (.ci/run: npm ci)").isPresent();
    }
    assumeTrue(installed.isPresent(), "skipped: node and npm are needed (see the log)");
    verifiers = installed.get();
    out = tmp.resolve("out");
    Report report =
        Badgesmith.builder()
            .environment(Map.of("BADGESMITH_SALT_SECRET", "golden-sites-salt-secret"))
            .keysDirectory(TestSites.resources("keys"))
            .build()
            .build(TestSites.resources("sites/signed/input"), out);
    assertThat(report.diagnostics()).isEmpty();
  }

  @Test
  void everyEndorsementCredentialVerifiesAndTheRevokedOneIsRevoked() {
    SiteVerification result = verifiers.verifySite(out, BASE_URL);
    List<Verification> endorsements =
        result.results().stream().filter(v -> v.file().startsWith("endorsements/")).toList();
    // Four endorsements, each with an embedded proof (two verifiers) and as a VC-JWT (jose).
    assertThat(endorsements).as(result.describe()).hasSize(12);
    assertThat(endorsements)
        .extracting(Verification::verifier)
        .containsOnly("digitalbazaar", "dcc", "jose");
    for (Verification v : endorsements) {
      if (v.file().startsWith(REVOKED)) {
        assertThat(v.verified()).as(v.describe()).isFalse();
        assertThat(v.revoked()).as(v.describe()).isTrue();
        assertThat(v.signature()).as(v.describe()).isTrue();
      } else {
        assertThat(v.verified()).as(v.describe()).isTrue();
      }
    }
    // Giving endorsements moved no award's status: the revoked award is still the only one.
    for (Verification v : result.results()) {
      if (v.file().startsWith("credentials/first-light/ben.")) {
        assertThat(v.revoked()).as(v.describe()).isTrue();
      } else if (v.file().startsWith("credentials/first-light/ada.")) {
        assertThat(v.verified()).as(v.describe()).isTrue();
      }
    }
  }

  @Test
  void everyJsonLdDocumentExpandsInSafeMode() {
    Path ob2 = TestSites.spec().resolve("ob2/context.json");
    assumeTrue(Files.isRegularFile(ob2), "skipped: no Open Badges 2.0 context at " + ob2);
    List<Expansion> results = verifiers.expandSafe(out, BASE_URL, ob2).results();
    assertThat(results)
        .extracting(Expansion::file)
        .contains(
            "endorsements/society-first-light.json",
            "endorsements/society-first-light/credential.json",
            "achievements/first-light.json");
    for (Expansion e : results) {
      assertThat(e.ok()).as(e.file() + ": " + e.error()).isTrue();
      assertThat(e.toRdfOk()).as(e.file() + ": " + e.toRdfError()).isTrue();
    }
  }
}
