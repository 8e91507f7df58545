package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code badgesmith import}: Open Badges 2.0 and 1.x assertions, as Badgr and the Mozilla Backpack
 * exported them, from files, URLs and baked images, become award files that build.
 */
class ImportCommandTest {
  private static final Path FIXTURES = TestSites.resources("import");
  private static final String JANE_HASH =
      "sha256$576e992043cbf53f9186bb93703102cc8573efaf5e01c8b6d4664f40ac9cd6ad";
  private static final String ROBO_HASH =
      "sha256$59dbbf143fb003cee997d88c92a754395b726140e5702b832c64ba551b2287d8";
  private static final String OLD_HASH =
      "sha256$268ea981e4170109d42bb58d700c4cd104dbaf5a3826269dd1d63dfeb9c47963";
  private static final String ROBOTICS = "http://issuer.example.org/badges/robotics.json";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private static String fixture(String name) {
    return FIXTURES.resolve(name).toString();
  }

  @Test
  void importsBadgrAndBackpackExportsKeepingDatesEvidenceAndHashes(@TempDir Path tmp)
      throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);

    int code =
        run(
            "import",
            "--site",
            site.toString(),
            "--badge",
            ROBOTICS + "=intro",
            fixture("badgr-assertion.json"),
            fixture("backpack-1.1.json"),
            fixture("backpack-1.0.json"));

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .isEqualTo(
            """
            Imported 3 awards:
              awards/intro/qm8xjk2br1e-4cvv9t0dyw.yaml
              awards/intro/f2c20.yaml
              awards/intro/abc-123.yaml
            """);
    // Open Badges 2.0 from Badgr: the BadgeClass matched by name, every record kept.
    assertThat(site.resolve("awards/intro/qm8xjk2br1e-4cvv9t0dyw.yaml"))
        .content()
        .startsWith(
            "# Imported from the Open Badges 2.0 assertion"
                + " https://api.badgr.io/public/assertions/Qm8xJk2bR1e-4cVv9T0dYw\n")
        .contains(
            "hashed: " + JANE_HASH,
            "salt: d1a9c3e7f05b4a21",
            "type: email",
            "name: Jane Doe",
            "issuedOn: 2019-06-03T14:21:09.123456+00:00",
            "expires: 2024-06-03T14:21:09.123456+00:00",
            "narrative: Jane finished every part of the intro course.",
            "url: https://code.example.net/jane/lexer",
            "narrative: \"A tiny lexer, with tests.\"",
            "narrative: Presented the project at the spring meetup.");
    // Open Badges 1.1: recipient object, Unix time, evidence as a URL, verify instead of
    // verification.
    assertThat(site.resolve("awards/intro/f2c20.yaml"))
        .content()
        .contains(
            "hashed: " + ROBO_HASH,
            "salt: deadsea",
            "issuedOn: 2013-01-26T16:31:50Z",
            "url: http://issuer.example.org/robotics/work/robo-kid.html");
    // Open Badges 1.0: the recipient a hash string with the salt beside it; issued_on.
    assertThat(site.resolve("awards/intro/abc-123.yaml"))
        .content()
        .contains(
            "hashed: " + OLD_HASH, "salt: 6ac5e1", "issuedOn: 2013-02-18", "expires: 2015-02-18");

    Path built = tmp.resolve("out");
    Report report = Badgesmith.builder().build().build(site, built);
    assertThat(report.hasErrors()).as(report.diagnostics().toString()).isFalse();
    JsonNode jane = json(built.resolve("assertions/intro/qm8xjk2br1e-4cvv9t0dyw.json"));
    assertThat(jane.path("recipient").path("identity").asText()).isEqualTo(JANE_HASH);
    assertThat(jane.path("recipient").path("salt").asText()).isEqualTo("d1a9c3e7f05b4a21");
    // The award file keeps the date as written; the site publishes its one form, to the second.
    assertThat(jane.path("issuedOn").asText()).isEqualTo("2019-06-03T14:21:09Z");
    JsonNode old = json(built.resolve("assertions/intro/abc-123.json"));
    assertThat(old.path("recipient").path("identity").asText()).isEqualTo(OLD_HASH);
    assertThat(old.path("expires").asText()).isEqualTo("2015-02-18T00:00:00Z");
  }

  @Test
  void aPlainRecipientIsHashedAndARevocationIsKept(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);

    assertThat(
            run(
                "import",
                "--site",
                site.toString(),
                "--badge",
                "intro",
                fixture("badgr-revoked.json")))
        .as(err.toString())
        .isZero();

    String yaml = Files.readString(site.resolve("awards/intro/xw3pq9rts5uvb0nl7mk2aa.yaml"));
    assertThat(yaml)
        .doesNotContainIgnoringCase("pat.smith")
        .contains("revoked:\n  reason: Awarded to the wrong person");
    Matcher salt = Pattern.compile("salt: \"?([0-9a-f]{32})").matcher(yaml);
    assertThat(salt.find()).as(yaml).isTrue();
    assertThat(yaml)
        .contains("hashed: " + IdentityHash.hash("pat.smith@example.org", salt.group(1)));
    Report report = Badgesmith.builder().build().build(site, tmp.resolve("out"));
    assertThat(report.hasErrors()).as(report.diagnostics().toString()).isFalse();
    assertThat(
            json(tmp.resolve("out/assertions/intro/xw3pq9rts5uvb0nl7mk2aa.json"))
                .path("revoked")
                .asBoolean())
        .isTrue();
  }

  @Test
  void importsTheBadgesOurOwnBakerBakedKeepingTheRecipientHash(@TempDir Path tmp)
      throws IOException {
    Path old = TestSites.unpack(tmp.resolve("old"), TestSites.MINIMAL);
    TestSites.write(
        old.resolve("awards/intro/kim.yaml"),
        "recipient:\n  email: kim@example.org\nissuedOn: 2025-04-01\n");
    Path oldOut = tmp.resolve("old-out");
    assertThat(Badgesmith.builder().build().build(old, oldOut).hasErrors()).isFalse();
    String janeHash =
        json(oldOut.resolve("assertions/intro/jane.json"))
            .path("recipient")
            .path("identity")
            .asText();
    String kimHash =
        json(oldOut.resolve("assertions/intro/kim.json"))
            .path("recipient")
            .path("identity")
            .asText();

    // The same site again, as a new repository would hold it: jane is awarded there already.
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    String png = oldOut.resolve("assertions/intro/jane.png").toString();
    String svg = oldOut.resolve("assertions/intro/kim.svg").toString();
    assertThat(run("import", "--site", site.toString(), png, svg)).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            png + ":1:1: error[BSG203]: awards/intro/jane.yaml exists already",
            "Nothing was imported.");
    assertThat(site.resolve("awards/intro/kim.yaml")).doesNotExist();

    Files.delete(site.resolve("awards/intro/jane.yaml"));
    out.getBuffer().setLength(0);
    // The BadgeClass is matched by this site's own BadgeClass URL.
    assertThat(run("import", "--site", site.toString(), png, svg)).as(err.toString()).isZero();
    Path built = tmp.resolve("out");
    assertThat(Badgesmith.builder().build().build(site, built).hasErrors()).isFalse();
    assertThat(
            json(built.resolve("assertions/intro/jane.json"))
                .path("recipient")
                .path("identity")
                .asText())
        .isEqualTo(janeHash);
    assertThat(
            json(built.resolve("assertions/intro/kim.json"))
                .path("recipient")
                .path("identity")
                .asText())
        .isEqualTo(kimHash);
  }

  @Test
  void importsFromUrlsMatchingTheFetchedBadgeClassByName(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Map<String, String> served =
        Map.of(
            "/public/assertions/Abc123",
            Files.readString(FIXTURES.resolve("badgr-revoked.json"))
                .replace(
                    "https://api.badgr.io/public/badges/7fHq2LmZS0yQbJ6xWk9nGA",
                    base + "/public/badges/intro-class")
                .replace("Xw3Pq9RtS5uVb0nL7mK2Aa", "Abc123"),
            "/public/badges/intro-class",
            "{\"type\":\"BadgeClass\",\"id\":\""
                + base
                + "/public/badges/intro-class\","
                + "\"name\":\"intro\"}");
    server.createContext(
        "/",
        exchange -> {
          String body = served.get(exchange.getRequestURI().getPath());
          byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(
              body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    try {
      // The server is on this machine: refused unless asked for.
      assertThat(run("import", "--site", site.toString(), base + "/public/assertions/Abc123"))
          .isEqualTo(1);
      assertThat(err.toString())
          .contains("is at a local or private address (127.0.0.1); allow private addresses");
      err.getBuffer().setLength(0);
      assertThat(
              run(
                  "import",
                  "--site",
                  site.toString(),
                  "--allow-private-addresses",
                  base + "/public/assertions/Abc123",
                  base + "/public/assertions/gone"))
          .isEqualTo(1);
      assertThat(err.toString())
          .contains(base + "/public/assertions/gone:1:1: error[BSG003]: nothing is published at")
          .contains("Nothing was imported.");
      assertThat(site.resolve("awards/intro/abc123.yaml")).doesNotExist();

      assertThat(
              run(
                  "import",
                  "--site",
                  site.toString(),
                  "--allow-private-addresses",
                  base + "/public/assertions/Abc123"))
          .as(err.toString())
          .isZero();
      assertThat(site.resolve("awards/intro/abc123.yaml"))
          .content()
          .contains("issuedOn: 2019-06-10T09:00:00+00:00");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void reportsEveryProblemOfEveryInputAndWritesNothing(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path notJson = tmp.resolve("notes.json");
    Files.writeString(notJson, "{\n  \"recipient\": \"x\",\n  oops\n}\n");
    Path credential = tmp.resolve("credential.json");
    Files.writeString(
        credential,
        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
            + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"]}");
    String broken = fixture("broken.json");
    String missing = tmp.resolve("missing.json").toString();
    Path astronomy = tmp.resolve("astronomy.json");
    Files.writeString(
        astronomy,
        Files.readString(FIXTURES.resolve("badgr-assertion.json"))
            .replace("\"name\": \"Intro\"", "\"name\": \"Astronomy\""));

    int code =
        run(
            "import",
            "--site",
            site.toString(),
            fixture("badgr-assertion.json"),
            broken,
            notJson.toString(),
            credential.toString(),
            missing,
            astronomy.toString());

    assertThat(code).isEqualTo(1);
    List<String> lines = err.toString().lines().toList();
    assertThat(lines)
        .contains(
            broken + ":7:15: error[BSG106]: 'last tuesday' is not a date",
            broken
                + ":9:17: error[BSG105]: the identity is hashed with md5, which cannot be republished",
            notJson
                + ":3:3: error[BSG113]: malformed JSON: Unexpected character ('o' (code 111)):"
                + " was expecting double-quote to start field name",
            credential
                + ":1:1: error[BSG113]: an Open Badges 3.0 credential; only 1.x and 2.0 assertions"
                + " are imported",
            "Nothing was imported.");
    assertThat(err.toString())
        .contains(missing + ":1:1: error[BSG003]: cannot read the file")
        .contains(
            astronomy
                + ":5:12: error[BSG200]: no badge of this site matches the BadgeClass 'Astronomy'"
                + " (https://api.badgr.io/public/badges/7fHq2LmZS0yQbJ6xWk9nGA)\n"
                + "  hint: map it with --badge SLUG (every assertion) or --badge"
                + " 'https://api.badgr.io/public/badges/7fHq2LmZS0yQbJ6xWk9nGA=SLUG'; the site's"
                + " badges: intro");
    assertThat(site.resolve("awards/intro/qm8xjk2br1e-4cvv9t0dyw.yaml")).doesNotExist();
  }

  /** A list of assertions, as exports give them: read one item at a time, each at its lines. */
  private static String assertionList(int count, int badDateAt) {
    StringBuilder json = new StringBuilder("[\n");
    for (int i = 0; i < count; i++) {
      json.append(
          """
            {
              "@context": "https://w3id.org/openbadges/v2",
              "type": "Assertion",
              "id": "https://api.badgr.io/public/assertions/item-%d",
              "badge": "https://api.badgr.io/public/badges/7fHq2LmZS0yQbJ6xWk9nGA",
              "verification": {"type": "HostedBadge"},
              "issuedOn": "%s",
              "recipient": {"hashed": false, "type": "email", "identity": "p%d@example.org"}
            }%s
          """
              .formatted(
                  i, i == badDateAt ? "someday" : "2019-06-10", i, i < count - 1 ? "," : ""));
    }
    return json.append("]\n").toString();
  }

  @Test
  void aListOfAssertionsBecomesOneAwardPerItem(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path list = tmp.resolve("export.json");
    Files.writeString(list, "\uFEFF" + assertionList(3, -1));

    int code = run("import", "--site", site.toString(), "--badge", "intro", list.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .isEqualTo(
            """
            Imported 3 awards:
              awards/intro/item-0.yaml
              awards/intro/item-1.yaml
              awards/intro/item-2.yaml
            """);
    assertThat(site.resolve("awards/intro/item-2.yaml"))
        .content()
        .contains(
            "# Imported from the Open Badges 2.0 assertion"
                + " https://api.badgr.io/public/assertions/item-2")
        .contains("issuedOn: 2019-06-10");
  }

  @Test
  void eachItemOfAListIsReportedAtItsOwnLineAndABrokenListWritesNothing(@TempDir Path tmp)
      throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path list = tmp.resolve("export.json");
    // Items take 9 lines from line 2: item 2's date is on line 26; the list ends inside item 3's
    // id, on line 32.
    String text = assertionList(4, 2);
    Files.writeString(list, text.substring(0, text.indexOf("item-3")));

    int code = run("import", "--site", site.toString(), "--badge", "intro", list.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines().toList())
        .contains(list + ":26:17: error[BSG106]: 'someday' is not a date", "Nothing was imported.")
        .anyMatch(l -> l.startsWith(list + ":32:") && l.contains("error[BSG113]: malformed JSON"));
    assertThat(site.resolve("awards/intro/item-0.yaml")).doesNotExist();
  }

  @Test
  void anUnknownBadgeInTheMappingIsAUsageError(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    assertThat(
            run(
                "import",
                "--site",
                site.toString(),
                "--badge",
                "nope",
                fixture("badgr-assertion.json")))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("no badge class 'nope' in the site (badges/nope.md); its badges: intro");
  }

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }
}
