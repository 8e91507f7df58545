package dev.badgesmith.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code badgesmith transcript} on a copy of the example site: the learner record of an earner
 * known by e-mail, written where the maintainer says and nowhere in the site, which {@code
 * badgesmith verify} then accepts against the built site.
 */
class TranscriptCommandTest {
  private static final Path KEYS = Path.of("../example-keys").toAbsolutePath().normalize();

  @TempDir Path tmp;
  Path site;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void copyTheExampleSite() {
    site = tmp.resolve("site");
    TestSites.copy(Path.of("../example-site").toAbsolutePath().normalize(), site);
  }

  @Test
  void writesTheRecordOfAnEarnerKnownByEmailOutsideTheSiteAndItVerifies() throws IOException {
    List<String> before = files(site);
    Path record = tmp.resolve("private/amara.json");

    int code =
        run(
            "transcript",
            site.toString(),
            "--keys",
            KEYS.toString(),
            "--recipient",
            " Amara.Okafor@Example.org ",
            "--out",
            record.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "Wrote the learner record of 5 awards (ownership-fundamentals/amara-okafor,"
                + " first-contribution/amara-okafor, code-reviewer/amara-okafor,"
                + " mentor/amara-okafor, rust-practitioner/amara-okafor) to "
                + record
                + ": send it to the learner; it is not part of the site\n");
    assertThat(files(site)).as("nothing is written into the site").isEqualTo(before);
    String text = Files.readString(record, UTF_8);
    assertThat(text).doesNotContainIgnoringCase("amara.okafor@example.org");
    JsonNode json = new ObjectMapper().readTree(text);
    assertThat(json.path("id").asText()).startsWith("urn:uuid:");
    JsonNode subject = json.path("credentialSubject");
    assertThat(subject.has("id")).isFalse();
    assertThat(subject.path("identifier").get(0).path("identityType").asText())
        .isEqualTo("emailAddress");
    assertThat(subject.path("verifiableCredential")).hasSize(5);
    // She holds the mentor badge and both its steps: the pathway is in her record.
    assertThat(subject.path("association").toString())
        .contains("\"associationType\":\"isParentOf\"")
        .contains("\"associationType\":\"precedes\"");

    // The same record as a VC-JWT; both verify, with every credential, against the built site.
    Path jwt = tmp.resolve("private/amara.jwt");
    assertThat(
            run(
                "transcript",
                site.toString(),
                "--keys",
                KEYS.toString(),
                "--recipient",
                "amara.okafor@example.org",
                "--out",
                jwt.toString()))
        .as(err.toString())
        .isZero();
    Path built = tmp.resolve("public");
    assertThat(run("build", site.toString(), "--keys", KEYS.toString(), "--out", built.toString()))
        .as(err.toString())
        .isZero();
    for (Path file : List.of(record, jwt)) {
      assertThat(
              run(
                  "verify",
                  file.toString(),
                  "--site",
                  built.toString(),
                  "--recipient",
                  "amara.okafor@example.org"))
          .as(out.toString())
          .isZero();
      assertThat(out.toString())
          .contains("PASS credentials: all 5 credentials in the record verified, each on its own")
          .contains("  Verified: credential 4 of 5 (Guild Mentor, ")
          .contains("  Verified: credential 5 of 5 (Rust Practitioner, ")
          .endsWith("Verified: " + file + "\n");
    }
  }

  @Test
  void leavesOutRevokedAwardsAndRefusesToWriteIntoTheSiteOrABuiltSite() throws IOException {
    Path record = tmp.resolve("tomas.json");
    assertThat(
            run(
                "transcript",
                site.toString(),
                "--keys",
                KEYS.toString(),
                "--recipient",
                "tomas.novak@example.org",
                "--out",
                record.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("no award that is not revoked names tomas.novak@example.org");
    assertThat(record).doesNotExist();

    Path inside = site.resolve("public/amara.json");
    assertThat(transcript(inside)).isEqualTo(2);
    assertThat(err.toString()).contains("is inside the site folder");
    assertThat(inside).doesNotExist();

    Path built = tmp.resolve("public");
    assertThat(run("build", site.toString(), "--keys", KEYS.toString(), "--out", built.toString()))
        .isZero();
    Path published = built.resolve("earners/amara.json");
    assertThat(transcript(published)).isEqualTo(2);
    assertThat(err.toString()).contains("is inside the built site " + built);
    assertThat(published).doesNotExist();
  }

  private int transcript(Path target) {
    return run(
        "transcript",
        site.toString(),
        "--keys",
        KEYS.toString(),
        "--recipient",
        "amara.okafor@example.org",
        "--out",
        target.toString());
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /**
   * The site's files but its cache (the default {@code .badgesmith/cache}, which Git ignores),
   * where checking the site keeps its rendered designs as any command does.
   */
  private static List<String> files(Path root) throws IOException {
    List<String> files = new ArrayList<>();
    try (var walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.startsWith(".badgesmith/"))
          .forEach(files::add);
    }
    return files.stream().sorted().toList();
  }
}
