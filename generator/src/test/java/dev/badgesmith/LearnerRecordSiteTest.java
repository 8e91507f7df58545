package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.testing.TestSites;
import dev.badgesmith.verify.SiteFolderResolver;
import dev.badgesmith.verify.VerificationReport;
import dev.badgesmith.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner record of the example site's public earner Li Wei, who holds First Contribution and
 * Ownership Fundamentals, a step of Guild Mentor: what it holds, that it verifies with every
 * credential in it, and that a rebuild with the cache refreshes it when one of her awards changes.
 */
class LearnerRecordSiteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://badges.rustacean-guild.example/";
  private static final String RECORD = "earners/li-wei-example-net/clr.json";

  @TempDir Path tmp;
  Path site;
  Path out;
  Path cache;

  @BeforeEach
  void build() {
    site = tmp.resolve("site");
    TestSites.copy(Path.of("../example-site").toAbsolutePath().normalize(), site);
    out = tmp.resolve("out");
    cache = tmp.resolve("cache");
    Report report = generator().build(site, out);
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
  }

  @Test
  void holdsTheEarnersCredentialsAsPublishedAndTheirPathwaysAssociations() throws IOException {
    JsonNode record = JSON.readTree(out.resolve(RECORD).toFile());

    assertThat(strings(record.path("@context")))
        .containsExactly(
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
    assertThat(record.path("id").asText()).isEqualTo(BASE + RECORD);
    assertThat(strings(record.path("type")))
        .containsExactly("VerifiableCredential", "ClrCredential");
    assertThat(record.path("issuer").path("id").asText())
        .isEqualTo("did:web:badges.rustacean-guild.example");
    // Dated by its newest credential, and signed as of then.
    assertThat(record.path("validFrom").asText()).startsWith("2025-05-20T00:00:00");
    assertThat(record.path("proof").get(0).path("cryptosuite").asText())
        .isEqualTo("eddsa-rdfc-2022");
    JsonNode subject = record.path("credentialSubject");
    assertThat(subject.path("id").asText()).isEqualTo("https://li-wei.example.net/");
    assertThat(strings(subject.path("type"))).containsExactly("ClrSubject");

    // Oldest first, each exactly the credential the site publishes, with its own proof.
    JsonNode held = subject.path("verifiableCredential");
    assertThat(held).hasSize(2);
    assertThat(held.get(0))
        .isEqualTo(
            JSON.readTree(out.resolve("credentials/first-contribution/li-wei.json").toFile()));
    assertThat(held.get(1))
        .isEqualTo(
            JSON.readTree(out.resolve("credentials/ownership-fundamentals/li-wei.json").toFile()));

    // She is on the mentor pathway: its structure, with the achievements it names.
    String mentor = BASE + "achievements/mentor.json";
    String ownership = BASE + "achievements/ownership-fundamentals.json";
    String reviewer = BASE + "achievements/code-reviewer.json";
    List<String> associations = new ArrayList<>();
    subject
        .path("association")
        .forEach(
            a ->
                associations.add(
                    a.path("type").asText()
                        + " "
                        + a.path("sourceId").asText()
                        + " "
                        + a.path("associationType").asText()
                        + " "
                        + a.path("targetId").asText()));
    assertThat(associations)
        .contains(
            "Association " + mentor + " isParentOf " + ownership,
            "Association " + ownership + " isChildOf " + mentor,
            "Association " + ownership + " precedes " + mentor,
            "Association " + mentor + " isParentOf " + reviewer,
            "Association " + reviewer + " precedes " + mentor);
    List<String> achievements = new ArrayList<>();
    subject.path("achievement").forEach(a -> achievements.add(a.path("id").asText()));
    assertThat(achievements).contains(mentor, ownership, reviewer).doesNotHaveDuplicates();

    String page = Files.readString(out.resolve("earners/li-wei-example-net/index.html"), UTF_8);
    assertThat(page)
        .contains("href=\"" + BASE + RECORD + "\"")
        .contains("href=\"" + BASE + "earners/li-wei-example-net/clr.jwt\"");
  }

  @Test
  void isShapedAsThe1EdTechExamplesAre() throws IOException {
    Path examples = TestSites.spec().resolve("clr/examples");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(examples),
        "skipped: the 1EdTech CLR examples are not at " + examples + " (../shared/spec is absent)");
    JsonNode ours = JSON.readTree(out.resolve(RECORD).toFile());
    for (String name : List.of("simple.json", "complex.json")) {
      JsonNode example = JSON.readTree(examples.resolve(name).toFile());
      // The same types, and each association with the same members.
      assertThat(types(ours.path("type"))).as(name).isEqualTo(types(example.path("type")));
      assertThat(types(ours.path("credentialSubject").path("type")))
          .as(name)
          .isEqualTo(types(example.path("credentialSubject").path("type")));
      assertThat(fields(ours.path("credentialSubject").path("association").get(0)))
          .as(name)
          .containsExactlyInAnyOrderElementsOf(
              fields(example.path("credentialSubject").path("association").get(0)));
    }
    // The VC 2.0 example (the other is VC 1.1): the same contexts in order, schema and proof.
    JsonNode simple = JSON.readTree(examples.resolve("simple.json").toFile());
    assertThat(ours.path("@context")).isEqualTo(simple.path("@context"));
    assertThat(ours.path("credentialSchema")).isEqualTo(simple.path("credentialSchema"));
    assertThat(fields(ours.path("proof").get(0)))
        .containsExactlyInAnyOrderElementsOf(fields(simple.path("proof").get(0)));
  }

  /** A type, one or many, as a list: JSON-LD allows either. */
  private static List<String> types(JsonNode node) {
    return node.isTextual() ? List.of(node.asText()) : strings(node);
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void verifiesItselfAndEveryCredentialInItInBothForms() {
    Verifier verifier =
        Verifier.builder().resolver(new SiteFolderResolver(out)).clock(Clock.systemUTC()).build();
    for (String form : List.of("clr.json", "clr.jwt")) {
      Path file = out.resolve("earners/li-wei-example-net/" + form);
      VerificationReport report =
          verifier.verify(read(file), form, Optional.of("https://li-wei.example.net/"));

      assertThat(report.passed()).as("%s", report).isTrue();
      assertThat(report.checks().get(report.checks().size() - 1).line())
          .isEqualTo("PASS credentials: all 2 credentials in the record verified, each on its own");
      assertThat(report.contained()).hasSize(2).allMatch(VerificationReport::passed);
      assertThat(report.contained().get(1).input())
          .isEqualTo(
              "credential 2 of 2 (Ownership Fundamentals, "
                  + BASE
                  + "credentials/ownership-fundamentals/li-wei.json)");
    }
  }

  @Test
  void aRebuildRefreshesTheRecordWhenAnAwardOfItsEarnerIsRevoked() throws IOException {
    Path award = site.resolve("awards/ownership-fundamentals/li-wei.yaml");
    Files.writeString(
        award,
        Files.readString(award, UTF_8) + "revoked:\n  reason: Awarded to the wrong member\n",
        UTF_8);

    Report again = generator().build(site, out);

    assertThat(TestSites.withoutSaltWarning(again.diagnostics())).isEmpty();
    JsonNode subject = JSON.readTree(out.resolve(RECORD).toFile()).path("credentialSubject");
    // The revoked credential is left out, and with it the pathway it alone was a step of (the
    // mentor's); her first contribution is still a step of the Rust Practitioner's.
    assertThat(subject.path("verifiableCredential")).hasSize(1);
    assertThat(subject.path("verifiableCredential").get(0).path("id").asText())
        .isEqualTo(BASE + "credentials/first-contribution/li-wei.json");
    assertThat(subject.path("association").toString())
        .doesNotContain(BASE + "achievements/mentor.json")
        .contains(BASE + "achievements/rust-practitioner.json");
    // The same bytes as a build from nothing.
    Path fresh = tmp.resolve("fresh");
    Badgesmith.builder()
        .keysDirectory(Path.of("../example-keys").toAbsolutePath().normalize())
        .build()
        .build(site, fresh);
    assertThat(read(out.resolve(RECORD))).isEqualTo(read(fresh.resolve(RECORD)));
  }

  private Badgesmith generator() {
    return Badgesmith.builder()
        .keysDirectory(Path.of("../example-keys").toAbsolutePath().normalize())
        .cacheDirectory(cache)
        .build();
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }
}
