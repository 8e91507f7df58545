package dev.badgesmith.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.testing.IndependentVerifiers;
import dev.badgesmith.testing.IndependentVerifiers.Expansion;
import dev.badgesmith.testing.IndependentVerifiers.SiteVerification;
import dev.badgesmith.testing.IndependentVerifiers.Verification;
import dev.badgesmith.testing.KeyRotation;
import dev.badgesmith.testing.NodePackages;
import dev.badgesmith.testing.TestSites;
import dev.badgesmith.verify.SiteFolderResolver;
import dev.badgesmith.verify.VerificationReport;
import dev.badgesmith.verify.Verifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users meet: the example site and a variant of every signing setting, checked by verifiers
 * nobody here wrote (Digital Bazaar's {@code vc} stack, the DCC's verifier-core, jose), offline,
 * and by JSON-LD safe-mode processing; and a key rotation, built from a fresh copy with only the
 * new private keys and no cache.
 */
class IndependentVerifiersTest {
  private static final String BASE_URL = "https://badges.rustacean-guild.example/";
  private static final Path EXAMPLE = Path.of("../example-site").toAbsolutePath().normalize();
  private static final Path KEYS = Path.of("../example-keys").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REVOKED = "ownership-fundamentals/tomas-novak";
  private static final String EXPIRED = "code-reviewer/mateo-garcia";

  @TempDir static Path tmp;
  static IndependentVerifiers verifiers;

