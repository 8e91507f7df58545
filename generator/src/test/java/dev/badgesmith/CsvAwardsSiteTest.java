package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A badge site whose awards are rows of a CSV file builds as if each row were an award file. */
class CsvAwardsSiteTest {
  private static final String HASH =
      "sha256$5f2b1c0a1e54c1a4ab2d4ad8f3c5a3e3f1e7a7b4c2d9e0f1a2b3c4d5e6f7a8b9";

  private static final String YAML_AWARDS =
      """
      -- awards/intro/ann.yaml
      recipient:
        email: Ann@Example.org
        name: Ann Lee
      issuedOn: 2025-03-14
      narrative: |-
        Wrote the "tiny" lexer,
        then its tests.
      evidence:
        - url: https://code.example.net/ann/lexer
        - url: https://code.example.net/ann/tests
      -- awards/intro/bob.yaml
      recipient:
        hashed: %s
        salt: 0a1b2c
        type: url
      issuedOn: 2025-04-01T10:30:00+02:00
      expires: 2027-04-01
      -- awards/intro/cy.yaml
      recipient:
        did: did:web:cy.example.net
      issuedOn: 2025-05-02
      revoked:
        reason: Awarded to the wrong person
        date: 2025-05-09
      """
          .formatted(HASH);

  private static final String CSV_AWARDS =
      """
      -- awards/intro/spring-2025.csv
      id,email,did,hashed,salt,type,name,issuedOn,expires,narrative,evidence,revoked,revokedOn
      ann,Ann@Example.org,,,,,Ann Lee,2025-03-14,,"Wrote the ""tiny"" lexer,
      then its tests.",https://code.example.net/ann/lexer https://code.example.net/ann/tests,,
      bob,,,%s,0a1b2c,url,,2025-04-01T10:30:00+02:00,2027-04-01,,,,

      cy,,did:web:cy.example.net,,,,,2025-05-02,,,,Awarded to the wrong person,2025-05-09
      """
          .formatted(HASH);

  @Test
  void csvRowsPublishTheSameDocumentsAsAwardFiles(@TempDir Path tmp) throws IOException {
    Map<String, byte[]> fromYaml = build(tmp.resolve("yaml"), YAML_AWARDS);
    Map<String, byte[]> fromCsv = build(tmp.resolve("csv"), CSV_AWARDS);

    assertThat(fromCsv.keySet()).isEqualTo(fromYaml.keySet());
    assertThat(fromCsv).containsKeys("assertions/intro/ann.json", "assertions/intro/cy.json");
    for (String path : fromYaml.keySet()) {
      if (!path.equals("manifest.json")) {
        assertThat(new String(fromCsv.get(path)))
            .as(path)
            .isEqualTo(new String(fromYaml.get(path)));
      }
    }
    JsonNode manifest = new ObjectMapper().readTree(fromCsv.get("manifest.json"));
    assertThat(manifest.toString())
        .contains("\"source\":\"awards/intro/spring-2025.csv\"")
        .doesNotContain("ann@example.org");
    JsonNode bob = new ObjectMapper().readTree(fromCsv.get("assertions/intro/bob.json"));
    assertThat(bob.path("recipient").path("identity").asText()).isEqualTo(HASH);
    assertThat(bob.path("recipient").path("salt").asText()).isEqualTo("0a1b2c");
  }

  @Test
  void reorderingOrAddingRowsChangesNoPublishedAward(@TempDir Path tmp) throws IOException {
    Map<String, byte[]> before = build(tmp.resolve("before"), CSV_AWARDS);
    String reordered =
        """
        -- awards/intro/spring-2025.csv
        issuedOn;id;email;name
        2025-06-01;dee;dee@example.org;Dee
        2025-03-14;ann;Ann@Example.org;Ann Lee
        """;
    Map<String, byte[]> after = build(tmp.resolve("after"), reordered);

    assertThat(after).containsKey("assertions/intro/dee.json");
    // Ann's row moved from the first to the second data line, and lost her other columns:
    // her assertion's URL and recipient hash stay the same.
    JsonNode annBefore = new ObjectMapper().readTree(before.get("assertions/intro/ann.json"));
    JsonNode annAfter = new ObjectMapper().readTree(after.get("assertions/intro/ann.json"));
    assertThat(annAfter.path("id")).isEqualTo(annBefore.path("id"));
    assertThat(annAfter.path("recipient")).isEqualTo(annBefore.path("recipient"));
  }

  private static Map<String, byte[]> build(Path dir, String awards) {
    Path site = TestSites.unpack(dir.resolve("site"), TestSites.MINIMAL);
    TestSites.unpack(site, awards);
    try {
      Files.delete(site.resolve("awards/intro/jane.yaml"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Report report = Badgesmith.builder().build().build(site, dir.resolve("out"));
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    return new TreeMap<>(TestSites.read(dir.resolve("out")));
  }
}
