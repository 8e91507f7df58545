package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.bake.PngBaker;
import dev.badgesmith.sign.SigningKey;
import dev.badgesmith.testing.KeyRotation;
import dev.badgesmith.testing.NodePackages;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built example site in a real browser: Debian's headless Chromium, driven by playwright-core
 * (npm) through {@code src/test/node/browser.cjs}. The site is served from 127.0.0.1; every page
 * loads with no console error and no failed request, axe-core finds no serious or critical
 * violation in light or dark mode, screenshots go to {@code target/screenshots/}, and the verify
 * page accepts the site's baked badges in every proof form (embedded Data Integrity proofs
 * included) and rejects tampered and revoked ones, and ones signed outside their key's validity, at
 * the right step, over http and from a saved copy over file://; the skills search page lists every
 * skill without script and filters them from the keyboard with it. Skips when Chromium or Node is
 * absent.
 */
class BrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLE = Path.of("../example-site").toAbsolutePath().normalize();
  private static final Path KEYS = Path.of("../example-keys").toAbsolutePath().normalize();
  private static final String BASE_URL = "https://badges.rustacean-guild.example/";
  private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

  /**
   * The page types, by the output paths of their pages: adding a page type is one line here. A page
   * that matches none is still tested, as a type named by its path.
   */
  private static final Map<String, Pattern> PAGE_TYPES = new LinkedHashMap<>();

  static {
    PAGE_TYPES.put("index", Pattern.compile("index\\.html"));
    PAGE_TYPES.put("badge", Pattern.compile("badges/[^/]+/index\\.html"));
    PAGE_TYPES.put("award", Pattern.compile("assertions/[^/]+/[^/]+/index\\.html"));
    PAGE_TYPES.put("verify", Pattern.compile("verify/index\\.html"));
    PAGE_TYPES.put("issuer", Pattern.compile("issuers/[^/]+/index\\.html"));
    PAGE_TYPES.put("earner", Pattern.compile("earners/[^/]+/index\\.html"));
    PAGE_TYPES.put("endorsement", Pattern.compile("endorsements/[^/]+/index\\.html"));
    PAGE_TYPES.put("404", Pattern.compile("404\\.html"));
  }

  @TempDir static Path tmp;
  static HttpServer server;
  static Path served;
  static JsonNode result;
  static Map<String, String> types = new LinkedHashMap<>();

  @BeforeAll
  static void runBrowser() throws Exception {
    Path chromium = Path.of(System.getProperty("badgesmith.chromium", "/usr/bin/chromium"));
    assumeTrue(
        Files.isExecutable(chromium),
        "skipped: no Chromium at " + chromium + " (Debian: apt-get install chromium)");
    Optional<Path> node =
        NodePackages.install("target/node-browser", "playwright-core@1.65.1", "axe-core@4.14.1");
    assumeTrue(node.isPresent(), "skipped: node and npm are needed for the browser tests");

    served = tmp.resolve("served");
    Path example = served.resolve("example");
    assertThat(TestSites.withoutSaltWarning(TestSites.buildExample(example).diagnostics()))
        .isEmpty();
    // The same site before one award was revoked: the badges its earner downloaded back then.
    Path before =
        build("before", "awards/ownership-fundamentals/tomas-novak.yaml", "(?ms)^revoked:.*");
    // The same site with signed Open Badges 2.0 assertions (JWS).
    Path signed =
        build(
            "signed",
            "site.yaml",
            "(?m)^(  dataIntegrity: .*)$",
            served.resolve("signed"),
            "$1\n  ob2: signed");
    // Key validity periods that start and end between the awards: the Ed25519 key is valid from
    // after Amara's first award (so it signs that award as of the day it took over), the RSA key
    // ends after her last.
    Path windows =
        build(
            "windows",
            "site.yaml",
            "(?ms)(?<rsa>- id: guild-rsa-2026\n.*?validFrom: [0-9-]+)"
                + "(?<ed>.*?- id: guild-ed-2026\n.*?validFrom: )[0-9-]+",
            served.resolve("windows"),
            "${rsa}\n      validUntil: 2025-07-01${ed}2025-02-01");
    // The same site after a key rotation, built from a fresh copy with only the new private keys.
    Path rotatedSource = tmp.resolve("rotated-source");
    TestSites.copy(EXAMPLE, rotatedSource);
    Path rotatedKeys = tmp.resolve("rotated-keys");
    KeyRotation.rotate(rotatedSource, rotatedKeys, "2026-12-01");
    Path rotated = served.resolve("rotated");
    assertThat(
            TestSites.withoutSaltWarning(
                Badgesmith.builder()
                    .keysDirectory(rotatedKeys)
                    .build()
                    .build(rotatedSource, rotated)
                    .diagnostics()))
        .isEmpty();
    // A site with more hosted assertions than data.js holds: their digests are in buckets.
    Path manySource = tmp.resolve("many-source");
    TestSites.copy(EXAMPLE, manySource);
    for (int i = 0; i < 300; i++) {
      Files.writeString(
          manySource.resolve("awards/first-contribution/learner-" + i + ".yaml"),
          "recipient:\n  url: https://learner-" + i + ".example.net/\nissuedOn: 2025-03-01\n",
          UTF_8);
    }
    Path many = served.resolve("many");
    assertThat(
            TestSites.withoutSaltWarning(
                Badgesmith.builder()
                    .keysDirectory(KEYS)
                    .build()
                    .build(manySource, many)
                    .diagnostics()))
        .isEmpty();
    Path inputs = Files.createDirectories(tmp.resolve("inputs"));

    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", BrowserTest::serve);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    String local = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

    ObjectNode config = JSON.createObjectNode();
    config.put("chromium", chromium.toString());
    config.put("screenshots", SCREENSHOTS.toString());
    ObjectNode sites = config.putObject("sites");
    for (String name : List.of("example", "signed", "windows", "rotated", "many")) {
      ObjectNode site = sites.putObject(name);
      site.put("local", local + name + "/");
      site.put("baseUrl", BASE_URL);
    }

    ArrayNode pages = config.putArray("pages");
    List<String> html;
    try (Stream<Path> walk = Files.walk(example)) {
      html =
          walk.map(p -> example.relativize(p).toString().replace('\\', '/'))
              .filter(p -> p.endsWith(".html"))
              .sorted()
              .toList();
    }
    for (String path : html) {
      String type =
          PAGE_TYPES.entrySet().stream()
              .filter(e -> e.getValue().matcher(path).matches())
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(path.replace("/index.html", "").replace(".html", "").replace('/', '-'));
      boolean revoked =
          Files.readString(example.resolve(path), UTF_8).contains("class=\"banner revoked\"");
      String shot = revoked ? type + "-revoked" : type;
      ObjectNode page = pages.addObject();
      page.put("site", "example");
      page.put("type", shot);
      page.put("path", path);
      // One page of each type, and one in the revoked state, is photographed.
      page.put("screenshot", !types.containsValue(shot));
      types.put(path, shot);
    }

    ArrayNode cases = config.putArray("verify");
    String award = "code-reviewer/amara-okafor";
    String revokedAward = "ownership-fundamentals/tomas-novak";
    String expiredAward = "code-reviewer/mateo-garcia";
    addFile(cases, "ob2 png", example.resolve("assertions/" + award + ".png"), false);
    addFile(cases, "ob2 svg", example.resolve("assertions/" + award + ".svg"), true);
    addFile(cases, "ob3 png", example.resolve("credentials/" + award + ".png"), false);
    addFile(cases, "ob3 svg", example.resolve("credentials/" + award + ".svg"), true);
    addText(cases, "ob2 json", example.resolve("assertions/" + award + ".json"));
    addText(cases, "ob3 json", example.resolve("credentials/" + award + ".json"));
    addFile(
        cases,
        "certificate pdf",
        example.resolve("assertions/" + award + "/certificate.pdf"),
        true);
    addFile(
        cases,
        "revoked certificate pdf",
        example.resolve("assertions/" + revokedAward + "/certificate.pdf"),
        false);
    addText(cases, "ob3 jwt", example.resolve("credentials/" + award + ".jwt"))
        .put("screenshot", "verify-result-jwt");
    addFile(cases, "ob2 signed png", signed.resolve("assertions/" + award + ".png"), false)
        .put("site", "signed");
    addText(cases, "ob2 signed jws", signed.resolve("assertions/" + award + ".jws"))
        .put("site", "signed");

    // A public earner's learner record, dropped as downloaded and pasted as a VC-JWT; and one
    // whose first credential was changed after signing.
    Path record = example.resolve("earners/li-wei-example-net/clr.json");
    addFile(cases, "clr json", record, true);
    addText(cases, "clr jwt", example.resolve("earners/li-wei-example-net/clr.jwt"));
    ObjectNode forged = (ObjectNode) JSON.readTree(record.toFile());
    ((ObjectNode) forged.path("credentialSubject").path("verifiableCredential").get(0))
        .put("name", "Forged");
    addFile(
        cases,
        "forged clr json",
        write(inputs.resolve("forged-clr.json"), JSON.writeValueAsBytes(forged)),
        true);

    byte[] design = Files.readAllBytes(example.resolve("badges/code-reviewer.png"));
    addFile(cases, "unbaked png", example.resolve("badges/code-reviewer.png"), false);
    byte[] bakedOb2 = Files.readAllBytes(example.resolve("assertions/" + award + ".png"));
    String assertion = BakedImages.extract(bakedOb2).get(0).payload();
    Path changed =
        write(
            inputs.resolve("changed-ob2.png"),
            PngBaker.bake(
                design,
                BadgeVersion.OB2,
                assertion.replaceFirst(
                    "\"issuedOn\": \"[^\"]+\"", "\"issuedOn\": \"2020-01-01T00:00:00Z\"")));
    addFile(cases, "tampered ob2 png", changed, false).put("screenshot", "verify-result-tampered");
    byte[] corrupt = bakedOb2.clone();
    int at = indexOf(corrupt, "HostedBadge".getBytes(UTF_8));
    corrupt[at] = 'X';
    addFile(cases, "corrupt ob2 png", write(inputs.resolve("corrupt-ob2.png"), corrupt), false);
    String credential =
        BakedImages.extract(Files.readAllBytes(example.resolve("credentials/" + award + ".png")))
            .get(0)
            .payload();
    Path changedOb3 =
        write(
            inputs.resolve("changed-ob3.png"),
            PngBaker.bake(
                design,
                BadgeVersion.OB3,
                credential.replaceFirst(
                    "\"name\": \"Code Reviewer\"", "\"name\": \"Code Master\"")));
    addFile(cases, "tampered ob3 png", changedOb3, false).put("screenshot", "verify-result-ob3");
    Matcher proofValue = Pattern.compile("\"proofValue\": \"(z[^\"]+)\"").matcher(credential);
    assertThat(proofValue.find()).isTrue();
    String value = proofValue.group(1);
    char swapped = value.charAt(20) == 'A' ? 'B' : 'A';
    addTextValue(
        cases,
        "altered proofValue ob3 json",
        credential.replace(value, value.substring(0, 20) + swapped + value.substring(21)));
    addTextValue(
        cases,
        "undefined term ob3 json",
        credential.replaceFirst("\"name\": \"Code Reviewer\"", "\"nickname\": \"Code Reviewer\""));
    ObjectNode withContext = (ObjectNode) JSON.readTree(credential);
    ObjectNode foreignContext = withContext.deepCopy();
    ((ArrayNode) foreignContext.get("@context")).add("https://example.org/other-context.jsonld");
    addTextValue(cases, "unknown context ob3 json", JSON.writeValueAsString(foreignContext));
    addTextValue(
        cases,
        "tampered ob3 jwt",
        tamperJwt(Files.readString(example.resolve("credentials/" + award + ".jwt")).strip()));
    addTextValue(
            cases,
            "tampered ob2 jws",
            tamperJwt(Files.readString(signed.resolve("assertions/" + award + ".jws")).strip()))
        .put("site", "signed");

    addFile(cases, "revoked ob2 png", before.resolve("assertions/" + revokedAward + ".png"), false)
        .put("screenshot", "verify-result-revoked");
    addFile(
        cases, "revoked ob3 png", before.resolve("credentials/" + revokedAward + ".png"), false);
    addFile(
        cases, "revoked ob3 jwt", example.resolve("credentials/" + revokedAward + ".jwt"), false);
    addFile(cases, "expiry", example.resolve("credentials/" + expiredAward + ".jwt"), false);

    String email = email(EXAMPLE.resolve("awards/" + award + ".yaml"));
    addFile(cases, "recipient", example.resolve("assertions/" + award + ".png"), false)
        .put("recipient", email.toUpperCase(java.util.Locale.ROOT));
    addFile(cases, "other recipient", example.resolve("credentials/" + award + ".jwt"), false)
        .put("recipient", "someone.else@example.org");

    String earlyAward = "code-reviewer/amara-okafor"; // 2025-01-15
    String lateAward = "mentor/amara-okafor"; // 2025-06-19
    addFile(
            cases,
            "re-signed ob3 png",
            windows.resolve("credentials/" + earlyAward + ".png"),
            false)
        .put("site", "windows");
    addFile(cases, "in key ob3 png", windows.resolve("credentials/" + lateAward + ".png"), false)
        .put("site", "windows");
    addText(cases, "ended key ob3 jwt", windows.resolve("credentials/" + earlyAward + ".jwt"))
        .put("site", "windows");
    // Signatures by the right keys at dates outside their periods, as a stolen retired key or a
    // backdating new one would make them; the build never does.
    addTextValue(
            cases,
            "before key ob3 json",
            Windows.proofCreated(
                windows.resolve("credentials/" + earlyAward + ".json"), "2025-01-15T00:00:00Z"))
        .put("site", "windows");
    addTextValue(
            cases,
            "after key ob3 jwt",
            Windows.jwtIssuedAt(
                windows.resolve("credentials/" + lateAward + ".jwt"), "2025-08-01T00:00:00Z"))
        .put("site", "windows");

    // After a key rotation: what the site publishes now, and the copies earners already hold.
    addFile(cases, "rotated ob3 png", rotated.resolve("credentials/" + lateAward + ".png"), false)
        .put("site", "rotated");
    addText(cases, "rotated ob3 jwt", rotated.resolve("credentials/" + lateAward + ".jwt"))
        .put("site", "rotated");
    addFile(cases, "held ob3 png", example.resolve("credentials/" + lateAward + ".png"), false)
        .put("site", "rotated");
    addText(cases, "held ob3 jwt", example.resolve("credentials/" + lateAward + ".jwt"))
        .put("site", "rotated");

    addFile(cases, "many ob2 png", many.resolve("assertions/" + award + ".png"), false)
        .put("site", "many");
    addFile(
            cases,
            "many ob2 png of another",
            many.resolve("assertions/first-contribution/learner-7.png"),
            true)
        .put("site", "many");
    addText(cases, "many ob3 json", many.resolve("credentials/" + award + ".json"))
        .put("site", "many");
    addTextValue(
            cases,
            "many ob2 json not hosted",
            Files.readString(many.resolve("assertions/" + award + ".json"), UTF_8)
                .replace(award + ".json", "code-reviewer/nobody.json"))
        .put("site", "many");

    String saved = example.resolve("verify/index.html").toUri().toString();
    for (String name :
        List.of(
            "ob2 png", "ob3 png", "ob3 svg", "ob3 jwt", "revoked ob3 jwt", "tampered ob3 png")) {
      ObjectNode copy = null;
      for (JsonNode c : cases) {
        if (c.path("name").asText().equals(name)) {
          copy = ((ObjectNode) c).deepCopy();
        }
      }
      copy.put("name", "file:// " + name);
      copy.put("pageUrl", saved);
      copy.remove("screenshot");
      cases.add(copy);
    }

    ObjectNode search = config.putArray("skillsSearch").addObject();
    search.put("name", "skills search");
    search.put("site", "example");
    search.put("path", "skills/search/");
    search.put("query", "Reviewing");
    search.put("nothing", "no such skill");
    search.put("link", "?q=lifetimes&framework=the-rust-programming-language");
    search.put("screenshot", "skills-search-filtered");

    deleteScreenshots();
    Path configFile = tmp.resolve("browser-config.json");
    Path resultFile = tmp.resolve("browser-result.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(configFile.toFile(), config);
    NodePackages.run(
        node.get(),
        Path.of("src/test/node/browser.cjs"),
        configFile.toString(),
        resultFile.toString());
    result = JSON.readTree(resultFile.toFile());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  @Test
  void everyPageTypeIsFoundInTheBuiltSite() {
    assertThat(types.values())
        .contains("index", "badge", "award", "award-revoked", "verify", "endorsement");
  }

  @Test
  void everyPageLoadsWithoutConsoleErrorsOrFailedRequests() {
    assertThat(result.path("pages")).hasSameSizeAs(types.keySet());
    for (JsonNode page : result.path("pages")) {
      assertThat(strings(page.path("problems"))).as(page.path("path").asText()).isEmpty();
    }
  }

  @Test
  void axeFindsNoSeriousOrCriticalViolationInLightOrDarkMode() {
    for (JsonNode page : result.path("pages")) {
      for (String scheme : List.of("light", "dark")) {
        List<String> serious = new ArrayList<>();
        for (JsonNode v : page.path("violations").path(scheme)) {
          String impact = v.path("impact").asText();
          if (impact.equals("serious") || impact.equals("critical")) {
            serious.add(
                impact
                    + " "
                    + v.path("id").asText()
                    + ": "
                    + v.path("help").asText()
                    + " "
                    + v.path("targets"));
          }
        }
        assertThat(serious).as(page.path("path").asText() + " (" + scheme + ")").isEmpty();
      }
    }
  }

  @Test
  void keepsScreenshotsOfEveryPageTypeAtPhoneAndDesktopWidthsInLightAndDark() {
    for (String type : types.values()) {
      for (String variant :
          List.of("mobile-light", "mobile-dark", "desktop-light", "desktop-dark")) {
        assertThat(SCREENSHOTS.resolve(type + "-" + variant + ".png")).isNotEmptyFile();
      }
    }
    assertThat(SCREENSHOTS.resolve("verify-result-jwt.png")).isNotEmptyFile();
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
      assertThat(steps(name))
          .as(name)
          .containsOnlyKeys("format", "proof", "issuer and key", "status", "expiry")
          .allSatisfy(
              (step, status) -> assertThat(status).as(name + ": " + step).isEqualTo("pass"));
      assertThat(verify(name).path("verdict").asText()).as(name).isEqualTo("pass");
    }
    assertThat(message("ob2 png", "format")).contains("baked in PNG (iTXt \"openbadges\")");
    assertThat(message("ob2 svg", "format")).contains("baked in SVG (openbadges:assertion)");
    assertThat(message("ob2 png", "proof"))
        .startsWith("hosted: the copy at " + BASE_URL + "assertions/");
    assertThat(message("ob3 jwt", "proof"))
        .startsWith("VC-JWT RS256 by " + BASE_URL + "keys/guild-rsa-2026.json");
    assertThat(message("ob2 signed jws", "proof"))
        .startsWith("JWS RS256 by " + BASE_URL + "keys/ob2/");
    assertThat(message("ob2 signed png", "format"))
        .contains("signed assertion (JWS), baked in PNG");
    assertThat(message("certificate pdf", "format"))
        .isEqualTo(
            "Open Badges 3.0 credential with an embedded proof, embedded in a PDF certificate"
                + " (application/ld+json)");
  }

  @Test
  void verifiesALearnerRecordAndEachCredentialInIt() {
    for (String name : List.of("clr json", "clr jwt")) {
      assertThat(steps(name))
          .as(name)
          .containsOnlyKeys("format", "proof", "issuer and key", "status", "expiry", "credentials")
          .allSatisfy(
              (step, status) -> assertThat(status).as(name + ": " + step).isEqualTo("pass"));
      assertThat(message(name, "format")).as(name).startsWith("CLR 2.0 learner record");
      assertThat(message(name, "credentials"))
          .as(name)
          .isEqualTo("all 2 credentials in the record verified, each on its own");
      assertThat(verify(name).path("credentials")).as(name).hasSize(2);
      verify(name)
          .path("credentials")
          .forEach(c -> assertThat(c.path("status").asText()).as(name).isEqualTo("pass"));
      assertThat(verify(name).path("verdict").asText()).as(name).isEqualTo("pass");
    }
    assertThat(verify("clr json").path("credentials").get(0).path("name").asText())
        .startsWith("Credential 1: First Contribution");
    // The record's proof and the forged credential's own both fail; the other still verifies.
    assertFailsAt("forged clr json", "proof", "the signature does not match");
    assertThat(message("forged clr json", "credentials"))
        .isEqualTo("1 of 2 verified; not verified: credential 1 (proof failed)");
    JsonNode held = verify("forged clr json").path("credentials");
    assertThat(held.get(0).path("status").asText()).isEqualTo("fail");
    assertThat(strings(held.get(0).path("failed"))).containsExactly("proof");
    assertThat(held.get(1).path("status").asText()).isEqualTo("pass");
  }

  @Test
  void verifiesTheEmbeddedDataIntegrityProofInTheBrowser() {
    for (String name : List.of("ob3 png", "ob3 svg", "ob3 json")) {
      assertThat(message(name, "proof"))
          .as(name)
          .isEqualTo(
              "Data Integrity eddsa-rdfc-2022 by did:web:badges.rustacean-guild.example#guild-ed-2026:"
                  + " the RDFC-1.0 canonical forms of the credential and of the proof options,"
                  + " hashed with SHA-256, match the Ed25519 signature");
      assertThat(message(name, "issuer and key"))
          .as(name)
          .contains("valid when it signed (proof created 2025-01-1");
    }
    assertThat(message("ob3 png", "format")).contains("iTXt \"openbadgecredential\"");
    assertThat(message("ob3 svg", "format")).contains("openbadges:credential");
  }

  @Test
  void aLargeSitesVerifyPageLoadsTheDigestsItNeedsWhenABadgeIsDropped() throws IOException {
    Path many = served.resolve("many");
    // data.js holds no per-award data: it is smaller than the example site's, with 300 more awards.
    assertThat(Files.readString(many.resolve("verify/data.js"), UTF_8))
        .contains("\"hostedBuckets\"")
        .doesNotContain("\"hostedAssertions\"");
    assertThat(Files.size(many.resolve("verify/data.js")))
        .isLessThan(Files.size(served.resolve("example/verify/data.js")));
    try (Stream<Path> buckets = Files.list(many.resolve("verify/hosted"))) {
      assertThat(buckets.count()).isEqualTo(256);
    }
    // Only the page, its stylesheet and scripts load before a badge is dropped: not the proof
    // scripts (jsonld.min.js alone is 197 KB), which load when a proof is checked.
    String page = Files.readString(many.resolve("verify/index.html"), UTF_8);
    assertThat(page).doesNotContain("<script src=\"jsonld.min.js\"");
    for (String name : List.of("many ob2 png", "many ob2 png of another", "many ob3 json")) {
      assertThat(steps(name))
          .as(name)
          .allSatisfy(
              (step, status) -> assertThat(status).as(name + ": " + step).isEqualTo("pass"));
      assertThat(verify(name).path("verdict").asText()).as(name).isEqualTo("pass");
    }
    assertFailsAt(
        "many ob2 json not hosted",
        "proof",
        "this site hosts no assertion at " + BASE_URL + "assertions/code-reviewer/nobody.json");
  }

  @Test
  void rejectsACredentialWhoseProofDoesNotMatchAtProof() {
    assertFailsAt("tampered ob3 png", "proof", "the signature does not match");
    assertFailsAt("altered proofValue ob3 json", "proof", "the signature does not match");
    assertFailsAt("undefined term ob3 json", "proof", "cannot canonicalise the credential");
    assertThat(message("undefined term ob3 json", "proof")).contains("nickname");
    assertFailsAt(
        "unknown context ob3 json",
        "proof",
        "https://example.org/other-context.jsonld is not one this site publishes");
  }

  @Test
  void checksTheKeysValidityAtTheTimeOfSigning() {
    // Issued before the Ed25519 key began: signed as of the day it took over.
    assertThat(steps("re-signed ob3 png")).containsEntry("issuer and key", "pass");
    assertThat(message("re-signed ob3 png", "issuer and key"))
        .contains("valid when it signed (proof created 2025-02-01");
    assertThat(steps("in key ob3 png")).containsEntry("issuer and key", "pass");
    // The RSA key's period ended in 2025: what it signed before still verifies.
    assertThat(steps("ended key ob3 jwt")).containsEntry("issuer and key", "pass");
    assertThat(message("ended key ob3 jwt", "issuer and key"))
        .contains("valid when it signed (iat 2025-01-14T23:00:00.000Z)");
    assertThat(steps("before key ob3 json")).containsEntry("proof", "pass");
    assertFailsAt(
        "before key ob3 json",
        "issuer and key",
        "signed (proof created 2025-01-15T00:00:00Z) before the key guild-ed-2026 was valid");
    assertThat(steps("after key ob3 jwt")).containsEntry("proof", "pass");
    assertFailsAt("after key ob3 jwt", "issuer and key", "after the key guild-rsa-2026 expired");
  }

  @Test
  void aKeyRotationKeepsWhatThePageVerifies() {
    for (String name :
        List.of("rotated ob3 png", "rotated ob3 jwt", "held ob3 png", "held ob3 jwt")) {
      assertThat(steps(name))
          .as(name)
          .containsOnlyKeys("format", "proof", "issuer and key", "status", "expiry")
          .allSatisfy(
              (step, status) -> assertThat(status).as(name + ": " + step).isEqualTo("pass"));
    }
    assertThat(message("rotated ob3 png", "issuer and key"))
        .contains("#" + KeyRotation.NEW_ED)
        .contains("proof created 2026-12-01");
    assertThat(message("held ob3 png", "issuer and key"))
        .contains("#guild-ed-2026")
        .contains("until 2026-12-01");
    assertThat(message("held ob3 jwt", "issuer and key")).contains("guild-rsa-2026.json");
  }

  /** Signs the windows site's credentials again at other dates, with the example's own keys. */
  private static final class Windows {
    private static SigningKey key(String id, dev.badgesmith.sign.KeyAlgorithm algorithm)
        throws IOException {
      var info =
          dev.badgesmith.sign.PublicKeyInfo.fromPem(
              id, algorithm, Files.readString(EXAMPLE.resolve("keys/" + id + ".pem")));
      return new SigningKey(
          id,
          algorithm,
          dev.badgesmith.sign.PrivateKeys.fromFile(KEYS.resolve(id + ".pem")),
          info.key());
    }

    /** The credential with its proof made again, dated {@code created}. */
    static String proofCreated(Path credential, String created) throws IOException {
      ObjectNode json = (ObjectNode) JSON.readTree(credential.toFile());
      ObjectNode proof = (ObjectNode) json.get("proof").get(0);
      json.remove("proof");
      ObjectNode signed =
          new dev.badgesmith.ld.DataIntegrity(
                  new dev.badgesmith.ld.Canonicalizer(new dev.badgesmith.ld.ContextStore()))
              .addProof(
                  json,
                  proof.get("verificationMethod").asText(),
                  created,
                  dev.badgesmith.sign.CredentialSigner.ed25519Signer(
                      key("guild-ed-2026", dev.badgesmith.sign.KeyAlgorithm.Ed25519)));
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(signed);
    }

    /** The VC-JWT signed again, its {@code iat} at {@code issuedAt}. */
    static String jwtIssuedAt(Path jwt, String issuedAt) throws IOException {
      String[] parts = Files.readString(jwt, UTF_8).strip().split("\\.");
      ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      ObjectNode header = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      for (String claim : List.of("iss", "jti", "sub", "nbf", "exp", "iat")) {
        payload.remove(claim);
      }
      return dev.badgesmith.sign.CredentialSigner.signVcJwt(
          key("guild-rsa-2026", dev.badgesmith.sign.KeyAlgorithm.RS256),
          header.get("kid").asText(),
          payload,
          java.time.Instant.parse(issuedAt).getEpochSecond());
    }
  }

  @Test
  void rejectsATamperedBadgeAtTheStepThatCatchesIt() {
    assertFailsAt("unbaked png", "format", "carries no Open Badges data");
    assertFailsAt("corrupt ob2 png", "format", "wrong CRC");
    assertFailsAt("tampered ob2 png", "proof", "differs from this copy");
    assertFailsAt("tampered ob3 jwt", "proof", "signature does not match");
    assertFailsAt("tampered ob2 jws", "proof", "signature does not match");
  }

  @Test
  void rejectsARevokedAwardAtStatus() {
    assertFailsAt("revoked ob2 png", "status", "revoked: Awarded in error");
    assertFailsAt("revoked ob3 png", "status", "revoked: entry");
    assertFailsAt("revoked ob3 jwt", "status", "revoked: entry");
    assertThat(steps("revoked ob3 jwt")).containsEntry("proof", "pass");
    // A revoked award's certificate still carries its credential, which says so.
    assertFailsAt("revoked certificate pdf", "status", "revoked: entry");
  }

  @Test
  void checksExpiryAgainstTheClock() {
    boolean expired = Instant.now().isAfter(Instant.parse("2026-05-05T22:00:00Z"));
    assertThat(steps("expiry")).containsEntry("expiry", expired ? "fail" : "pass");
  }

  @Test
  void comparesTheRecipientByItsSaltedHash() {
    assertThat(steps("recipient")).containsEntry("recipient", "pass");
    assertFailsAt("other recipient", "recipient", "not issued to the recipient given");
  }

  @Test
  void movesFocusToTheResultForKeyboardAndScreenReaderUsers() {
    for (JsonNode c : result.path("verify")) {
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
      assertThat(steps("file:// " + name)).as(name).isEqualTo(steps(name));
      assertThat(verify("file:// " + name).path("verdict").asText())
          .as(name)
          .isEqualTo(verify(name).path("verdict").asText());
    }
    assertThat(message("file:// ob3 png", "proof")).startsWith("Data Integrity eddsa-rdfc-2022");
  }

  @Test
  void verifyCasesLoadTheirPageWithoutProblems() {
    for (JsonNode c : result.path("verify")) {
      assertThat(c.path("error").asText("")).as(c.path("name").asText()).isEmpty();
      assertThat(strings(c.path("problems"))).as(c.path("name").asText()).isEmpty();
    }
  }

  @Test
  void theSkillsSearchPageListsEverySkillWithoutScript() throws IOException {
    JsonNode search = skillsSearch();
    List<String> all = allSkills();
    assertThat(all).hasSize(5);
    assertThat(strings(search.path("noScript").path("skills"))).isEqualTo(all);
    assertThat(search.path("noScript").path("filterShown").asBoolean()).isFalse();
    assertThat(search.path("noScript").path("status").asText()).isEqualTo("5 skills");
    // With script, nothing is hidden until a filter asks.
    JsonNode loaded = searchStep(search, "loaded");
    assertThat(strings(loaded.path("skills"))).isEqualTo(all);
    assertThat(loaded.path("filterShown").asBoolean()).isTrue();
  }

  @Test
  void theSkillsSearchPageFiltersBySkillAndFrameworkFromTheKeyboard() {
    JsonNode search = skillsSearch();
    JsonNode query = searchStep(search, "query");
    assertThat(query.path("focused").asText()).isEqualTo("skill-query");
    assertThat(strings(query.path("skills"))).containsExactly("Reviewing changes");
    assertThat(query.path("status").asText()).isEqualTo("1 of 5 skills shown");
    assertThat(query.path("search").asText()).isEqualTo("?q=Reviewing");

    JsonNode framework = searchStep(search, "framework");
    assertThat(framework.path("focused").asText()).isEqualTo("skill-framework");
    assertThat(strings(framework.path("frameworks"))).containsExactly("guild-contribution-skills");
    assertThat(strings(framework.path("skills")))
        .containsExactly("Proposing changes", "Reviewing changes");
    assertThat(framework.path("status").asText()).isEqualTo("2 of 5 skills shown");

    JsonNode next = searchStep(search, "next framework");
    assertThat(strings(next.path("frameworks"))).containsExactly("the-rust-programming-language");
    assertThat(next.path("skills")).hasSize(3);

    JsonNode nothing = searchStep(search, "nothing");
    assertThat(nothing.path("skills")).isEmpty();
    assertThat(nothing.path("frameworks")).isEmpty();
    assertThat(nothing.path("noneShown").asBoolean()).isTrue();
    assertThat(nothing.path("status").asText()).isEqualTo("0 of 5 skills shown");

    // A link that carries a filter opens the page filtered.
    JsonNode link = searchStep(search, "link");
    assertThat(strings(link.path("skills")))
        .containsExactly("Validating References with Lifetimes");
    assertThat(search.path("linkedQuery").asText()).isEqualTo("lifetimes");
    assertThat(SCREENSHOTS.resolve("skills-search-filtered.png")).isNotEmptyFile();
  }

  @Test
  void axeFindsNoSeriousViolationOnTheFilteredSkillsSearchPage() {
    List<String> serious = new ArrayList<>();
    for (JsonNode v : skillsSearch().path("violations")) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        serious.add(impact + " " + v.path("id").asText() + " " + v.path("targets"));
      }
    }
    assertThat(serious).isEmpty();
  }

  // ---- helpers ----

  private static JsonNode skillsSearch() {
    JsonNode search = result.path("skillsSearch").path(0);
    assertThat(search.path("error").asText("")).isEmpty();
    assertThat(strings(search.path("problems"))).isEmpty();
    return search;
  }

  private static JsonNode searchStep(JsonNode search, String label) {
    for (JsonNode step : search.path("steps")) {
      if (step.path("label").asText().equals(label)) {
        return step;
      }
    }
    throw new AssertionError("no step " + label + " in " + search);
  }

  /** The skills of the built search page, in page order, as its HTML lists them. */
  private static List<String> allSkills() throws IOException {
    org.jsoup.nodes.Document page =
        org.jsoup.Jsoup.parse(
            Files.readString(served.resolve("example/skills/search/index.html"), UTF_8));
    List<String> names = new ArrayList<>();
    for (org.jsoup.nodes.Element h3 : page.select("li.skill > h3")) {
      names.add(h3.childNode(0) instanceof org.jsoup.nodes.Element e ? e.text() : h3.ownText());
    }
    return names;
  }

  private static void assertFailsAt(String name, String step, String reason) {
    Map<String, String> steps = steps(name);
    List<String> order = new ArrayList<>(steps.keySet());
    assertThat(steps).as(name).containsEntry(step, "fail");
    for (String earlier : order.subList(0, order.indexOf(step))) {
      assertThat(steps.get(earlier)).as(name + ": " + earlier).isNotEqualTo("fail");
    }
    assertThat(message(name, step)).as(name).contains(reason);
    assertThat(verify(name).path("verdict").asText()).as(name).isEqualTo("fail");
  }

  private static JsonNode verify(String name) {
    for (JsonNode c : result.path("verify")) {
      if (c.path("name").asText().equals(name)) {
        assertThat(c.path("error").asText("")).as(name).isEmpty();
        return c;
      }
    }
    throw new AssertionError("no verify case " + name);
  }

  /** The steps of a case, in page order: step to status. */
  private static Map<String, String> steps(String name) {
    Map<String, String> steps = new LinkedHashMap<>();
    for (JsonNode s : verify(name).path("steps")) {
      steps.put(s.path("step").asText(), s.path("status").asText());
    }
    return steps;
  }

  private static String message(String name, String step) {
    for (JsonNode s : verify(name).path("steps")) {
      if (s.path("step").asText().equals(step)) {
        return s.path("message").asText();
      }
    }
    throw new AssertionError(name + " has no step " + step);
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  /** A variant of the example site: one file changed by a regular expression, then built. */
  private static Path build(String name, String file, String regex) throws IOException {
    return build(name, file, regex, tmp.resolve(name + "-site"), "");
  }

  private static Path build(String name, String file, String regex, Path out, String replacement)
      throws IOException {
    Path source = tmp.resolve(name + "-source");
    TestSites.copy(EXAMPLE, source);
    // A variant is another site, not a later commit of the example site: its lock does not apply.
    Files.deleteIfExists(source.resolve("published.lock"));
    Path changed = source.resolve(file);
    String before = Files.readString(changed, UTF_8);
    String after = before.replaceAll(regex, replacement);
    assertThat(after).as(file).isNotEqualTo(before);
    Files.writeString(changed, after, UTF_8);
    Report report = Badgesmith.builder().keysDirectory(KEYS).build().build(source, out);
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).as(name).isEmpty();
    return out;
  }

  private static ObjectNode addFile(ArrayNode cases, String name, Path file, boolean drop) {
    assertThat(file).as(name).isRegularFile();
    ObjectNode c = cases.addObject();
    c.put("name", name);
    c.put("site", "example");
    c.put("file", file.toString());
    c.put("drop", drop);
    return c;
  }

  private static ObjectNode addText(ArrayNode cases, String name, Path file) throws IOException {
    return addTextValue(cases, name, Files.readString(file, UTF_8));
  }

  private static ObjectNode addTextValue(ArrayNode cases, String name, String text) {
    ObjectNode c = cases.addObject();
    c.put("name", name);
    c.put("site", "example");
    c.put("text", text);
    return c;
  }

  /** The JWS with one claim of its payload changed and the signature kept. */
  private static String tamperJwt(String jws) {
    String[] parts = jws.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8);
    String changed =
        payload
            .replaceFirst("\"issuedOn\":\\s*\"[^\"]+\"", "\"issuedOn\": \"2020-01-01T00:00:00Z\"")
            .replaceFirst(
                "\"validFrom\":\\s*\"[^\"]+\"", "\"validFrom\": \"2020-01-01T00:00:00Z\"");
    assertThat(changed).isNotEqualTo(payload);
    return parts[0]
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(UTF_8))
        + "."
        + parts[2];
  }

  private static String email(Path award) throws IOException {
    Matcher m =
        Pattern.compile("(?m)^\\s*email:\\s*\"?([^\"\\s]+)").matcher(Files.readString(award));
    assertThat(m.find()).as(award.toString()).isTrue();
    return m.group(1);
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    return file;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  private static void deleteScreenshots() throws IOException {
    if (Files.isDirectory(SCREENSHOTS)) {
      try (Stream<Path> files = Files.list(SCREENSHOTS)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".png")).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  /** Serves the built sites, each under its own folder; nothing outside them. */
  private static void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), UTF_8);
      Path file = served.resolve(path.substring(1)).normalize();
      if (path.endsWith("/")) {
        file = file.resolve("index.html");
      }
      if (!file.startsWith(served) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String contentType(String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return switch (extension) {
      case "html" -> "text/html; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "json" -> "application/json";
      case "png" -> "image/png";
      case "svg" -> "image/svg+xml";
      case "xml" -> "application/xml";
      case "jwt", "jws", "txt" -> "text/plain; charset=utf-8";
      default -> "application/octet-stream";
    };
  }
}
