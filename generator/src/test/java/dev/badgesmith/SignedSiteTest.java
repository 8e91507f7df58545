package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.ld.Canonicalizer;
import dev.badgesmith.ld.ContextStore;
import dev.badgesmith.ld.DataIntegrity;
import dev.badgesmith.ld.Verification;
import dev.badgesmith.sign.CredentialSigner;
import dev.badgesmith.sign.JwsVerifier;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.Multibase;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.testing.NodePackages;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site with a signing section publishes Open Badges 3.0 credentials with both proofs, that our
 * own verifiers and independent ones (jose, ajv with the 1EdTech schema) accept.
 */
class SignedSiteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SPEC = TestSites.spec();
  private static final String BASE = "https://badges.example.org/guild/";

  @TempDir static Path tmp;
  static Path site;
  static Map<String, String> environment;
  static Map<String, byte[]> out;

  @BeforeAll
  static void build() {
    var rsa = KeyGenerator.generate(KeyAlgorithm.RS256);
    var ed = KeyGenerator.generate(KeyAlgorithm.Ed25519);
    site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
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
        -- awards/intro/bob.yaml
        recipient:
          email: bob@example.org
        issuedOn: 2025-03-15
        revoked:
          reason: Issued in error
        """);
    TestSites.write(site.resolve("keys/rsa-1.pem"), rsa.publicKeyPem());
    TestSites.write(site.resolve("keys/ed-1.pem"), ed.publicKeyPem());
    environment =
        Map.of(
            PrivateKeys.environmentVariable("rsa-1"), rsa.privateKeyPem(),
            PrivateKeys.environmentVariable("ed-1"), ed.privateKeyPem());
    out = build(tmp.resolve("out"));
  }

  static Map<String, byte[]> build(Path target) {
    Report report = Badgesmith.builder().environment(environment).build().build(site, target);
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    return TestSites.read(target);
  }

  static ObjectNode json(String path) throws IOException {
    assertThat(out).containsKey(path);
    return (ObjectNode) JSON.readTree(out.get(path));
  }

  @Test
  void publishesTheCredentialDocumentsKeysDidAndStatusListOfEveryAward() {
    assertThat(out)
        .containsKeys(
            "credentials/intro/jane.json",
            "credentials/intro/jane.jwt",
            "credentials/intro/jane.png",
            "credentials/intro/jane.svg",
            "achievements/intro.json",
            "keys/rsa-1.json",
            "keys/ed-1.json",
            "did.json",
            ".nojekyll",
            "status/revocation.json",
            "status/revocations.json",
            "issuers/guild/revocations.json",
            "credentials/intro/bob.json",
            "credentials/intro/bob.jwt")
        // A revoked award's credential stays verifiable, but is no badge to download.
        .doesNotContainKeys("credentials/intro/bob.png", "credentials/intro/bob.svg");
  }

  @Test
  void theManifestListsTheDocumentsEachAwardPublishes() throws IOException {
    JsonNode documents = null;
    for (JsonNode award : json("manifest.json").path("awards")) {
      if (award.path("award").asText().equals("bob")) {
        documents = award.path("documents");
      }
    }
    assertThat(documents).isNotNull();
    // A revoked award keeps its credential (the status list marks it) and its certificate (which
    // says it was revoked), but no baked badge.
    assertThat(documents.fieldNames())
        .toIterable()
        .containsExactly("ob2Assertion", "ob3Credential", "ob3Jwt", "certificate");
    documents.forEach(path -> assertThat(out).containsKey(path.asText()));
  }

  @Test
  void theStatusListSaysWhichCredentialsAreRevoked() throws IOException {
    ObjectNode list = json("status/revocation.json");
    assertThat(list.path("type").toString()).contains("BitstringStatusListCredential");
    assertThat(list.path("proof").get(0).path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
    String encoded = list.path("credentialSubject").path("encodedList").asText();
    assertThat(encoded).startsWith("u");
    byte[] bits =
        new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(
                    java.util.Base64.getUrlDecoder().decode(encoded.substring(1))))
            .readAllBytes();
    assertThat(bits).hasSize(131_072 / 8);
    for (String award : List.of("jane", "bob")) {
      JsonNode status = json("credentials/intro/" + award + ".json").path("credentialStatus");
      assertThat(status.path("type").asText()).isEqualTo("BitstringStatusListEntry");
      assertThat(status.path("statusListCredential").asText())
          .isEqualTo(BASE + "status/revocation.json");
      int index = Integer.parseInt(status.path("statusListIndex").asText());
      boolean revoked = (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
      assertThat(revoked).as(award).isEqualTo(award.equals("bob"));
    }
    assertThat(json("status/revocations.json").path("revokedCredential").get(0).path("id").asText())
        .isEqualTo(BASE + "credentials/intro/bob.json");
    assertThat(
            json("issuers/guild/revocations.json")
                .path("revokedAssertions")
                .get(0)
                .path("id")
                .asText())
        .isEqualTo(BASE + "assertions/intro/bob.json");
  }

  @Test
  void theCredentialNamesTheSiteDidAndItsIdIsItsUrl() throws IOException {
    ObjectNode credential = json("credentials/intro/jane.json");
    assertThat(credential.path("id").asText()).isEqualTo(BASE + "credentials/intro/jane.json");
    assertThat(credential.path("issuer").path("id").asText())
        .isEqualTo("did:web:badges.example.org:guild");
    assertThat(json("did.json").path("id").asText()).isEqualTo("did:web:badges.example.org:guild");
    // Every key the site signs with, each an assertion method: Ed25519 as Multikey, RS256 as JWK.
    ObjectNode did = json("did.json");
    assertThat(did.path("assertionMethod"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            "did:web:badges.example.org:guild#rsa-1", "did:web:badges.example.org:guild#ed-1");
    for (JsonNode method : did.path("verificationMethod")) {
      if (method.path("id").asText().endsWith("#rsa-1")) {
        assertThat(method.path("type").asText()).isEqualTo("JsonWebKey");
        assertThat(method.path("publicKeyJwk").path("kty").asText()).isEqualTo("RSA");
        assertThat(method.path("publicKeyJwk").has("d")).isFalse();
      } else {
        assertThat(method.path("type").asText()).isEqualTo("Multikey");
      }
    }
    assertThat(
            credential
                .path("credentialSubject")
                .path("identifier")
                .get(0)
                .path("identityHash")
                .asText())
        .matches("sha256\\$[0-9a-f]{64}");
  }

  @Test
  void theDataIntegrityProofVerifiesWithTheKeyTheDidDocumentPublishes() throws IOException {
    DataIntegrity suite = new DataIntegrity(new Canonicalizer(new ContextStore()));
    ObjectNode credential = json("credentials/intro/jane.json");
    Verification ok = suite.verifyProof(credential, SignedSiteTest::didKey, SignedSiteTest::verify);
    assertThat(ok.verified()).as(ok.message()).isTrue();

    ((ObjectNode) credential.path("credentialSubject")).put("narrative", "tampered");
    Verification tampered =
        suite.verifyProof(credential, SignedSiteTest::didKey, SignedSiteTest::verify);
    assertThat(tampered.step()).isEqualTo(Verification.Step.BAD_SIGNATURE);
  }

  private static Optional<byte[]> didKey(String method) {
    try {
      for (JsonNode m : json("did.json").path("verificationMethod")) {
        if (m.path("id").asText().equals(method)) {
          return Optional.of(
              Multibase.decodeEd25519PublicKey(m.path("publicKeyMultibase").asText()));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean verify(byte[] publicKey, byte[] data, byte[] signature) {
    return CredentialSigner.verifyEd25519(
        PublicKeyInfo.ed25519("k", publicKey).key(), data, signature);
  }

  @Test
  void theJwtVerifiesWithThePublishedKeyAndCarriesTheCredential() throws Exception {
    String jwt = new String(out.get("credentials/intro/jane.jwt"), UTF_8);
    PublicKeyInfo key =
        PublicKeyInfo.fromPem("rsa-1", Files.readString(site.resolve("keys/rsa-1.pem")));
    ObjectNode payload = JwsVerifier.verifyVcJwt(jwt, key);
    assertThat(payload.path("id").asText()).isEqualTo(BASE + "credentials/intro/jane.json");
    assertThat(payload.path("jti").asText()).isEqualTo(payload.path("id").asText());
    assertThat(payload.path("iss").asText()).isEqualTo("did:web:badges.example.org:guild");
    assertThat(
            JSON.readTree(
                    new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), UTF_8))
                .path("kid")
                .asText())
        .isEqualTo(BASE + "keys/rsa-1.json");
  }

  @Test
  void joseVerifiesTheJwtWithThePublishedJwk() throws IOException {
    Optional<Path> jose = NodePackages.install("target/node-jose", "jose@6");
    assumeTrue(jose.isPresent(), "skipped: node and npm are needed for jose");
    Path jwk = Files.write(tmp.resolve("rsa-1.jwk.json"), out.get("keys/rsa-1.json"));
    Path jwt = Files.write(tmp.resolve("jane.jwt"), out.get("credentials/intro/jane.jwt"));
    JsonNode result =
        JSON.readTree(
            NodePackages.run(
                Path.of("src/test/node/verify-jose.mjs"),
                jose.get().toString(),
                "jwt",
                "RS256",
                jwk.toString(),
                jwt.toString()));
    assertThat(result.path("payload").path("jti").asText())
        .isEqualTo(BASE + "credentials/intro/jane.json");
    assertThat(result.path("header").path("kid").asText()).isEqualTo(BASE + "keys/rsa-1.json");
  }

  @Test
  void ajvValidatesEveryCredentialAgainstTheOneEdTechSchema() throws IOException {
    Path schema = SPEC.resolve("ob3/ob_v3p0_achievementcredential_schema.json");
    assumeTrue(Files.isRegularFile(schema), "skipped: no schema at " + schema);
    Optional<Path> ajv = NodePackages.install("target/node-ajv", "ajv@8", "ajv-formats@3");
    assumeTrue(ajv.isPresent(), "skipped: node and npm are needed for ajv");
    List<String> args = new ArrayList<>(List.of(schema.toString()));
    for (String path : out.keySet()) {
      if (path.startsWith("credentials/") && path.endsWith(".json")) {
        args.add(Files.write(tmp.resolve(path.replace('/', '-')), out.get(path)).toString());
      }
    }
    assertThat(args).hasSizeGreaterThan(1);
    String report =
        NodePackages.run(
            ajv.get(), Path.of("src/test/node/validate-ajv.cjs"), args.toArray(String[]::new));
    assertThat(report.lines()).allMatch(line -> line.startsWith("ok "));
  }

  @Test
  void everyTermOfTheCredentialAndAchievementIsDefinedByItsContexts() throws IOException {
    Canonicalizer canonicalizer = new Canonicalizer(new ContextStore());
    // Canonicalising refuses a document with a term no context defines.
    assertThat(canonicalizer.canonicalize(json("credentials/intro/jane.json"))).isNotEmpty();
    assertThat(canonicalizer.canonicalize(json("achievements/intro.json"))).isNotEmpty();
  }

  @Test
  void theBakedImagesCarryTheSignedCredential() {
    String credential = new String(out.get("credentials/intro/jane.json"), UTF_8);
    for (String image : List.of("credentials/intro/jane.png", "credentials/intro/jane.svg")) {
      assertThat(BakedImages.extract(out.get(image)))
          .as(image)
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.version()).isEqualTo(BadgeVersion.OB3);
                assertThat(b.payload().strip()).isEqualTo(credential.strip());
              });
    }
  }

  @Test
  void noPrivateKeyMaterialReachesTheOutput() {
    out.forEach(
        (path, bytes) -> {
          assertThat(PrivateKeys.containsPrivateKey(bytes)).as(path).isFalse();
          assertThat(new String(bytes, UTF_8)).as(path).doesNotContain("PRIVATE KEY");
        });
    for (String variable : environment.keySet()) {
      String pemBody = environment.get(variable).lines().skip(1).findFirst().orElseThrow();
      out.forEach(
          (path, bytes) -> assertThat(new String(bytes, UTF_8)).as(path).doesNotContain(pemBody));
    }
  }

  @Test
  void theSameInputSignsTheSameBytes() {
    Map<String, byte[]> again = build(tmp.resolve("again"));
    assertThat(again.keySet()).containsExactlyElementsOf(out.keySet());
    out.forEach((path, bytes) -> assertThat(again.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void aRebuildAfterAddingOneAwardSignsOnlyThatAward(@TempDir Path work) throws IOException {
    Path copy = work.resolve("site");
    TestSites.copy(site, copy);
    Path cache = work.resolve("cache");
    Badgesmith generator =
        Badgesmith.builder().environment(environment).cacheDirectory(cache).build();
    generator.build(copy, work.resolve("out"));
    Map<String, byte[]> first = TestSites.read(work.resolve("out"));
    long signaturesBefore = signatures(cache);

    TestSites.write(
        copy.resolve("awards/intro/kim.yaml"),
        "recipient:\n  email: kim@example.org\nissuedOn: 2025-04-01\n");
    assertThat(
            TestSites.withoutSaltWarning(generator.build(copy, work.resolve("out")).diagnostics()))
        .isEmpty();

    // One new credential: one Data Integrity proof and one JWT, nothing re-signed.
    assertThat(signatures(cache) - signaturesBefore).isEqualTo(2);
    Map<String, byte[]> second = TestSites.read(work.resolve("out"));
    assertThat(second).containsKeys("credentials/intro/kim.json", "credentials/intro/kim.jwt");
    assertThat(second.get("credentials/intro/jane.json"))
        .isEqualTo(first.get("credentials/intro/jane.json"));
    assertThat(first.get("credentials/intro/jane.json"))
        .isEqualTo(out.get("credentials/intro/jane.json"));
  }

  /** The signed documents kept under the cache folder (in this machine's subfolder). */
  private static long signatures(Path cache) throws IOException {
    if (!Files.isDirectory(cache)) {
      return 0;
    }
    try (var files = Files.walk(cache)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getParent().toString().contains("/signatures"))
          .count();
    }
  }

  @Test
  void aMissingPrivateKeyIsASetupErrorThatNamesTheVariable() {
    assertThatThrownBy(() -> Badgesmith.builder().build().build(site, tmp.resolve("unsigned")))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("BADGESMITH_KEY_RSA_1");
    assertThat(tmp.resolve("unsigned")).doesNotExist();
  }
}
