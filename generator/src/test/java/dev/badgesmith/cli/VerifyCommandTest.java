package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.testing.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  private static final Path SPEC = TestSites.spec();

  @TempDir static Path tmp;
  static Path out;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  @BeforeAll
  static void buildSignedSite() {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(
        site.resolve("site.yaml"),
        """
        title: Test Guild
        baseUrl: https://badges.example.org/guild/
        signing:
          dataIntegrity: ed-1
          keys:
            - id: ed-1
              algorithm: Ed25519
        """);
    var ed = KeyGenerator.generate(KeyAlgorithm.Ed25519);
    TestSites.write(site.resolve("keys/ed-1.pem"), ed.publicKeyPem());
    Map<String, String> env = new HashMap<>();
    env.put(PrivateKeys.environmentVariable("ed-1"), ed.privateKeyPem());
    out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"build", site.toString(), "--out", out.toString()},
            env,
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
  }

  private int verify(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "verify";
    System.arraycopy(args, 0, all, 1, args.length);
    return Main.run(all, Map.of(), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
  }

  @Test
  void acceptsTheEarlierContextsOptionWithAWarning() {
    int code =
        verify(
            out.resolve("credentials/intro/jane.json").toString(),
            "--site",
            out.toString(),
            "--contexts",
            tmp.resolve("no-such-folder").toString());

    assertThat(code).as(stdout + "\n" + stderr).isZero();
    assertThat(stderr.toString())
        .contains("warning: --contexts is ignored: the JSON-LD contexts ship inside Badgesmith");
  }

  @Test
  void printsOneLineAStepAndExitsZeroWhenEveryStepPasses() {
    int code =
        verify(
            out.resolve("credentials/intro/jane.svg").toString(),
            "--site",
            out.toString(),
            "--recipient",
            "jane@example.org");
    assertThat(code).as(stdout + "\n" + stderr).isZero();
    assertThat(stdout.toString().lines())
        .containsExactly(
            "PASS format: Open Badges 3.0 credential with an embedded proof, baked in SVG"
                + " (<openbadges:credential>)",
            "PASS proof: Data Integrity eddsa-rdfc-2022 by did:web:badges.example.org:guild#ed-1",
            "PASS issuer and key: the issuer did:web:badges.example.org:guild controls"
                + " did:web:badges.example.org:guild#ed-1 (the DID document at"
                + " https://badges.example.org/guild/did.json), valid when it signed (proof created"
                + " 2025-03-14T00:00:00Z): from the start, with no end",
            "PASS status: not revoked: entry 69366 of https://badges.example.org/guild/status/revocation.json",
            "PASS expiry: validFrom 2025-03-14T00:00:00Z, no expiry",
            "PASS recipient: awarded to jane@example.org (its salted SHA-256 hash matches)",
            "Verified: " + out.resolve("credentials/intro/jane.svg"));
  }

  @Test
  void aCertificateIsVerifiedByTheCredentialItCarries() {
    Path certificate = out.resolve("assertions/intro/jane/certificate.pdf");
    int code =
        verify(certificate.toString(), "--site", out.toString(), "--recipient", "jane@example.org");
    assertThat(code).as(stdout + "\n" + stderr).isZero();
    assertThat(stdout.toString().lines())
        .startsWith(
            "PASS format: Open Badges 3.0 credential with an embedded proof, embedded in a PDF"
                + " certificate (jane.json)",
            "PASS proof: Data Integrity eddsa-rdfc-2022 by did:web:badges.example.org:guild#ed-1")
        .contains("PASS recipient: awarded to jane@example.org (its salted SHA-256 hash matches)")
        .endsWith("Verified: " + certificate);
  }

  @Test
  void aPdfWithoutACredentialIsNoCertificate() throws Exception {
    Path plain = tmp.resolve("plain.pdf");
    Process cairo =
        new ProcessBuilder(
                "pdftocairo",
                "-pdf",
                out.resolve("assertions/intro/jane/certificate.pdf").toString(),
                plain.toString())
            .start();
    assertThat(cairo.waitFor()).isZero();
    int code = verify(plain.toString(), "--site", out.toString());
    assertThat(code).isEqualTo(1);
    assertThat(stdout.toString())
        .contains("FAIL format: a PDF that carries no credential (no embedded file)");
  }

  @Test
  void exitsOneAndNamesTheStepThatFailed() throws Exception {
    Path tampered = tmp.resolve("tampered.json");
    Files.writeString(
        tampered,
        Files.readString(out.resolve("credentials/intro/jane.json")).replace("Intro", "Expert"));
    int code = verify(tampered.toString(), "--site", out.toString());
    assertThat(code).isEqualTo(1);
    assertThat(stdout.toString())
        .contains("FAIL proof: the signature does not match")
        .endsWith("Not verified: " + tampered + " (proof failed)\n");
  }

  @Test
  void aUrlIsReadFromTheSiteFolderWhenOneIsGiven() {
    int code =
        verify(
            "https://badges.example.org/guild/assertions/intro/jane.png",
            "--site",
            out.toString(),
            "--recipient",
            "someone@example.org");
    assertThat(code).isEqualTo(1);
    assertThat(stdout.toString())
        .startsWith("PASS format: Open Badges 2.0 hosted assertion, baked in PNG")
        .contains("FAIL recipient: not awarded to someone@example.org");
  }

  @Test
  void exitsTwoOnWrongUsage() {
    assertThat(verify()).isEqualTo(2);
    assertThat(verify(tmp.resolve("missing.png").toString(), "--site", out.toString()))
        .isEqualTo(2);
    assertThat(stderr.toString()).contains("badgesmith: no file at ");
    assertThat(verify(out.resolve("manifest.json").toString(), "--site", tmp.toString()))
        .isEqualTo(2);
    assertThat(stderr.toString()).contains("no manifest.json in " + tmp);
  }
}
