package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.Badgesmith;
import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwardCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void writesAnAwardFileThatTheSiteChecksAndBuilds(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);

    int code =
        run(
            "award",
            "intro",
            "--site",
            site.toString(),
            "--email",
            "zoe@example.org",
            "--name",
            "Zoë Ann",
            "--issued-on",
            "2025-05-01",
            "--evidence",
            "https://code.example.net/zoe/1",
            "--narrative",
            "Finished: all *ten* parts");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("Wrote awards/intro/zoe-ann.yaml\n");
    assertThat(site.resolve("awards/intro/zoe-ann.yaml"))
        .content()
        .contains(
            "email: zoe@example.org",
            "name: Zoë Ann",
            "issuedOn: 2025-05-01",
            "url: https://code.example.net/zoe/1");
    assertThat(Badgesmith.builder().build().build(site, tmp.resolve("out")).diagnostics())
        .isEmpty();
    assertThat(tmp.resolve("out/assertions/intro/zoe-ann.json")).exists();
  }

  @Test
  void withHashTheAddressNeverEntersTheSiteAndStillVerifies(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);

    assertThat(
            run(
                "award",
                "intro",
                "--site",
                site.toString(),
                "--email",
                "Zoe@Example.org",
                "--hash",
                "--id",
                "zoe"))
        .isZero();

    TestSites.read(site)
        .forEach(
            (path, bytes) ->
                assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .as(path)
                    .doesNotContainIgnoringCase("zoe@example"));
    String yaml = Files.readString(site.resolve("awards/intro/zoe.yaml"));
    Matcher salt = Pattern.compile("salt: \"?([0-9a-f]{32})").matcher(yaml);
    assertThat(salt.find()).as(yaml).isTrue();
    Badgesmith.builder().build().build(site, tmp.resolve("out"));
    String identity =
        new ObjectMapper()
            .readTree(tmp.resolve("out/assertions/intro/zoe.json").toFile())
            .path("recipient")
            .path("identity")
            .asText();
    // What the earner proves, with the address as they type it in lower case.
    assertThat(identity).isEqualTo(IdentityHash.hash("zoe@example.org", salt.group(1)));
  }

  @Test
  void aTakenIdGetsTheNextFreeSuffix(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    run("award", "intro", "--site", site.toString(), "--email", "a@example.org", "--name", "Sam");
    run("award", "intro", "--site", site.toString(), "--email", "b@example.org", "--name", "Sam");
    assertThat(site.resolve("awards/intro/sam.yaml")).exists();
    assertThat(site.resolve("awards/intro/sam-2.yaml")).exists();
  }

  @Test
  void anInvalidRecipientIsReportedAndNothingIsKept(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    int code =
        run("award", "intro", "--site", site.toString(), "--email", "not-an-address", "--id", "x");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("awards/intro/x.yaml:2:10: error[BSG109]", "The award was not written.");
    assertThat(site.resolve("awards/intro/x.yaml")).doesNotExist();
  }

  @Test
  void anUnknownBadgeOrASecondIdentityIsAUsageError(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    assertThat(run("award", "nope", "--site", site.toString(), "--email", "a@example.org"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no badge class 'nope'");
    assertThat(
            run(
                "award",
                "intro",
                "--site",
                site.toString(),
                "--email",
                "a@example.org",
                "--url",
                "https://a.example"))
        .isEqualTo(2);
  }
}
