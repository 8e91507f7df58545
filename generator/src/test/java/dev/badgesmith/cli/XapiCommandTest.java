package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.testing.IndependentVerifiers;
import dev.badgesmith.testing.IndependentVerifiers.StatementValidation;
import dev.badgesmith.testing.IndependentVerifiers.StatementWarnings;
import dev.badgesmith.testing.TestSites;
import dev.badgesmith.xapi.StandInLrs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code badgesmith xapi} on the example site: its file, its notes, and an LRS on 127.0.0.1. */
class XapiCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EARNED = "http://specification.openbadges.org/xapi/verbs/earned";
  private static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
  private static final String HASHED_NOTE =
      "1 award left out: the recipient is held hashed only (ownership-fundamentals/priya-nair)";

  @TempDir Path tmp;
  Path site;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void site() {
    site = tmp.resolve("site");
    TestSites.copy(Path.of("../example-site").toAbsolutePath().normalize(), site);
  }

  private int run(Map<String, String> environment, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** {@code xapi SITE --out FILE} with the example's keys and a cache outside the site. */
  private int xapi(Map<String, String> environment, Path file, String... more) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "xapi",
            site.toString(),
            "--out",
            file.toString(),
            "--keys",
            Path.of("../example-keys").toAbsolutePath().normalize().toString(),
            "--cache",
            tmp.resolve("cache").toString()));
    args.addAll(List.of(more));
    return run(environment, args.toArray(String[]::new));
  }

  private int xapi(Path file, String... more) {
    return xapi(Map.of(), file, more);
  }

  private static List<JsonNode> statements(Path file) throws IOException {
    List<JsonNode> statements = new ArrayList<>();
    JSON.readTree(file.toFile()).forEach(statements::add);
    return statements;
  }

  private static List<String> ids(List<JsonNode> statements) {
    return statements.stream().map(s -> s.path("id").asText()).toList();
  }

  @Test
  void writesAStatementPerAwardAndTheSameFileOnEveryRun() throws Exception {
    Path first = tmp.resolve("first.json");
    assertThat(xapi(first)).as(err.toString()).isZero();

    assertThat(out.toString())
        .isEqualTo(HASHED_NOTE + "\nWrote 15 statements (14 earned, 1 voiding) to " + first + "\n");
    List<JsonNode> statements = statements(first);
    assertThat(statements).hasSize(15);
    assertThat(statements)
        .filteredOn(s -> s.path("verb").path("id").asText().equals(EARNED))
        .hasSize(14);
    assertThat(statements)
        .filteredOn(s -> s.path("verb").path("id").asText().equals(VOIDED))
        .singleElement()
        .satisfies(s -> assertThat(s.path("timestamp").asText()).startsWith("2025-03-02T00:00"));
    assertThat(statements.toString()).doesNotContain("priya");
    // the cache keeps nothing of the temporary folder the site was built into
    try (java.util.stream.Stream<Path> files = Files.walk(tmp.resolve("cache"))) {
      assertThat(files.map(Path::toString))
          .noneMatch(f -> f.contains("/builds/") && Files.isRegularFile(Path.of(f)));
    }

    Path second = tmp.resolve("second.json");
    assertThat(xapi(second)).as(err.toString()).isZero();
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    assertThat(ids(statements(second))).isEqualTo(ids(statements)).doesNotHaveDuplicates();
  }

  @Test
  void theAttachmentsAreTheBakedBadgesABuildPublishes() throws Exception {
    Path built = tmp.resolve("public");
    assertThat(
            run(
                Map.of(),
                "build",
                site.toString(),
                "--out",
                built.toString(),
                "--keys",
                Path.of("../example-keys").toAbsolutePath().normalize().toString(),
                "--cache",
                tmp.resolve("cache").toString()))
        .as(err.toString())
        .isZero();
    Path fromBuild = tmp.resolve("from-build.json");
    assertThat(xapi(fromBuild, "--site-output", built.toString())).as(err.toString()).isZero();
    Path fromTemporary = tmp.resolve("from-temporary.json");
    assertThat(xapi(fromTemporary)).as(err.toString()).isZero();

    assertThat(Files.readAllBytes(fromTemporary)).isEqualTo(Files.readAllBytes(fromBuild));
    String base = "https://badges.rustacean-guild.example/";
    int attached = 0;
    for (JsonNode statement : statements(fromBuild)) {
      for (JsonNode attachment : statement.path("attachments")) {
        String url = attachment.path("fileUrl").asText();
        assertThat(url).startsWith(base).endsWith(".png");
        byte[] png = Files.readAllBytes(built.resolve(url.substring(base.length())));
        assertThat(attachment.path("sha2").asText()).isEqualTo(sha256(png));
        assertThat(attachment.path("length").asInt()).isEqualTo(png.length);
        attached++;
      }
    }
    assertThat(attached).isEqualTo(13); // the revoked award's badge is no longer published
  }

  @Test
  void sinceKeepsTheAwardsIssuedAndRevocationsDatedFromThatDay() throws Exception {
    Path file = tmp.resolve("since.json");
    assertThat(xapi(file, "--since", "2025-03-01")).as(err.toString()).isZero();

    // seven awards issued since; the award revoked on 2025-03-02 was issued before
    assertThat(out.toString())
        .isEqualTo("Wrote 8 statements (7 earned, 1 voiding) to " + file + "\n");
    assertThat(statements(file)).hasSize(8);

    assertThat(xapi(tmp.resolve("bad.json"), "--since", "March")).isEqualTo(2);
    assertThat(err.toString()).contains("--since takes a day as YYYY-MM-DD, not 'March'");
    assertThat(tmp.resolve("bad.json")).doesNotExist();
  }

  @Test
  void sendsToTheStoreAndASecondRunChangesNothingThere() throws Exception {
    try (StandInLrs lrs = new StandInLrs("guild", "s3cret")) {
      Map<String, String> environment =
          Map.of("BADGESMITH_LRS_USER", "guild", "BADGESMITH_LRS_PASSWORD", "s3cret");
      Path file = tmp.resolve("sent.json");
      assertThat(xapi(environment, file, "--lrs", lrs.endpoint())).as(err.toString()).isZero();

      String sent =
          "Sent to "
              + lrs.endpoint()
              + "statements in 1 request: 15 accepted (stored, or already held unchanged),"
              + " 0 conflicts\n";
      assertThat(out.toString()).endsWith(sent);
      Map<String, JsonNode> stored = lrs.stored();
      assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(ids(statements(file)));
      for (JsonNode statement : statements(file)) {
        assertThat(stored.get(statement.path("id").asText())).isEqualTo(statement);
      }

      assertThat(xapi(environment, tmp.resolve("again.json"), "--lrs", lrs.endpoint()))
          .as(err.toString())
          .isZero();
      assertThat(out.toString()).endsWith(sent);
      assertThat(lrs.stored()).isEqualTo(stored);
    }
  }

  @Test
  void aStatementTheStoreHoldsOtherwiseIsReportedAndKept() throws Exception {
    Path file = tmp.resolve("first.json");
    assertThat(xapi(file)).as(err.toString()).isZero();
    JsonNode other = statements(file).get(0).deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) other)
        .put("timestamp", "2020-01-01T00:00:00Z");
    try (StandInLrs lrs = new StandInLrs("guild", "s3cret")) {
      lrs.hold(other);
      Map<String, String> environment =
          Map.of("BADGESMITH_LRS_USER", "guild", "BADGESMITH_LRS_PASSWORD", "s3cret");

      assertThat(xapi(environment, tmp.resolve("sent.json"), "--lrs", lrs.endpoint()))
          .as(err.toString())
          .isZero();

      assertThat(out.toString())
          .contains("14 accepted (stored, or already held unchanged), 1 conflict\n")
          .endsWith(
              "  "
                  + other.path("id").asText()
                  + ": the store holds another statement with this id, and keeps it\n");
      assertThat(lrs.stored().get(other.path("id").asText())).isEqualTo(other);
      assertThat(lrs.stored()).hasSize(15);
    }
  }

  @Test
  void theStoreNeedsBothCredentialsFromTheEnvironment() {
    Path file = tmp.resolve("statements.json");
    assertThat(xapi(Map.of("BADGESMITH_LRS_USER", "guild"), file, "--lrs", "https://lrs.example/"))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "badgesmith: --lrs needs the store's credentials: set BADGESMITH_LRS_PASSWORD in the"
                + " environment\n");
    assertThat(file).doesNotExist();

    assertThat(xapi(Map.of(), file, "--lrs", "https://lrs.example/")).isEqualTo(2);
    assertThat(err.toString())
        .contains("set BADGESMITH_LRS_USER and BADGESMITH_LRS_PASSWORD in the environment");
  }

  @Test
  void aStoreThatRefusesTheCredentialsIsASetupErrorAfterTheFileIsWritten() throws Exception {
    try (StandInLrs lrs = new StandInLrs("guild", "s3cret")) {
      Path file = tmp.resolve("statements.json");
      Map<String, String> environment =
          Map.of("BADGESMITH_LRS_USER", "guild", "BADGESMITH_LRS_PASSWORD", "guess");

      assertThat(xapi(environment, file, "--lrs", lrs.endpoint())).isEqualTo(2);

      assertThat(err.toString())
          .startsWith(
              "badgesmith: the statements are written to "
                  + file
                  + ", but not all were sent: the learning record store at "
                  + lrs.endpoint()
                  + "statements refused the user name and password (HTTP 401)");
      assertThat(statements(file)).hasSize(15);
      assertThat(lrs.stored()).isEmpty();
    }
  }

  @Test
  void aSiteWithErrorsWritesNothing() {
    TestSites.write(
        site.resolve("awards/mentor/broken.yaml"), "recipient:\n  email: not-an-address\n");
    Path file = tmp.resolve("statements.json");

    assertThat(xapi(file)).isEqualTo(1);

    assertThat(err.toString()).contains("awards/mentor/broken.yaml");
    assertThat(out.toString()).isEmpty();
    assertThat(file).doesNotExist();
  }

  @Test
  void theExampleSiteStatementsPassXapiValidation() throws Exception {
    Optional<IndependentVerifiers> verifiers = IndependentVerifiers.install();
    assumeTrue(
        verifiers.isPresent(), "skipped: node and the verifiers' packages are not available");
    Path file = tmp.resolve("statements.json");
    assertThat(xapi(file)).as(err.toString()).isZero();

    StatementValidation validation = verifiers.get().xapiValidation(file);

    assertThat(validation.results()).hasSize(15);
    for (StatementWarnings result : validation.results()) {
      assertThat(result.warnings()).as("statement %s", result.id()).isEmpty();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
