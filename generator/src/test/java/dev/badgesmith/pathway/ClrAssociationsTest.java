package dev.badgesmith.pathway;

import static dev.badgesmith.pathway.Rules.allOf;
import static dev.badgesmith.pathway.Rules.anyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.testing.TestSites;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ClrAssociationsTest {
  private static final String BASE = "https://guild.example/badges/";
  private static final Function<String, String> ACHIEVEMENT = id -> BASE + id + "/achievement";
  private static final Set<String> KNOWN =
      Set.of("git", "review", "python", "java", "rust", "mentor");
  private static final String CLR = "https://purl.imsglobal.org/spec/vc/clr/vocab.html#";

  /** Reference contexts of {@code ../shared/spec}, by the URL a document names them with. */
  private static final Map<String, String> CONTEXTS =
      Map.of(
          "https://www.w3.org/ns/credentials/v2", "w3c/credentials-v2.jsonld",
          "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "clr/context-2.0.1.json",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "ob3/context-3.0.3.json");

  private static final String UNDEFINED = "urn:badgesmith:undefined:";
  private static final String ISSUER_DEPENDENT =
      "https://www.w3.org/ns/credentials/issuer-dependent#";

  @Test
  void aStackIsTheParentOfEachPartAndItsPrerequisitesPrecedeIt() {
    List<Association> found =
        ClrAssociations.of(List.of(allOf("mentor", "git", "review")), ACHIEVEMENT, KNOWN::contains);
    String mentor = ACHIEVEMENT.apply("mentor");
    String git = ACHIEVEMENT.apply("git");
    String review = ACHIEVEMENT.apply("review");
    assertThat(found)
        .containsExactly(
            new Association(AssociationType.IS_PARENT_OF, mentor, git),
            new Association(AssociationType.IS_CHILD_OF, git, mentor),
            new Association(AssociationType.PRECEDES, git, mentor),
            new Association(AssociationType.IS_PARENT_OF, mentor, review),
            new Association(AssociationType.IS_CHILD_OF, review, mentor),
            new Association(AssociationType.PRECEDES, review, mentor));
  }

  @Test
  void aChoiceIsAChildButNotAPrerequisite() {
    List<Association> found =
        ClrAssociations.of(
            List.of(anyOf("polyglot", 2, "python", "java", "rust")),
            ACHIEVEMENT,
            id -> KNOWN.contains(id) || id.equals("polyglot"));
    assertThat(found).hasSize(6).noneMatch(a -> a.type() == AssociationType.PRECEDES);
    // "any 2 of" two badges asks for both: they are prerequisites.
    assertThat(
            ClrAssociations.of(
                List.of(anyOf("pair", 2, "python", "java")), ACHIEVEMENT, id -> true))
        .filteredOn(a -> a.type() == AssociationType.PRECEDES)
        .hasSize(2);
  }

  @Test
  void unknownIdsAndSelfReferenceAreLeftOut() {
    assertThat(
            ClrAssociations.of(
                List.of(allOf("mentor", "mentor", "nope", "git")), ACHIEVEMENT, KNOWN::contains))
        .extracting(Association::targetId)
        .containsExactly(
            ACHIEVEMENT.apply("git"), ACHIEVEMENT.apply("mentor"), ACHIEVEMENT.apply("mentor"));
  }

  @Test
  void writesTheClrTerms() {
    ArrayNode json =
        ClrAssociations.toJson(
            ClrAssociations.of(List.of(allOf("mentor", "git")), ACHIEVEMENT, KNOWN::contains));
    assertThat(json.get(0).toString())
        .isEqualTo(
            "{\"type\":\"Association\",\"associationType\":\"isParentOf\",\"sourceId\":\""
                + BASE
                + "mentor/achievement\",\"targetId\":\""
                + BASE
                + "git/achievement\"}");
  }

  @Test
  void aClrWithTheAssociationsExpandsWithNothingDropped() throws Exception {
    Path spec = TestSites.spec();
    for (String file : CONTEXTS.values()) {
      assumeTrue(
          Files.isRegularFile(spec.resolve(file)),
          "skipped: the reference context "
              + file
              + " is not in "
              + spec
              + " (../shared/spec is absent)");
    }
    ObjectNode clr = sampleClr();

    JsonArray expanded = expand(new ObjectMapper().writeValueAsBytes(clr), spec);

    assertThat(dropped(expanded)).isEmpty();
    String text = expanded.toString();
    assertThat(text)
        .contains(CLR + "association")
        .contains(CLR + "Association")
        .contains(CLR + "AssociationType")
        .contains("\"isParentOf\"")
        .contains("\"precedes\"")
        .contains(CLR + "sourceId")
        .contains(CLR + "targetId");
  }

  /**
   * A ClrCredential (VC 2.0, CLR 2.0.1, OB 3.0.3 contexts) for Ada, holding three achievements and
   * the associations of {@code mentor}, which requires {@code git} and {@code review}.
   */
  static ObjectNode sampleClr() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode clr = json.createObjectNode();
    ArrayNode context = clr.putArray("@context");
    context.add("https://www.w3.org/ns/credentials/v2");
    context.add("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json");
    context.add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    clr.put("id", "https://guild.example/earners/ada/clr.json");
    clr.putArray("type").add("VerifiableCredential").add("ClrCredential");
    ObjectNode issuer = clr.putObject("issuer");
    issuer.put("id", "https://guild.example/issuers/guild.json");
    issuer.putArray("type").add("Profile");
    issuer.put("name", "The Guild");
    clr.put("validFrom", "2026-05-01T00:00:00Z");
    clr.put("name", "Ada's learner record");
    ObjectNode subject = clr.putObject("credentialSubject");
    subject.put("id", "https://ada.example/");
    subject.putArray("type").add("ClrSubject");
    ArrayNode achievements = subject.putArray("achievement");
    for (String id : List.of("mentor", "git", "review")) {
      ObjectNode a = achievements.addObject();
      a.put("id", ACHIEVEMENT.apply(id));
      a.putArray("type").add("Achievement");
      a.put("name", id);
      a.put("description", "The " + id + " badge.");
      a.putObject("criteria").put("narrative", "Earn it.");
    }
    subject.putArray("verifiableCredential");
    subject.set(
        "association",
        ClrAssociations.toJson(
            ClrAssociations.of(
                List.of(allOf("mentor", "git", "review")), ACHIEVEMENT, KNOWN::contains)));
    return clr;
  }

  /**
   * Expands offline, with an {@code @vocab} sentinel that catches every term no context defines.
   */
  private static JsonArray expand(byte[] document, Path spec) throws JsonLdError {
    JsonDocument vocab =
        JsonDocument.of(new StringReader("{\"@context\":{\"@vocab\":\"" + UNDEFINED + "\"}}"));
    return JsonLd.expand(JsonDocument.of(new ByteArrayInputStream(document)))
        .loader(offline(spec))
        .context(vocab)
        .get();
  }

  private static DocumentLoader offline(Path spec) {
    return (url, options) -> {
      String file = CONTEXTS.get(url.toString());
      if (file == null) {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: " + url);
      }
      try (InputStream in = Files.newInputStream(spec.resolve(file))) {
        return JsonDocument.of(in);
      } catch (IOException e) {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e);
      }
    };
  }

  /** Properties and types that expanded under a sentinel vocabulary: what safe mode refuses. */
  private static List<String> dropped(JsonValue value) {
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
            if (undefined(key)) {
              found.add(key);
            }
            if (key.equals("@type") && v instanceof JsonArray types) {
              types.stream()
                  .filter(t -> t instanceof JsonString s && undefined(s.getString()))
                  .forEach(t -> found.add(((JsonString) t).getString()));
            }
            collect(v, found);
          });
    }
  }

  private static boolean undefined(String iri) {
    return iri.startsWith(UNDEFINED) || iri.startsWith(ISSUER_DEPENDENT);
  }

  @Test
  void theCheckCatchesATermNoContextDefines() throws Exception {
    Path spec = TestSites.spec();
    assumeTrue(
        Files.isRegularFile(spec.resolve("clr/context-2.0.1.json")),
        "skipped: the CLR 2.0 context is not in " + spec + " (../shared/spec is absent)");
    String doc =
        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
            + "\"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json\"],"
            + "\"type\":[\"VerifiableCredential\",\"ClrCredential\"],"
            + "\"credentialSubject\":{\"type\":[\"ClrSubject\"],\"association\":[{"
            + "\"type\":\"Association\",\"associationType\":\"isParentOf\","
            + "\"sourceId\":\"https://a.example/\",\"targetIdd\":\"https://b.example/\"}]}}";
    assertThat(dropped(expand(doc.getBytes(StandardCharsets.UTF_8), spec)))
        .containsExactly(UNDEFINED + "targetIdd");
  }
}
