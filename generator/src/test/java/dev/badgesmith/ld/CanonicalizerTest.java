package dev.badgesmith.ld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CanonicalizerTest {
  private Canonicalizer canonicalizer;
  private ObjectNode credential;

  @BeforeEach
  void setUp() {
    canonicalizer = new Canonicalizer(LdFixtures.contexts());
    credential = LdFixtures.resource("ob3-eddsa-rdfc-2022-credential.json");
  }

  @Test
  void findsAMisspeltPropertyInACredential() {
    ObjectNode achievement = (ObjectNode) credential.get("credentialSubject").get("achievement");
    achievement.put("descripton", "typo");

    assertThat(undefinedTerms(credential)).containsExactly("descripton");
  }

  @Test
  void refusesAMisspeltTypeInACredential() {
    credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredentail");

    assertThat(undefinedTerms(credential)).containsExactly("OpenBadgeCredentail");
    assertThatThrownBy(() -> canonicalizer.canonicalize(credential))
        .isInstanceOf(CanonicalizationException.class)
        .hasMessageContaining("undefined JSON-LD term 'OpenBadgeCredentail'")
        .hasMessageContaining("safe mode");
  }

  @Test
  void refusesTheSpecsOwnTypesWithoutTheContextThatDefinesThem() {
    ObjectNode full = DataIntegrityTest.fullExample();
    ArrayNode context = (ArrayNode) full.get("@context");
    for (int i = context.size() - 1; i >= 0; i--) {
      if (context
          .get(i)
          .asText()
          .equals("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json")) {
        context.remove(i);
      }
    }

    assertThat(undefinedTerms(full))
        .containsExactlyInAnyOrder(
            "1EdTechJsonSchemaValidator2019", "1EdTechRevocationList", "1EdTechCredentialRefresh");
    assertThatThrownBy(() -> canonicalizer.canonicalize(full))
        .isInstanceOf(CanonicalizationException.class)
        .hasMessageContaining("1EdTechJsonSchemaValidator2019");
  }

  @Test
  void canonicalisesTheSpecsFullExampleAsAPlainProcessorDoes() throws Exception {
    ObjectNode full = DataIntegrityTest.fullExample();

    assertThat(canonicalizer.canonicalize(full)).isEqualTo(plainCanonicalForm(full));
  }

  @Test
  void refusesARelativeIri() {
    ((ObjectNode) credential.get("credentialSubject")).put("id", "learners/jane");

    assertThatThrownBy(() -> canonicalizer.canonicalize(credential))
        .isInstanceOf(CanonicalizationException.class)
        .hasMessageContaining("learners/jane (a relative IRI)");
  }

  @Test
  void findsNothingInAValidCredential() {
    assertThat(undefinedTerms(credential)).isEmpty();
  }

  @Test
  void refusesToCanonicaliseADocumentWithAnUndefinedTerm() {
    credential.put("recipeint", "x");

    assertThatThrownBy(() -> canonicalizer.canonicalize(credential))
        .isInstanceOf(CanonicalizationException.class)
        .hasMessageContaining("undefined JSON-LD term 'recipeint'")
        .extracting(
            e -> ((CanonicalizationException) e).undefinedTerms(), InstanceOfAssertFactories.LIST)
        .containsExactly("recipeint");
  }

  /** What canonicalising the document refuses, as its exception names them; empty if nothing. */
  private java.util.List<String> undefinedTerms(ObjectNode document) {
    try {
      canonicalizer.canonicalize(document);
      return java.util.List.of();
    } catch (CanonicalizationException e) {
      return e.undefinedTerms();
    }
  }

  @Test
  void endsEveryLineWithANewline() {
    String canon = canonicalizer.canonicalize(credential);

    assertThat(canon).endsWith(" .\n").doesNotContain("\r");
    assertThat(canon.lines()).isSorted();
  }

  @Test
  void documentsThatShareTheirContextsCanonicaliseEachAsAPlainProcessorDoes() throws Exception {
    ObjectNode full = DataIntegrityTest.fullExample();
    ObjectNode other = full.deepCopy();
    ((ObjectNode) other.get("credentialSubject")).put("id", "did:example:someone-else");
    other.put("name", "Another credential");
    // A credential inside another one names its contexts again, inside a type-scoped context.
    ObjectNode outer = full.deepCopy();
    ((ObjectNode) outer.get("credentialSubject").get("achievement"))
        .putArray("endorsement")
        .add(other.deepCopy());

    for (ObjectNode document : List.of(full, other, outer, full)) {
      assertThat(canonicalizer.canonicalize(document)).isEqualTo(plainCanonicalForm(document));
    }
  }

  @Test
  void aContextPreparedBeforeTheFirstDocumentCanonicalisesItAsAPlainProcessorDoes()
      throws Exception {
    ObjectNode full = DataIntegrityTest.fullExample();
    List<String> contexts = new java.util.ArrayList<>();
    full.get("@context").forEach(c -> contexts.add(c.textValue()));

    canonicalizer.prepare(contexts);

    assertThat(canonicalizer.canonicalize(full)).isEqualTo(plainCanonicalForm(full));
    // The prepared context still holds the sentinel that finds what no context defines.
    ObjectNode misspelt = full.deepCopy();
    misspelt.put("descriptoin", "a typo");
    assertThatThrownBy(() -> canonicalizer.canonicalize(misspelt))
        .isInstanceOf(CanonicalizationException.class)
        .hasMessageContaining("undefined JSON-LD term 'descriptoin'");
  }

  @Test
  void aContextThatCannotBePreparedIsLeftForTheDocumentThatNamesItToReport() {
    List<String> unpinned = List.of("https://example.org/my-context.json");

    canonicalizer.prepare(unpinned);

    credential.putArray("@context").add(unpinned.get(0));
    assertThatThrownBy(() -> canonicalizer.canonicalize(credential))
        .isInstanceOf(ContextException.class)
        .hasMessageContaining("https://example.org/my-context.json");
  }

  @Test
  void canonicalisesAnOpenBadges2Assertion() throws Exception {
    ObjectNode assertion =
        (ObjectNode)
            LdFixtures.JSON.readTree(
                """
                {"@context":"https://w3id.org/openbadges/v2","type":"Assertion",
                 "id":"https://badges.example.org/a.json","badge":"https://badges.example.org/b.json",
                 "issuedOn":"2025-03-14T00:00:00Z"}
                """);

    assertThat(canonicalizer.canonicalize(assertion))
        .contains("<https://badges.example.org/a.json> <https://w3id.org/openbadges#badge>");
  }

  /** Titanium and RDFC-1.0 as any verifier runs them: no sentinel, no checks. */
  private static String plainCanonicalForm(ObjectNode document) throws Exception {
    RdfCanon canon = RdfCanon.create("SHA-256");
    JsonLd.toRdf(
            JsonDocument.of(new ByteArrayInputStream(LdFixtures.JSON.writeValueAsBytes(document))))
        .loader(LdFixtures.contexts())
        .provide(canon);
    StringWriter out = new StringWriter();
    canon.provide(new NQuadsWriter(out));
    return out.toString();
  }

  @Test
  void namesAContextItDoesNotPin() {
    credential.putArray("@context").add("https://example.org/my-context.json");

    assertThatThrownBy(() -> canonicalizer.canonicalize(credential))
        .isInstanceOf(ContextException.class)
        .hasMessageContaining("https://example.org/my-context.json");
  }
}