  @BeforeAll
  static void install() {
    Optional<IndependentVerifiers> installed = IndependentVerifiers.install();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(installed).as("CI installs the verifiers (.ci/run: npm ci)").isPresent();
    }
    assumeTrue(installed.isPresent(), "skipped: node and npm are needed (see the log)");
    verifiers = installed.get();
  }

  /**
   * A variant of the example site: how one of its files (site.yaml's signing section, or an award)
   * is changed.
   */
  record Variant(String name, String from, String to, boolean es256, String file) {
    Variant(String name, String from, String to, boolean es256) {
      this(name, from, to, es256, "site.yaml");
    }
  }

  /** The award the German variant issues in German. */
  private static final String GERMAN = "first-contribution/jonas-weber";

  static final List<Variant> VARIANTS =
      List.of(
          new Variant("example (DI + RS256 VC-JWT, did:web)", "", "", false),
          new Variant("Data Integrity only", "(?m)^  jwt: .*\\n", "", false),
          new Variant("VC-JWT only, RS256", "(?m)^  dataIntegrity: .*\\n", "", false),
          new Variant("VC-JWT only, ES256", "(?m)^  dataIntegrity: .*\\n", "", true),
          new Variant("ob2: signed", "(?m)^(  dataIntegrity: .*)$", "$1\n  ob2: signed", false),
          new Variant("issuerId: url", "(?m)^  issuerId: did$", "  issuerId: url", false),
          new Variant(
              "an award in German",
              "(?m)^issuedOn: (.*)$",
              "issuedOn: $1\nlanguage: de",
              false,
              "awards/" + GERMAN + ".yaml"));

  @Test
  void everySigningSettingVerifiesInEveryIndependentVerifier() throws IOException {
    List<String> table = new ArrayList<>();
    for (Variant variant : VARIANTS) {
      Path out = build(variant);
      SiteVerification result = verifiers.verifySite(out, BASE_URL);
      // What the verifiers ask for beyond the site: the JSON Schema (DCC) and, when the issuer is
      // named by its Open Badges 2.0 profile URL, that profile's context (a controller lookup).
      assertThat(result.refused())
          .as(variant.name())
          .allMatch(
              url -> url.contains("/schema/") || url.equals("https://w3id.org/openbadges/v2"));
      assertThat(result.results()).as(variant.name()).isNotEmpty();
      for (Verification v : result.results()) {
        String what = variant.name() + ": " + v.describe();
        if (v.file().contains(REVOKED)) {
          assertThat(v.verified()).as(what).isFalse();
          assertThat(v.revoked()).as(what).isTrue();
          assertThat(v.signature()).as(what).isTrue();
        } else if (v.file().contains(EXPIRED)) {
          assertThat(v.verified()).as(what).isFalse();
          assertThat(v.expired()).as(what).isTrue();
          assertThat(v.signature()).as(what).isTrue();
        } else {
          assertThat(v.verified()).as(what).isTrue();
        }
      }
      table.add(variant.name() + " -> " + summary(result));
      // Badgesmith's own verifier agrees, for every published credential.
      for (Verification v : result.results()) {
        VerificationReport ours = ours(out, out.resolve(v.file()));
        boolean genuine = !v.file().contains(REVOKED) && !v.file().contains(EXPIRED);
        assertThat(ours.passed())
            .as(variant.name() + " badgesmith verify " + v.file())
            .isEqualTo(genuine);
      }
    }
    System.out.println("Independent verifiers:\n  " + String.join("\n  ", table));
  }

  @Test
  void aLearnerRecordAndEveryCredentialInItVerifyInEveryVerifier() {
    Path clr = TestSites.spec().resolve("clr/context-2.0.1.json");
    assumeTrue(Files.isRegularFile(clr), "skipped: no CLR 2.0 context at " + clr);
    Path out = build(VARIANTS.get(0));
    String record = "earners/li-wei-example-net/clr";

    SiteVerification result =
        verifiers.verifySite(out, BASE_URL, record + ".json", record + ".jwt");

    List<String> verified = new ArrayList<>();
    for (Verification v : result.results()) {
      assertThat(v.verified()).as(v.describe()).isTrue();
      assertThat(v.signature()).as(v.describe()).isTrue();
      verified.add(v.file() + " " + v.verifier());
    }
    // The record in both forms, and each of Li Wei's two credentials in each.
    assertThat(verified)
        .containsExactlyInAnyOrder(
            record + ".json digitalbazaar",
            record + ".json dcc",
            record + ".json#credential-1 digitalbazaar",
            record + ".json#credential-1 dcc",
            record + ".json#credential-2 digitalbazaar",
            record + ".json#credential-2 dcc",
            record + ".jwt jose",
            record + ".jwt#credential-1 digitalbazaar",
            record + ".jwt#credential-1 dcc",
            record + ".jwt#credential-2 digitalbazaar",
            record + ".jwt#credential-2 dcc");
    assertThat(result.refused()).allMatch(url -> url.contains("/schema/"));
    // And jsonld.js in safe mode finds every term defined, the CLR context's included.
    Expansion expansion =
        verifiers
            .expandSafe(out, BASE_URL, TestSites.spec().resolve("ob2/context.json"))
            .of(record + ".json")
            .orElseThrow();
    assertThat(expansion.ok()).as(expansion.error()).isTrue();
    assertThat(expansion.toRdfOk()).as(expansion.toRdfError()).isTrue();
    assertThat(expansion.contexts())
        .contains("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json");
  }

  @Test
  void anAwardInGermanIsIssuedInGermanAndVerifiesInEveryVerifier() throws IOException {
    Path out = build(VARIANTS.get(VARIANTS.size() - 1));
    String credential = "credentials/" + GERMAN + ".json";
    JsonNode json = JSON.readTree(out.resolve(credential).toFile());
    JsonNode achievement = json.path("credentialSubject").path("achievement");
    assertThat(achievement.path("inLanguage").asText()).isEqualTo("de");
    assertThat(achievement.path("name").asText()).isEqualTo("Erster Beitrag");
    // Its Open Badges 2.0 assertion names the German BadgeClass, which names the English one.
    JsonNode assertion = JSON.readTree(out.resolve("assertions/" + GERMAN + ".json").toFile());
    assertThat(assertion.path("@language").asText()).isEqualTo("de");
    String badge = assertion.path("badge").asText();
    assertThat(badge).isEqualTo(BASE_URL + "de/badges/first-contribution.json");
    JsonNode badgeClass = JSON.readTree(out.resolve("de/badges/first-contribution.json").toFile());
    assertThat(badgeClass.path("@language").asText()).isEqualTo("de");
    assertThat(badgeClass.path("related").get(0).path("id").asText())
        .isEqualTo(BASE_URL + "badges/first-contribution.json");
    assertThat(badgeClass.path("related").get(0).path("@language").asText()).isEqualTo("en");

    SiteVerification result =
        verifiers.verifySite(out, BASE_URL, credential, "credentials/" + GERMAN + ".jwt");
    assertThat(result.results()).hasSize(3);
    assertThat(result.results())
        .allSatisfy(v -> assertThat(v.verified()).as(v.describe()).isTrue());
    assertThat(ours(out, out.resolve(credential)).passed()).isTrue();
    assertThat(ours(out, out.resolve("assertions/" + GERMAN + ".json")).passed()).isTrue();

    // ajv with the 1EdTech Open Badges 3.0 schema accepts it, inLanguage's pattern included.
    Path schema = TestSites.spec().resolve("ob3/ob_v3p0_achievementcredential_schema.json");
    Optional<Path> ajv = NodePackages.install("target/node-ajv", "ajv@8", "ajv-formats@3");
    assumeTrue(ajv.isPresent(), "skipped: node and npm are needed for ajv");
    String report =
        NodePackages.run(
            ajv.get(),
            Path.of("src/test/node/validate-ajv.cjs"),
            schema.toString(),
            out.resolve(credential).toString());
    assertThat(report.lines()).isNotEmpty().allMatch(line -> line.startsWith("ok "));
  }

  @Test
  void aChangedFieldFailsAtTheSignatureInEveryVerifier() throws IOException {
    Path out = build(VARIANTS.get(0));
    Path credential = out.resolve("credentials/mentor/amara-okafor.json");
    ObjectNode json = (ObjectNode) JSON.readTree(credential.toFile());
    json.put("name", "Forged");
    Files.write(out.resolve("credentials/mentor/forged.json"), JSON.writeValueAsBytes(json));
    String[] jwt =
        Files.readString(out.resolve("credentials/mentor/amara-okafor.jwt")).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(jwt[1]), UTF_8);
    String forgedPayload = payload.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"Forged\"");
    assertThat(forgedPayload).isNotEqualTo(payload);
    Files.writeString(
        out.resolve("credentials/mentor/forged.jwt"),
        jwt[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(forgedPayload.getBytes(UTF_8))
            + "."
            + jwt[2]);

    SiteVerification result =
        verifiers.verifySite(
            out, BASE_URL, "credentials/mentor/forged.json", "credentials/mentor/forged.jwt");

    assertThat(result.results()).hasSize(3);
    assertThat(result.results())
        .allSatisfy(
            v -> {
              assertThat(v.verified()).as(v.describe()).isFalse();
              assertThat(v.signature()).as(v.describe()).isFalse();
            });
  }

  @Test
  void aFlippedStatusBitIsCaught() throws IOException {
    Path out = build(VARIANTS.get(0));
    // Amara's mentor award is not revoked; set its bit in both lists without signing them again.
    ObjectNode credential =
        (ObjectNode) JSON.readTree(out.resolve("credentials/mentor/amara-okafor.json").toFile());
    int index = credential.path("credentialStatus").path("statusListIndex").asInt();
    ObjectNode list = (ObjectNode) JSON.readTree(out.resolve("status/revocation.json").toFile());
    ObjectNode subject = (ObjectNode) list.get("credentialSubject");
    subject.put("encodedList", flip(subject.get("encodedList").asText(), index));
    Files.write(out.resolve("status/revocation.json"), JSON.writeValueAsBytes(list));

    SiteVerification result =
        verifiers.verifySite(out, BASE_URL, "credentials/mentor/amara-okafor.json");

    assertThat(result.results()).hasSize(2);
    assertThat(result.results())
        .allSatisfy(v -> assertThat(v.verified()).as(v.describe()).isFalse());
    assertThat(ours(out, out.resolve("credentials/mentor/amara-okafor.json")).passed()).isFalse();
  }

  @Test
  void everyJsonLdDocumentExpandsInSafeMode() {
    Path ob2 = TestSites.spec().resolve("ob2/context.json");
    assumeTrue(Files.isRegularFile(ob2), "skipped: no Open Badges 2.0 context at " + ob2);
    for (Variant variant : VARIANTS) {
      Path out = build(variant);
      List<Expansion> results = verifiers.expandSafe(out, BASE_URL, ob2).results();
      assertThat(results).as(variant.name()).isNotEmpty();
      for (Expansion e : results) {
        assertThat(e.ok()).as(variant.name() + " " + e.file() + ": " + e.error()).isTrue();
        assertThat(e.toRdfOk())
            .as(variant.name() + " " + e.file() + ": " + e.toRdfError())
            .isTrue();
      }
    }
  }

  @Test
  void aKeyRotationKeepsEveryBadgeValid() throws IOException {
    // Before: the example site, as published, and the copies its earners hold.
    Path before = build(VARIANTS.get(0));
    Path site = tmp.resolve("rotated-site");
    TestSites.copy(EXAMPLE, site);
    delete(site.resolve("target"));
    Path newKeys = tmp.resolve("rotated-keys");
    KeyRotation.rotate(site, newKeys, "2026-12-01");

    // A fresh clone in CI: only the new private keys, no cache; twice, from two clean folders.
    Path after = buildFresh(site, newKeys, tmp.resolve("rotated-1"));
    Path again = buildFresh(site, newKeys, tmp.resolve("rotated-2"));
    assertThat(tree(again)).as("the same commit builds the same bytes").isEqualTo(tree(after));

    // (a) Everything the rotated site publishes verifies, signed by the new keys.
    SiteVerification published = verifiers.verifySite(after, BASE_URL);
    for (Verification v : published.results()) {
      boolean genuine = !v.file().contains(REVOKED) && !v.file().contains(EXPIRED);
      assertThat(v.verified()).as("rotated: " + v.describe()).isEqualTo(genuine);
      assertThat(v.signature()).as("rotated: " + v.describe()).isTrue();
      assertThat(ours(after, after.resolve(v.file())).passed())
          .as("badgesmith verify rotated " + v.file())
          .isEqualTo(genuine);
    }
    String amara = Files.readString(after.resolve("credentials/mentor/amara-okafor.json"));
    assertThat(amara).contains("#guild-ed-2027").contains("\"created\": \"2026-12-01T00:00:00");

    // (b) The copies earners already hold, signed by the retired keys, verify against it.
    List<String> held = new ArrayList<>();
    try (Stream<Path> files = Files.walk(before.resolve("credentials"))) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.(json|jwt)$")).toList()) {
        String relative = before.relativize(file).toString().replace('\\', '/');
        String copy = relative.replace("credentials/", "credentials/held/");
        Files.createDirectories(after.resolve(copy).getParent());
        Files.copy(file, after.resolve(copy));
        held.add(copy);
      }
    }
    SiteVerification holders = verifiers.verifySite(after, BASE_URL, held.toArray(String[]::new));
    assertThat(holders.results()).hasSize(held.size() / 2 * 3);
    for (Verification v : holders.results()) {
      boolean genuine = !v.file().contains(REVOKED) && !v.file().contains(EXPIRED);
      assertThat(v.verified()).as("held copy: " + v.describe()).isEqualTo(genuine);
      assertThat(v.signature()).as("held copy: " + v.describe()).isTrue();
      assertThat(ours(after, after.resolve(v.file())).passed())
          .as("badgesmith verify held " + v.file())
          .isEqualTo(genuine);
    }
  }

  /** The example site with one signing setting, built into a folder of its own. */
  private static Path build(Variant variant) {
    Path out = tmp.resolve("out-" + Integer.toHexString(variant.name().hashCode()));
    if (Files.isDirectory(out)) {
      return out;
    }
    try {
      Path site = tmp.resolve("site-" + Integer.toHexString(variant.name().hashCode()));
      TestSites.copy(EXAMPLE, site);
      delete(site.resolve("target"));
      Path keys = KEYS;
      if (!variant.from().isEmpty()) {
        // A variant is another site, not a later commit of the example site: its lock does not
        // apply.
        Files.deleteIfExists(site.resolve("published.lock"));
        String yaml = Files.readString(site.resolve(variant.file()));
        String changed = yaml.replaceAll(variant.from(), variant.to());
        assertThat(changed).as(variant.name()).isNotEqualTo(yaml);
        Files.writeString(site.resolve(variant.file()), changed);
      }
      if (variant.es256()) {
        var pair = KeyGenerator.generate(KeyAlgorithm.ES256);
        keys = Files.createDirectories(site.resolveSibling(site.getFileName() + "-keys"));
        Files.writeString(site.resolve("keys/guild-rsa-2026.pem"), pair.publicKeyPem());
        Files.writeString(keys.resolve("guild-rsa-2026.pem"), pair.privateKeyPem());
        String yaml = Files.readString(site.resolve("site.yaml"));
        Files.writeString(
            site.resolve("site.yaml"), yaml.replace("algorithm: RS256", "algorithm: ES256"));
      }
      return buildFresh(site, keys, out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path buildFresh(Path site, Path keys, Path out) {
    Report report =
        Badgesmith.builder()
            .keysDirectory(keys)
            .cacheDirectory(out.resolveSibling(out.getFileName() + "-cache"))
            .build()
            .build(site, out);
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).as(site.toString()).isEmpty();
    return out;
  }

  private static VerificationReport ours(Path site, Path result) {
    // A credential a learner record holds ("clr.json#credential-2"): the whole record.
    Path file = Path.of(result.toString().replaceFirst("#credential-[0-9]+$", ""));
    try {
      return Verifier.builder()
          .resolver(new SiteFolderResolver(site))
          .clock(Clock.systemUTC())
          .build()
          .verify(Files.readAllBytes(file), file.getFileName().toString(), Optional.empty());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String summary(SiteVerification result) {
    Map<String, int[]> counts = new TreeMap<>();
    for (Verification v : result.results()) {
      int[] c = counts.computeIfAbsent(v.verifier(), k -> new int[3]);
      c[v.verified() ? 0 : Boolean.TRUE.equals(v.revoked()) ? 1 : 2]++;
    }
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (k, c) ->
            parts.add(
                k
                    + ": "
                    + c[0]
                    + " verified, "
                    + c[1]
                    + " revoked, "
                    + c[2]
                    + " expired or failed"));
    return String.join("; ", parts);
  }

  /** The multibase GZIP bitstring with one bit flipped (bit 0 is the high bit of byte 0). */
  private static String flip(String encoded, int index) throws IOException {
    byte[] gzip = Base64.getUrlDecoder().decode(encoded.substring(1));
    byte[] bits;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      bits = in.readAllBytes();
    }
    bits[index / 8] ^= (byte) (0x80 >>> (index % 8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bits);
    }
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(f).toString(), sha256(f));
      }
    }
    return files;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
