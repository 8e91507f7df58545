package dev.badgesmith.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import dev.badgesmith.testing.TestSites;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expands every published document with the real Open Badges 2.0 context (from {@code
 * ../shared/spec}, offline) and checks that no property is dropped: an {@code @vocab} set before
 * the document's own context catches every term that context does not define.
 */
class JsonLdExpansionTest {
  private static final String UNDEFINED = "urn:badgesmith:undefined:";
  private static final Path CONTEXT = TestSites.spec().resolve("ob2/context.json");

  @TempDir static Path tmp;
  static Map<String, byte[]> site;

  @BeforeAll
  static void build() {
    assumeTrue(
        Files.isRegularFile(CONTEXT),
        "skipped: the Open Badges 2.0 context is not at "
            + CONTEXT
            + " (../shared/spec is absent)");
    site = TestSites.build("sites/guild/input", tmp.resolve("out"));
  }

  @Test
  void expandsEveryDocumentWithoutDroppingAProperty() throws Exception {
    int documents = 0;
    for (Map.Entry<String, byte[]> file : site.entrySet()) {
      if (!Ob2ConformanceTest.openBadges(file.getKey())) {
        continue;
      }
      JsonArray expanded = expand(file.getValue());
      assertThat(expanded).as(file.getKey()).hasSize(1);
      assertThat(undefinedTerms(expanded)).as(file.getKey()).isEmpty();
      documents++;
    }
    // An issuer and its revocation list, two badge classes, five assertions.
    assertThat(documents).isEqualTo(9);
  }

  @Test
  void expandsEndorsementsAndTheDocumentsThatListThemWithoutDroppingAProperty() throws Exception {
    Path source = TestSites.unpack(tmp.resolve("endorsing"), TestSites.MINIMAL);
    TestSites.unpack(
        source,
        """
        -- issuers/guild.yaml
        name: The Guild
        url: https://guild.example.org/
        email: badges@guild.example.org
        endorsements: https://smiths.example/endorsements/guild.json
        -- endorsements/intro.yaml
        endorser: guild
        endorses:
          badge: intro
        claim: A *fine* course.
        issuedOn: 2025-04-01
        -- endorsements/jane.yaml
        endorser: guild
        endorses:
          award: intro/jane
        claim: Well done.
        issuedOn: 2025-04-01
        -- endorsements/elsewhere.yaml
        endorser: guild
        endorses:
          issuer: https://smiths.example/issuer.json
        claim: Good people.
        issuedOn: 2025-04-01
        revoked:
          reason: Given in error
        """);
    dev.badgesmith.Report report =
        dev.badgesmith.Badgesmith.builder().build().build(source, tmp.resolve("endorsing-out"));
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    Map<String, byte[]> built = TestSites.read(tmp.resolve("endorsing-out"));
    List<String> paths =
        List.of(
            "endorsements/intro.json",
            "endorsements/jane.json",
            "endorsements/elsewhere.json",
            "badges/intro.json",
            "issuers/guild.json");
    for (String path : paths) {
      JsonArray expanded = expand(built.get(path));
      assertThat(expanded).as(path).hasSize(1);
      assertThat(undefinedTerms(expanded)).as(path).isEmpty();
    }
    String endorsement = expand(built.get("endorsements/intro.json")).toString();
    // The context maps Endorsement and claim onto the credentials vocabulary.
    assertThat(endorsement)
        .contains("\"@type\":[\"https://w3id.org/credentials#Credential\"]")
        .contains("https://w3id.org/credentials#claim")
        .contains("https://w3id.org/openbadges#endorsementComment");
    assertThat(expand(built.get("badges/intro.json")).toString())
        .contains("https://badges.example.org/guild/endorsements/intro.json");
    assertThat(expand(built.get("issuers/guild.json")).toString())
        .contains("https://smiths.example/endorsements/guild.json");
  }

  @Test
  void catchesATermTheContextDoesNotDefine() throws Exception {
    String doc =
        "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
            + "\"id\":\"https://example.org/a.json\",\"recipeint\":{\"identity\":\"x\"}}";
    assertThat(undefinedTerms(expand(doc.getBytes(StandardCharsets.UTF_8))))
        .containsExactly(UNDEFINED + "recipeint");
  }

  private static JsonArray expand(byte[] json) throws JsonLdError {
    Document vocab =
        JsonDocument.of(new StringReader("{\"@context\":{\"@vocab\":\"" + UNDEFINED + "\"}}"));
    return JsonLd.expand(JsonDocument.of(new ByteArrayInputStream(json)))
        .loader(offline())
        .context(vocab)
        .get();
  }

  /** Serves the Open Badges context from the reference copy; nothing else is fetched. */
  private static DocumentLoader offline() {
    return (url, options) -> {
      if (url.toString().equals("https://w3id.org/openbadges/v2")) {
        try (InputStream in = Files.newInputStream(CONTEXT)) {
          return JsonDocument.of(in);
        } catch (IOException e) {
          throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e);
        }
      }
      throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: " + url);
    };
  }

  private static List<String> undefinedTerms(JsonValue value) {
    List<String> found = new ArrayList<>();
    collect(value, found);
    return found;
  }

  private static void collect(JsonValue value, List<String> found) {
    if (value instanceof JsonArray array) {
      array.forEach(v -> collect(v, found));
    } else if (value instanceof JsonObject object) {
      object.forEach(
          (key, v) -> {
            if (key.startsWith(UNDEFINED)) {
              found.add(key);
            }
            collect(v, found);
          });
    }
  }
}
