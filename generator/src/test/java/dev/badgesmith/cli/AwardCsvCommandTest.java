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

/** {@code badgesmith award BADGE --csv FILE}: one award file per row, all or nothing. */
class AwardCsvCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void writesOneAwardFilePerRowThatTheSiteBuilds(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path csv = tmp.resolve("cohort.csv");
    Files.writeString(
        csv,
        """
        \uFEFFName,Email,url,issuedOn,narrative,evidence,id
        Zoë Ann,zoe@example.org,,2025-05-01,"Finished all *ten* parts,
        and helped others.",https://code.example.net/zoe/1,
        Sam,sam@example.org,,,,,
        ,,https://max.example.net/,2025-05-03,,,max-web
        """,
        StandardCharsets.UTF_8);

    int code =
        run(
            "award",
            "intro",
            "--site",
            site.toString(),
            "--csv",
            csv.toString(),
            "--issued-on",
            "2025-05-02");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .isEqualTo(
            """
            Wrote 3 award files:
              awards/intro/zoe-ann.yaml
              awards/intro/sam.yaml
              awards/intro/max-web.yaml
            """);
    assertThat(site.resolve("awards/intro/zoe-ann.yaml"))
        .content()
        .contains(
            "email: zoe@example.org",
            "name: Zoë Ann",
            "issuedOn: 2025-05-01",
            "narrative: |-\n  Finished all *ten* parts,\n  and helped others.",
            "url: https://code.example.net/zoe/1");
    assertThat(site.resolve("awards/intro/sam.yaml")).content().contains("issuedOn: 2025-05-02");
    assertThat(site.resolve("awards/intro/max-web.yaml"))
        .content()
        .contains("url: https://max.example.net/");
    assertThat(Badgesmith.builder().build().build(site, tmp.resolve("out")).diagnostics())
        .isEmpty();
    assertThat(tmp.resolve("out/assertions/intro/zoe-ann.json")).exists();
  }

  @Test
  void withHashNoRowLeavesItsAddressInTheSite(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path csv = tmp.resolve("cohort.csv");
    Files.writeString(
        csv, "id,email,issuedOn\nzoe,Zoe@Example.org,2025-05-01\nsam,sam@example.org,2025-05-01\n");

    assertThat(run("award", "intro", "--site", site.toString(), "--csv", csv.toString(), "--hash"))
        .as(err.toString())
        .isZero();

    TestSites.read(site)
        .forEach(
            (path, bytes) ->
                assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .as(path)
                    .doesNotContainIgnoringCase("zoe@example")
                    .doesNotContainIgnoringCase("sam@example"));
    String yaml = Files.readString(site.resolve("awards/intro/zoe.yaml"));
    Matcher salt = Pattern.compile("salt: \"?([0-9a-f]{32})").matcher(yaml);
    assertThat(salt.find()).as(yaml).isTrue();
    assertThat(yaml).contains("type: email");
    Badgesmith.builder().build().build(site, tmp.resolve("out"));
    String identity =
        new ObjectMapper()
            .readTree(tmp.resolve("out/assertions/intro/zoe.json").toFile())
            .path("recipient")
            .path("identity")
            .asText();
    assertThat(identity).isEqualTo(IdentityHash.hash("zoe@example.org", salt.group(1)));
  }

  @Test
  void anyBadRowIsReportedWithItsPlaceAndNothingIsWritten(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path csv = tmp.resolve("cohort.csv");
    Files.writeString(
        csv,
        """
        id,email,issuedOn,evidence
        ann,ann@example.org,2025-05-01,
        bob,bob-at-example.org,2025-05-01,
        cy,cy@example.org,2025-13-01,
        ann,dee@example.org,2025-05-01,
        jane,jane@example.org,2025-05-01,https://x.example.org/ https://y.example.org/
        """);
    byte[] jane = Files.readAllBytes(site.resolve("awards/intro/jane.yaml"));

    int code = run("award", "intro", "--site", site.toString(), "--csv", csv.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            csv + ":3:5: error[BSG109]: 'bob-at-example.org' is not an e-mail address",
            csv + ":4:19: error[BSG106]: '2025-13-01' is not a date",
            "No award was written.");
    assertThat(site.resolve("awards/intro/ann.yaml")).doesNotExist();

    // With the rows fixed, the ids are checked: twice in the file, and an existing award.
    err.getBuffer().setLength(0);
    Files.writeString(
        csv,
        Files.readString(csv)
            .replace("bob-at-example.org", "bob@example.org")
            .replace("-13-", "-03-"));
    assertThat(run("award", "intro", "--site", site.toString(), "--csv", csv.toString()))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains(
            csv + ":5:1: error[BSG203]: the award id 'ann' is also given at " + csv + ":2",
            csv
                + ":6:1: error[BSG203]: awards/intro/jane.yaml exists already\n"
                + "  hint: an award file is never replaced: choose another id");
    assertThat(site.resolve("awards/intro/jane.yaml")).hasBinaryContent(jane);
    assertThat(site.resolve("awards/intro/ann.yaml")).doesNotExist();
    assertThat(site.resolve("awards/intro/bob.yaml")).doesNotExist();
  }

  @Test
  void aProblemOnlyTheSiteCheckFindsUndoesTheWholeBatch(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    // The site already awards "kim" in a CSV file of its own.
    TestSites.write(
        site.resolve("awards/intro/earlier.csv"),
        "id,email,issuedOn\nkim,kim@example.org,2024-01-01\n");
    Path csv = tmp.resolve("cohort.csv");
    Files.writeString(
        csv,
        "id,email,issuedOn\nlee,lee@example.org,2025-05-01\nkim,kim2@example.org,2025-05-01\n");

    int code = run("award", "intro", "--site", site.toString(), "--csv", csv.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            csv
                + ":3:1: error[BSG203]: the award id 'kim' is also claimed by"
                + " awards/intro/earlier.csv:2 (in the award file awards/intro/kim.yaml)");
    assertThat(site.resolve("awards/intro/lee.yaml")).doesNotExist();
    assertThat(site.resolve("awards/intro/kim.yaml")).doesNotExist();
  }

  @Test
  void csvTakesNoPerAwardOptions(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path csv = tmp.resolve("cohort.csv");
    Files.writeString(csv, "id,email\nzoe,zoe@example.org\n");
    assertThat(
            run(
                "award",
                "intro",
                "--site",
                site.toString(),
                "--csv",
                csv.toString(),
                "--name",
                "Zoe"))
        .isEqualTo(2);
    assertThat(
            run(
                "award",
                "intro",
                "--site",
                site.toString(),
                "--csv",
                csv.toString(),
                "--email",
                "zoe@example.org"))
        .isEqualTo(2);
    assertThat(site.resolve("awards/intro/zoe.yaml")).doesNotExist();
  }
}
