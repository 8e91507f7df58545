package dev.badgesmith.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every document of a built site has what Open Badges 2.0 and its validators require, and its
 * {@code id} is exactly the URL it is served at (the base URL plus its path in the output).
 */
class Ob2ConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://badges.rustacean-guild.example/";
  private static final String DATE_TIME =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})";

  @TempDir static Path tmp;
  static Map<String, byte[]> site;

  @BeforeAll
  static void build() {
    site = TestSites.build("sites/guild/input", tmp.resolve("out"));
  }

  static JsonNode json(String path) throws IOException {
    assertThat(site).as("the site holds " + path).containsKey(path);
    return JSON.readTree(site.get(path));
  }

  /** The output path a URL of this site is served from. */
  static String served(String url) {
    assertThat(url).startsWith(BASE);
    String path = url.substring(BASE.length());
    return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
  }

  /** The Open Badges documents: every JSON file but the manifest and the skills index's. */
  static boolean openBadges(String path) {
    return path.endsWith(".json")
        && !path.equals("manifest.json")
        && !path.equals("skills/index.json")
        && !path.startsWith("schemas/");
  }

  List<String> documents(String type) throws IOException {
    List<String> paths = new ArrayList<>();
    for (String path : site.keySet()) {
      if (openBadges(path) && type.equals(json(path).path("type").asText())) {
        paths.add(path);
      }
    }
    return paths;
  }

  @Test
  void everyDocumentNamesTheOpenBadgesContextAndTheUrlItIsServedAt() throws IOException {
    for (String path : site.keySet()) {
      if (openBadges(path)) {
        JsonNode doc = json(path);
        assertThat(doc.path("@context").asText())
            .as(path)
            .isEqualTo("https://w3id.org/openbadges/v2");
        assertThat(doc.path("id").asText()).as(path).isEqualTo(BASE + path);
      }
    }
  }

  @Test
  void issuersHaveNameUrlEmailAndAVerificationScopeOverTheirAssertions() throws IOException {
    assertThat(documents("Issuer")).containsExactly("issuers/guild.json");
    JsonNode issuer = json("issuers/guild.json");
    assertThat(issuer.path("name").asText()).isNotBlank();
    assertThat(issuer.path("url").asText()).startsWith("https://");
    assertThat(issuer.path("email").asText()).matches("[^@\\s]+@[^@\\s]+");
    String scope = issuer.path("verification").path("startsWith").asText();
    assertThat(scope).startsWith(BASE);
    for (String assertion : documents("Assertion")) {
      assertThat(json(assertion).path("id").asText()).startsWith(scope);
    }
    assertThat(site).containsKey(served(issuer.path("image").asText()));
  }

  @Test
  void badgeClassesHaveTheRequiredPropertiesAndLinksThatResolve() throws IOException {
    assertThat(documents("BadgeClass"))
        .containsExactly("badges/rust-101.json", "badges/rust-201.json");
    for (String path : documents("BadgeClass")) {
      JsonNode badge = json(path);
      assertThat(badge.path("name").asText()).as(path).isNotBlank();
      assertThat(badge.path("description").asText()).as(path).isNotBlank();
      assertThat(site).containsKey(served(badge.path("image").asText()));
      assertThat(badge.path("image").asText()).matches(".*\\.(svg|png)");
      assertThat(site).containsKey(served(badge.path("criteria").path("id").asText()));
      assertThat(badge.path("criteria").path("narrative").asText()).isNotBlank();
      assertThat(json(served(badge.path("issuer").asText())).path("type").asText())
          .isEqualTo("Issuer");
    }
    JsonNode aligned = json("badges/rust-101.json").path("alignment").get(0);
    assertThat(aligned.path("targetName").asText()).isNotBlank();
    assertThat(aligned.path("targetUrl").asText()).startsWith("https://");
  }

  @Test
  void assertionsHaveAHashedRecipientAHostedVerificationAndDatesWithAZone() throws IOException {
    List<String> assertions = documents("Assertion");
    assertThat(assertions).hasSize(4);
    for (String path : assertions) {
      JsonNode a = json(path);
      JsonNode recipient = a.path("recipient");
      assertThat(recipient.path("type").asText()).as(path).isIn("email", "url", "telephone", "id");
      assertThat(recipient.path("hashed").asBoolean()).as(path).isTrue();
      assertThat(recipient.path("identity").asText()).as(path).matches("sha256\\$[0-9a-f]{64}");
      assertThat(recipient.path("salt").asText()).as(path).isNotBlank();
      assertThat(json(served(a.path("badge").asText())).path("type").asText())
          .isEqualTo("BadgeClass");
      assertThat(a.path("verification").path("type").asText()).isEqualTo("HostedBadge");
      assertThat(a.path("issuedOn").asText()).as(path).matches(DATE_TIME);
      if (a.has("expires")) {
        assertThat(a.path("expires").asText()).matches(DATE_TIME);
        assertThat(OffsetDateTime.parse(a.path("expires").asText()))
            .isAfter(OffsetDateTime.parse(a.path("issuedOn").asText()));
      }
      assertThat(site).containsKey(served(a.path("image").asText()));
    }
  }

  @Test
  void theExpiryComesFromTheAwardOrFromTheBadgeClassPeriod() throws IOException {
    // rust-101 is valid for P2Y; ben's award sets its own expiry.
    assertThat(json("assertions/rust-101/ada.json").path("issuedOn").asText())
        .isEqualTo("2025-03-14T00:00:00+01:00");
    assertThat(json("assertions/rust-101/ada.json").path("expires").asText())
        .isEqualTo("2027-03-14T00:00:00+01:00");
    assertThat(json("assertions/rust-101/ben.json").path("expires").asText())
        .isEqualTo("2026-01-01T00:00:00+01:00");
    assertThat(json("assertions/rust-201/dan.json").has("expires")).isFalse();
  }

  @Test
  void aPrehashedIdentityIsPublishedAsGiven() throws IOException {
    JsonNode recipient = json("assertions/rust-201/ada.json").path("recipient");
    assertThat(recipient.path("salt").asText()).isEqualTo("Kosher");
    assertThat(recipient.path("identity").asText())
        .isEqualTo("sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399");
  }

  @Test
  void aRevokedAssertionSaysOnlyThatItIsRevokedAndWhy() throws IOException {
    JsonNode revoked = json("assertions/rust-101/cat.json");
    assertThat(revoked.fieldNames())
        .toIterable()
        .containsExactly("@context", "id", "revoked", "revocationReason");
    assertThat(revoked.path("revoked").asBoolean()).isTrue();
    assertThat(revoked.path("revocationReason").asText()).isEqualTo("Awarded to the wrong person");
  }

  @Test
  void noRecipientIdentityAppearsInPlainTextAnywhere() {
    List<String> identities =
        List.of("ada@example.org", "Ada@Example.org", "+442079460000", "7946 0000");
    // The guild site publishes earner pages: a URL or DID shows there, and nowhere else.
    List<String> earners = List.of("ben.example.net", "did:web:learner.example");
    site.forEach(
        (path, bytes) -> {
          String text = new String(bytes, StandardCharsets.UTF_8);
          for (String identity : identities) {
            assertThat(text).as(path).doesNotContainIgnoringCase(identity);
          }
          if (!path.startsWith("earners/")) {
            for (String identity : earners) {
              assertThat(text).as(path).doesNotContainIgnoringCase(identity);
            }
          }
        });
    assertThat(site).containsKey("earners/ben-example-net/index.html");
  }

  @Test
  void theManifestListsEveryFileWithItsDigestAndEveryAward() throws IOException {
    JsonNode manifest = json("manifest.json");
    List<String> listed = new ArrayList<>();
    for (JsonNode file : manifest.path("files")) {
      String path = file.path("path").asText();
      listed.add(path);
      assertThat(file.path("sha256").asText())
          .isEqualTo(java.util.HexFormat.of().formatHex(sha256(site.get(path))));
      assertThat(file.path("size").asLong()).isEqualTo(site.get(path).length);
    }
    assertThat(listed)
        .containsExactlyElementsOf(
            site.keySet().stream().filter(p -> !p.equals("manifest.json")).toList());
    assertThat(manifest.path("awards")).hasSize(5);
    for (JsonNode award : manifest.path("awards")) {
      assertThat(site).containsKey(award.path("documents").path("ob2Assertion").asText());
      assertThat(award.path("revoked").asBoolean())
          .isEqualTo(award.path("award").asText().equals("cat"));
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
