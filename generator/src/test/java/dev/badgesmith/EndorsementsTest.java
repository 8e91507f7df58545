package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.ld.Canonicalizer;
import dev.badgesmith.ld.ContextStore;
import dev.badgesmith.testing.NodePackages;
import dev.badgesmith.testing.TestSites;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endorsements both ways, on the signed golden site: the endorsements its issuers give, published
 * as Open Badges 2.0 Endorsements and signed EndorsementCredentials, and the one others host that
 * its badge class lists; held to the Open Badges 2.0 rules for an Endorsement, the 1EdTech JSON
 * Schema's EndorsementCredential, the contexts, and Badgesmith's own verifier.
 */
class EndorsementsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://observatory.example/badges/";
  private static final String DATE_TIME =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})";
  private static final String RECEIVED =
      "https://planetarium.example/endorsements/first-light.json";

  @TempDir static Path tmp;
  static Path out;
  static Map<String, byte[]> site;

  @BeforeAll
  static void build() {
    out = tmp.resolve("out");
    Report report =
        Badgesmith.builder()
            .environment(Map.of("BADGESMITH_SALT_SECRET", "golden-sites-salt-secret"))
            .keysDirectory(TestSites.resources("keys"))
            .build()
            .build(TestSites.resources("sites/signed/input"), out);
    assertThat(report.diagnostics()).isEmpty();
    site = TestSites.read(out);
  }

  static JsonNode json(String path) throws IOException {
    assertThat(site).as("the site holds " + path).containsKey(path);
    return JSON.readTree(site.get(path));
  }

  static String page(String path) {
    assertThat(site).as("the site holds " + path).containsKey(path);
    return new String(site.get(path), UTF_8);
  }

  /** The output path a URL of this site is served from. */
  static String served(String url) {
    assertThat(url).startsWith(BASE);
    String path = url.substring(BASE.length());
    return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
  }

  static List<String> endorsements() {
    return site.keySet().stream()
        .filter(p -> p.matches("endorsements/[^/]+\\.json"))
        .sorted()
        .toList();
  }

  @Test
  void everyEndorsementFollowsTheOpenBadges20Rules() throws IOException {
    assertThat(endorsements())
        .containsExactly(
            "endorsements/ada-log.json",
            "endorsements/observatory-telescope.json",
            "endorsements/society-first-light.json",
            "endorsements/society-observatory.json");
    for (String path : endorsements()) {
      JsonNode e = json(path);
      assertThat(e.path("@context").asText()).isEqualTo("https://w3id.org/openbadges/v2");
      assertThat(e.path("id").asText()).as(path).isEqualTo(BASE + path);
      if (e.path("revoked").asBoolean(false)) {
        assertThat(e.path("revocationReason").asText()).isNotBlank();
        continue;
      }
      assertThat(e.path("type").asText()).as(path).isEqualTo("Endorsement");
      assertThat(e.path("issuedOn").asText()).as(path).matches(DATE_TIME);
      assertThat(e.path("verification").path("type").asText()).isEqualTo("HostedBadge");
      // The issuer is a profile at the URL of its id, whose scope covers the endorsement.
      JsonNode issuer = json(served(e.path("issuer").asText()));
      assertThat(issuer.path("type").asText()).isEqualTo("Issuer");
      List<String> scope = new ArrayList<>();
      issuer.path("verification").path("startsWith").forEach(s -> scope.add(s.asText()));
      assertThat(scope).anyMatch(s -> e.path("id").asText().startsWith(s));
      // The claim names a document of this site, and comments on it; it has no undefined type.
      JsonNode claim = e.path("claim");
      assertThat(claim.has("type")).isFalse();
      assertThat(claim.path("endorsementComment").asText()).as(path).isNotBlank();
      assertThat(json(served(claim.path("id").asText())).path("type").asText())
          .isIn("BadgeClass", "Issuer", "Assertion");
    }
    assertThat(json("endorsements/ada-log.json").path("claim").path("id").asText())
        .isEqualTo(BASE + "assertions/first-light/ada.json");
  }

  @Test
  void badgeClassesAndIssuersListTheirStandingEndorsementsAndThoseOthersHost() throws IOException {
    assertThat(strings(json("badges/first-light.json").path("endorsement")))
        .containsExactly(BASE + "endorsements/society-first-light.json", RECEIVED);
    assertThat(strings(json("issuers/observatory.json").path("endorsement")))
        .containsExactly(BASE + "endorsements/society-observatory.json");
    // The revoked one is listed nowhere; the issuer that gave it still scopes it.
    for (String path : site.keySet()) {
      if (path.matches("(badges|issuers|achievements)/[^/]+\\.json")) {
        assertThat(page(path)).as(path).doesNotContain("endorsements/observatory-telescope");
      }
    }
    assertThat(json("issuers/astronomy-society.json").has("endorsement")).isFalse();
  }

  @Test
  void theCredentialsNameWhatTheyEndorseAndHaveAStatusEntryOfTheirOwn() throws IOException {
    Map<String, String> subjects =
        Map.of(
            "society-first-light",
            BASE + "achievements/first-light.json",
            "society-observatory",
            "did:web:observatory.example:badges",
            "ada-log",
            BASE + "credentials/first-light/ada.json",
            "observatory-telescope",
            "https://stars.example/badges/telescope-care.json");
    List<Integer> awardIndexes = new ArrayList<>();
    for (String award : List.of("ada", "ben", "cy")) {
      awardIndexes.add(
          json("credentials/first-light/" + award + ".json")
              .path("credentialStatus")
              .path("statusListIndex")
              .asInt());
    }
    BitSet revoked = statusBits("status/revocation.json");
    for (Map.Entry<String, String> entry : subjects.entrySet()) {
      String path = "endorsements/" + entry.getKey() + "/credential.json";
      JsonNode credential = json(path);
      assertThat(strings(credential.path("type")))
          .containsExactly("VerifiableCredential", "EndorsementCredential");
      assertThat(credential.path("id").asText()).isEqualTo(BASE + path);
      assertThat(credential.path("name").asText()).contains(" endorses ");
      JsonNode subject = credential.path("credentialSubject");
      assertThat(subject.path("id").asText()).as(path).isEqualTo(entry.getValue());
      assertThat(strings(subject.path("type"))).containsExactly("EndorsementSubject");
      assertThat(subject.path("endorsementComment").asText()).isNotBlank();
      assertThat(credential.path("proof").get(0).path("cryptosuite").asText())
          .isEqualTo("eddsa-rdfc-2022");
      int index = credential.path("credentialStatus").path("statusListIndex").asInt();
      assertThat(awardIndexes).doesNotContain(index);
      assertThat(revoked.get(index))
          .as(path + " revoked in the status list")
          .isEqualTo(entry.getKey().equals("observatory-telescope"));
      assertThat(site).containsKey("endorsements/" + entry.getKey() + "/credential.jwt");
    }
    assertThat(page("status/revocations.json"))
        .contains(BASE + "endorsements/observatory-telescope/credential.json");
  }

  @Test
  void theAchievementCarriesTheSignedEndorsementsOfItsBadgeClassAndAwardCredentialsNone()
      throws IOException {
    JsonNode achievement = json("achievements/first-light.json");
    assertThat(achievement.path("endorsement")).hasSize(1);
    assertThat(achievement.path("endorsement").get(0))
        .isEqualTo(json("endorsements/society-first-light/credential.json"));
    assertThat(json("credentials/first-light/ada.json").toString()).doesNotContain("endorsement");
  }

  @Test
  void onASiteThatSignsOnlyJwtsTheAchievementCarriesNoEndorsementJwt(@TempDir Path dir)
      throws IOException {
    Path source = dir.resolve("site");
    TestSites.copy(TestSites.resources("sites/signed/input"), source);
    Path settings = source.resolve("site.yaml");
    Files.writeString(
        settings, Files.readString(settings).replaceAll("(?m)^  dataIntegrity: .*\\n", ""));
    Report report =
        Badgesmith.builder()
            .environment(Map.of("BADGESMITH_SALT_SECRET", "golden-sites-salt-secret"))
            .keysDirectory(TestSites.resources("keys"))
            .build()
            .build(source, dir.resolve("out"));
    assertThat(report.diagnostics()).isEmpty();
    ObjectNode achievement =
        (ObjectNode) JSON.readTree(dir.resolve("out/achievements/first-light.json").toFile());
    // The endorsement is published as a VC-JWT, but endorsementJwt, which the 1EdTech schema has,
    // is a term no context defines: an Achievement carrying it is refused in safe mode.
    assertThat(dir.resolve("out/endorsements/society-first-light/credential.jwt")).exists();
    assertThat(achievement.has("endorsement")).isFalse();
    assertThat(achievement.has("endorsementJwt")).isFalse();
    Canonicalizer canonicalizer = new Canonicalizer(new ContextStore());
    assertThat(canonicalizer.canonicalize(achievement)).isNotEmpty();
    achievement.putArray("endorsementJwt").add("a.b.c");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> canonicalizer.canonicalize(achievement))
        .hasMessageContaining("undefined JSON-LD term 'endorsementJwt'");
  }

  @Test
  void everyTermIsDefinedByTheContexts() throws IOException {
    Canonicalizer canonicalizer = new Canonicalizer(new ContextStore());
    // Canonicalising refuses a document with a term no context defines.
    for (String id : List.of("society-first-light", "observatory-telescope", "ada-log")) {
      assertThat(canonicalizer.canonicalize(json("endorsements/" + id + "/credential.json")))
          .isNotEmpty();
    }
    assertThat(canonicalizer.canonicalize(json("achievements/first-light.json"))).isNotEmpty();
  }

  @Test
  void ajvValidatesTheCredentialsAgainstTheOneEdTechEndorsementCredentialDefinition()
      throws IOException {
    Path schema = TestSites.spec().resolve("ob3/ob_v3p0_achievementcredential_schema.json");
    assumeTrue(Files.isRegularFile(schema), "skipped: no schema at " + schema);
    Optional<Path> ajv = NodePackages.install("target/node-ajv", "ajv@8", "ajv-formats@3");
    assumeTrue(ajv.isPresent(), "skipped: node and npm are needed for ajv");
    // The achievement credential schema defines EndorsementCredential (and Achievement, with its
    // endorsements) in $defs: the same definitions as 1EdTech's endorsement credential schema.
    ObjectNode full = (ObjectNode) JSON.readTree(schema.toFile());
    for (String definition : List.of("EndorsementCredential", "Achievement")) {
      ObjectNode one = JSON.createObjectNode();
      one.set("$schema", full.get("$schema"));
      one.put("$ref", "#/$defs/" + definition);
      one.set("$defs", full.get("$defs"));
      Path oneSchema = Files.writeString(tmp.resolve(definition + ".schema.json"), one.toString());
      List<String> args = new ArrayList<>(List.of(oneSchema.toString()));
      for (String path : site.keySet()) {
        boolean endorsement = path.matches("endorsements/[^/]+/credential\\.json");
        if (definition.equals("EndorsementCredential") ? endorsement : path.startsWith("achi")) {
          args.add(Files.write(tmp.resolve(path.replace('/', '-')), site.get(path)).toString());
        }
      }
      assertThat(args).as(definition).hasSizeGreaterThan(1);
      String report =
          NodePackages.run(
              ajv.get(), Path.of("src/test/node/validate-ajv.cjs"), args.toArray(String[]::new));
      assertThat(report.lines()).as(report).allMatch(line -> line.startsWith("ok "));
    }
  }

  @Test
  void pagesShowEveryEndorsementWithItsEndorserClaimAndDate() {
    String badge = page("badges/first-light/index.html");
    assertThat(badge)
        .contains("<h2 id=\"endorsements\">Endorsements</h2>")
        .contains("Endorsed by <a href=\"" + BASE + "issuers/astronomy-society/\">")
        .contains("<strong>First Light</strong>")
        .contains("<time datetime=\"2025-10-15\">2025-10-15</time>")
        .contains("<a href=\"" + RECEIVED + "\">planetarium.example</a>")
        .doesNotContain("telescope-care");
    assertThat(page("issuers/observatory/index.html"))
        .contains("Endorsed by <a href=\"" + BASE + "issuers/astronomy-society/\">")
        .contains("experienced observers");
    assertThat(page("assertions/first-light/ada/index.html"))
        .contains("is a model for the society")
        .contains(BASE + "endorsements/ada-log/");
    assertThat(page("issuers/astronomy-society/index.html"))
        .contains("Endorsements given")
        .contains(BASE + "endorsements/society-first-light/");
    assertThat(page("endorsements/observatory-telescope/index.html"))
        .contains("<strong>Revoked</strong>")
        .contains("The badge class was retired")
        .contains(BASE + "endorsements/observatory-telescope/credential.jwt");
  }

  @Test
  void aClaimIsMarkdownMadeSafe(@TempDir Path dir) throws IOException {
    Path source = TestSites.unpack(dir.resolve("site"), TestSites.MINIMAL);
    TestSites.unpack(
        source,
        """
        -- endorsements/unsafe.yaml
        endorser: guild
        endorses:
          badge: intro
        claim: |
          A *good* course, [see](javascript:alert(2)).

          <script>alert(1)</script>
        issuedOn: 2025-04-01
        """);
    Report report = Badgesmith.builder().build().build(source, dir.resolve("out"));
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    for (String path : List.of("badges/intro/index.html", "endorsements/unsafe/index.html")) {
      String html = Files.readString(dir.resolve("out").resolve(path));
      assertThat(html).as(path).contains("<em>good</em>");
      assertThat(html).as(path).doesNotContain("<script>alert").doesNotContain("javascript:");
    }
  }

  @Test
  void badgesmithVerifyAcceptsTheEndorsementsAndTheBadgesThatListThem() {
    Badgesmith badgesmith = Badgesmith.builder().build();
    Optional<Path> offline = Optional.of(out);
    Verification given =
        badgesmith.verify(
            out.resolve("endorsements/society-first-light/credential.json").toString(),
            Optional.empty(),
            offline,
            Network.PUBLIC);
    assertThat(given.passed()).as(String.join("\n", given.steps())).isTrue();
    Verification jwt =
        badgesmith.verify(
            out.resolve("endorsements/society-first-light/credential.jwt").toString(),
            Optional.empty(),
            offline,
            Network.PUBLIC);
    assertThat(jwt.passed()).as(String.join("\n", jwt.steps())).isTrue();
    Verification revoked =
        badgesmith.verify(
            out.resolve("endorsements/observatory-telescope/credential.json").toString(),
            Optional.empty(),
            offline,
            Network.PUBLIC);
    assertThat(revoked.passed()).isFalse();
    assertThat(revoked.failedStep()).contains("status");
    Verification hosted =
        badgesmith.verify(
            out.resolve("endorsements/society-observatory.json").toString(),
            Optional.empty(),
            offline,
            Network.PUBLIC);
    assertThat(hosted.passed()).as(String.join("\n", hosted.steps())).isTrue();
    // A badge whose class lists endorsements: the one the site hosts is checked, the one hosted
    // elsewhere is out of reach offline.
    Verification badge =
        badgesmith.verify(
            out.resolve("assertions/first-light/ada.json").toString(),
            Optional.empty(),
            offline,
            Network.PUBLIC);
    assertThat(badge.passed()).as(String.join("\n", badge.steps())).isTrue();
    assertThat(badge.steps())
        .contains(
            "PASS endorsements: 2 endorsement(s) hold, by Regional Astronomy Society; 1 out of"
                + " reach, not checked");
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  /** The bits of a BitstringStatusList credential: index i is bit i, high bit first. */
  private static BitSet statusBits(String path) throws IOException {
    String encoded = json(path).path("credentialSubject").path("encodedList").asText();
    byte[] gzip = Base64.getUrlDecoder().decode(encoded.substring(1));
    byte[] bytes = new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes();
    BitSet bits = new BitSet();
    for (int i = 0; i < bytes.length * 8; i++) {
      if ((bytes[i / 8] & (0x80 >>> (i % 8))) != 0) {
        bits.set(i);
      }
    }
    return bits;
  }
}
