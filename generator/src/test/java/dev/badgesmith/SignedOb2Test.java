package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.sign.JwsVerifier;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.testing.NodePackages;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site that signs its Open Badges 2.0 assertions (RS256 JWS, as validators require) and its Open
 * Badges 3.0 credentials as VC-JWTs only.
 */
class SignedOb2Test {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://badges.example.org/guild/";

  /** The urn:uuid form validators accept: a real RFC 4122 UUID. */
  private static final String URN_UUID =
      "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @TempDir static Path tmp;
  static Map<String, byte[]> out;

  @BeforeAll
  static void build() {
    var rsa = KeyGenerator.generate(KeyAlgorithm.RS256);
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.unpack(
        site,
        """
        -- site.yaml
        title: Test Guild
        baseUrl: https://badges.example.org/guild/
        signing:
          jwt: rsa-1
          ob2: signed
          keys:
            - id: rsa-1
              algorithm: RS256
        -- awards/intro/bob.yaml
        recipient:
          email: bob@example.org
        issuedOn: 2025-03-15
        revoked:
          reason: Issued in error
        """);
    TestSites.write(site.resolve("keys/rsa-1.pem"), rsa.publicKeyPem());
    Report report =
        Badgesmith.builder()
            .environment(Map.of(PrivateKeys.environmentVariable("rsa-1"), rsa.privateKeyPem()))
            .build()
            .build(site, tmp.resolve("out"));
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    out = TestSites.read(tmp.resolve("out"));
  }

  static JsonNode json(String path) throws IOException {
    assertThat(out).containsKey(path);
    return JSON.readTree(out.get(path));
  }

  static String text(String path) {
    assertThat(out).containsKey(path);
    return new String(out.get(path), UTF_8);
  }

  @Test
  void publishesEachAssertionAsAJwsByAKeyTheIssuerNames() throws Exception {
    assertThat(out).doesNotContainKey("assertions/intro/jane.json");
    JsonNode key = json("keys/ob2/rsa-1.json");
    assertThat(key.path("type").asText()).isEqualTo("CryptographicKey");
    assertThat(key.path("owner").asText()).isEqualTo(BASE + "issuers/guild.json");
    assertThat(json("issuers/guild.json").path("publicKey").get(0).asText())
        .isEqualTo(BASE + "keys/ob2/rsa-1.json");

    String jws = text("assertions/intro/jane.jws");
    byte[] payload =
        JwsVerifier.verifyCompactJws(
            jws, PublicKeyInfo.fromPem("rsa-1", key.path("publicKeyPem").asText()));
    JsonNode assertion = JSON.readTree(payload);
    assertThat(assertion.path("id").asText()).matches(URN_UUID);
    assertThat(assertion.path("verification").path("type").asText()).isEqualTo("SignedBadge");
    assertThat(assertion.path("verification").path("creator").asText())
        .isEqualTo(BASE + "keys/ob2/rsa-1.json");
    assertThat(
            JSON.readTree(
                new String(java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[0]), UTF_8)))
        .isEqualTo(JSON.readTree("{\"alg\":\"RS256\"}"));
  }

  @Test
  void theBakedBadgesCarryTheJws() {
    String jws = text("assertions/intro/jane.jws");
    for (String image : new String[] {"assertions/intro/jane.png", "assertions/intro/jane.svg"}) {
      assertThat(BakedImages.extract(out.get(image)))
          .as(image)
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.version()).isEqualTo(BadgeVersion.OB2);
                assertThat(b.payload().strip()).isEqualTo(jws);
              });
    }
  }

  @Test
  void aRevokedSignedAssertionIsInTheIssuersRevocationList() throws Exception {
    String jws = text("assertions/intro/bob.jws");
    String id =
        JSON.readTree(java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[1]))
            .path("id")
            .asText();
    assertThat(
            json("issuers/guild/revocations.json")
                .path("revokedAssertions")
                .get(0)
                .path("id")
                .asText())
        .isEqualTo(id);
    // The signed assertion names its baked image for good: the image stays published.
    String image =
        JSON.readTree(java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[1]))
            .path("image")
            .asText();
    assertThat(image).isEqualTo("https://badges.example.org/guild/assertions/intro/bob.png");
    assertThat(out).containsKeys("assertions/intro/bob.png", "assertions/intro/bob.svg");
  }

  @Test
  void withAJwtKeyAloneCredentialsAndTheStatusListAreJwts() {
    assertThat(out)
        .containsKeys(
            "credentials/intro/jane.jwt", "credentials/intro/jane.json", "status/revocation.jwt")
        .doesNotContainKey("status/revocation.json");
    assertThat(text("credentials/intro/jane.json")).doesNotContain("\"proof\"");
    assertThat(BakedImages.extract(out.get("credentials/intro/jane.png")))
        .singleElement()
        .satisfies(
            b -> assertThat(b.payload().strip()).isEqualTo(text("credentials/intro/jane.jwt")));
  }

  @Test
  void joseVerifiesTheJwsWithThePublishedPem() throws IOException {
    Optional<Path> jose = NodePackages.install("target/node-jose", "jose@6");
    assumeTrue(jose.isPresent(), "skipped: node and npm are needed for jose");
    Path pem =
        Files.writeString(
            tmp.resolve("rsa-1.pem"), json("keys/ob2/rsa-1.json").path("publicKeyPem").asText());
    Path jws = Files.write(tmp.resolve("jane.jws"), out.get("assertions/intro/jane.jws"));
    JsonNode result =
        JSON.readTree(
            NodePackages.run(
                Path.of("src/test/node/verify-jose.mjs"),
                jose.get().toString(),
                "jws",
                "RS256",
                pem.toString(),
                jws.toString()));
    assertThat(
            JSON.readTree(result.path("payload").asText())
                .path("verification")
                .path("type")
                .asText())
        .isEqualTo("SignedBadge");
  }
}
