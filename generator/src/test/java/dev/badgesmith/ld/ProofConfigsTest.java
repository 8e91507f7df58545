package dev.badgesmith.ld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A proof configuration's canonical form from its template is the one canonicalising gives. */
class ProofConfigsTest {
  private static final List<String> DATES =
      List.of(
          "2025-01-15T12:00:00Z",
          "1999-12-31T23:59:59Z",
          "2025-03-01T00:00:00+01:00",
          "2025-03-01T00:00:00-05:30",
          "2025-06-30T08:15:30.125Z",
          "10000-01-01T00:00:00Z",
          "0001-01-01T00:00:00Z",
          "2025-01-15T12:00:00",
          "not a date",
          "2025-01-15 12:00:00Z");

  private final Canonicalizer plain = new Canonicalizer(LdFixtures.contexts());
  private final ProofConfigs configs = new ProofConfigs(new Canonicalizer(LdFixtures.contexts()));

  @Test
  void givesWhatCanonicalisingGivesForEveryDate() {
    ObjectNode credential = DataIntegrityTest.fullExample();
    for (String method :
        List.of("did:web:badges.example.org#key-1", "https://badges.example.org/keys/ed-1.json")) {
      for (String date : DATES) {
        ObjectNode config = DataIntegrity.proofConfig(credential, options(date, method));

        assertThat(configs.canonicalize(config)).isEqualTo(plain.canonicalize(config));
      }
    }
  }

  @Test
  void aSignedCredentialsConfigurationHasATemplate() {
    ObjectNode config =
        DataIntegrity.proofConfig(
            DataIntegrityTest.fullExample(),
            options("0001-01-01T00:00:00Z", "did:web:badges.example.org#key-1"));

    assertThat(ProofConfigs.template(plain.canonicalize(config))).isPresent();
  }

  @Test
  void givesWhatCanonicalisingGivesWithMoreInTheConfiguration() {
    ObjectNode credential = DataIntegrityTest.fullExample();
    for (String date : DATES) {
      ObjectNode options = options(date, "did:web:badges.example.org#key-1");
      options.put("id", "urn:uuid:7a6a3c1e-6f0e-4d0b-9a59-8f7b4b0f2f61");
      options.put("expires", "2030-01-01T00:00:00Z");
      options.putArray("domain").add("https://a.example.org").add("https://b.example.org");
      options.put("challenge", "1235abcd6789");
      ObjectNode config = DataIntegrity.proofConfig(credential, options);

      assertThat(configs.canonicalize(config)).isEqualTo(plain.canonicalize(config));
    }
  }

  @Test
  void givesWhatCanonicalisingGivesWithMoreBlankNodes() {
    // A previous proof by value and another document's context: more blank nodes, where the
    // date could change their labels, so each is canonicalised as it is.
    ObjectNode credential = DataIntegrityTest.fullExample();
    for (String date : DATES) {
      ObjectNode options = options(date, "did:web:badges.example.org#key-1");
      ArrayNode context = options.putArray("@context");
      context.add("https://www.w3.org/ns/credentials/v2");
      ObjectNode config = DataIntegrity.proofConfig(credential, options);
      config.putObject("previousProof").put("type", "DataIntegrityProof").put("created", date);

      assertThat(configs.canonicalize(config)).isEqualTo(plain.canonicalize(config));
    }
  }

  @Test
  void refusesATemplateWhoseOtherLinesShareTheLiteralsLine() {
    String twice =
        "_:c14n0 <http://purl.org/dc/terms/created> \"0001-01-01T00:00:00Z\" .\n"
            + "_:c14n0 <http://purl.org/dc/terms/created> \"2020-01-01T00:00:00Z\" .\n";
    String twoNodes =
        "_:c14n0 <http://purl.org/dc/terms/created> \"0001-01-01T00:00:00Z\" .\n"
            + "_:c14n1 <http://purl.org/dc/terms/created> \"2020-01-01T00:00:00Z\" .\n";
    String once = "_:c14n0 <http://purl.org/dc/terms/created> \"0001-01-01T00:00:00Z\" .\n";

    assertThat(ProofConfigs.template(twice)).isEmpty();
    assertThat(ProofConfigs.template(twoNodes)).isEmpty();
    assertThat(ProofConfigs.template(once)).isPresent();
  }

  private static ObjectNode options(String created, String method) {
    ObjectNode options = DataIntegrityTest.fullExample().objectNode();
    options.put("type", DataIntegrity.TYPE);
    options.put("cryptosuite", DataIntegrity.CRYPTOSUITE);
    options.put("created", created);
    options.put("verificationMethod", method);
    options.put("proofPurpose", DataIntegrity.PURPOSE);
    return options;
  }
}
