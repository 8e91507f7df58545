package dev.badgesmith.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.images.ImageInspector;
import dev.badgesmith.images.ImageProblem;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a pull request puts into a site file, the readers answer with positioned diagnostics (or
 * none), never an exception: YAML awards and settings, CSV rows, Markdown front matter, PNG and SVG
 * designs. Inputs are random text and random edits of valid files, in a bounded number of tries, so
 * the suite's time stays fixed; a failure prints the shrunk input and its seed.
 */
class UntrustedInputProperties {
  private static final String AWARD =
      "recipient:\n  email: jane@example.org\n  name: Jane\nissuedOn: 2025-03-14\n"
          + "narrative: Did *well*.\nevidence:\n  - url: https://example.org/x\n    name: X\n"
          + "revoked:\n  reason: no\n  date: 2025-04-01\n";
  private static final String CSV =
      "id,email,name,issuedOn\nada,ada@example.org,Ada,2025-03-14\nbob,bob@example.org,,2025-03-15\n";
  private static final String BADGE =
      "---\nname: Intro\ndescription: Took the intro.\ntags: [a, b]\nvalidFor: P1Y\n---\n# Criteria\n";
  private static final String SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><defs><linearGradient"
          + " id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient></defs><circle"
          + " cx=\"5\" cy=\"5\" r=\"4\" fill=\"url(#g)\"/><text x=\"1\" y=\"9\">A</text></svg>";
  private static final ImageInspector INSPECTOR = new ImageInspector();

  private static Path site;
  private static byte[] png;

  @BeforeContainer
  static void makeSite() throws IOException {
    site = Files.createTempDirectory("badgesmith-fuzz");
    TestSites.unpack(site, TestSites.MINIMAL);
    png = Files.readAllBytes(TestSites.resources("sites/guild/expected/badges/rust-101.png"));
  }

  @AfterContainer
  static void removeSite() throws IOException {
    try (var walk = Files.walk(site)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Property(tries = 150)
  void anyAwardFileGetsPositionedDiagnostics(@ForAll("awards") String text) {
    checkWith("awards/intro/fuzzed.yaml", text);
  }

  @Property(tries = 100)
  void anyCsvFileGetsPositionedDiagnostics(@ForAll("csvs") String text) {
    checkWith("awards/intro/fuzzed.csv", text);
  }

  @Property(tries = 100)
  void anyBadgeClassGetsPositionedDiagnostics(@ForAll("badges") String text) {
    checkWith("badges/intro.md", text);
  }

  @Property(tries = 100)
  void anySiteSettingsGetPositionedDiagnostics(@ForAll("settings") String text) {
    checkWith("site.yaml", text);
  }

  @Property(tries = 400)
  void anyPngGetsProblemsNotExceptions(@ForAll("pngs") byte[] bytes) {
    assertLines(INSPECTOR.inspect(bytes, "png", 256 * 1024));
  }

  @Property(tries = 400)
  void anySvgGetsProblemsNotExceptions(@ForAll("svgs") String text) {
    assertLines(INSPECTOR.inspect(text.getBytes(StandardCharsets.UTF_8), "svg", 256 * 1024));
  }

  @Provide
  Arbitrary<String> awards() {
    return Arbitraries.oneOf(edits(AWARD, YAML_PIECES), Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> csvs() {
    return Arbitraries.oneOf(
        edits(CSV, List.of(",", "\"", "\n", "\r\n", "=", "2025-13-40", "\u0000", "é")),
        Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> badges() {
    return Arbitraries.oneOf(edits(BADGE, YAML_PIECES), Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> settings() {
    String valid = "title: Test Guild\nbaseUrl: https://badges.example.org/guild/\n";
    return Arbitraries.oneOf(edits(valid, YAML_PIECES), Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<byte[]> pngs() {
    Arbitrary<byte[]> flipped =
        Combinators.combine(
                Arbitraries.integers().between(0, png.length - 1).list().ofMaxSize(8),
                Arbitraries.bytes().list().ofSize(8),
                Arbitraries.integers().between(8, png.length))
            .as(
                (positions, values, length) -> {
                  byte[] b = java.util.Arrays.copyOf(png, length);
                  for (int i = 0; i < positions.size(); i++) {
                    if (positions.get(i) < b.length) {
                      b[positions.get(i)] = values.get(i);
                    }
                  }
                  return b;
                });
    return Arbitraries.oneOf(flipped, Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
  }

  @Provide
  Arbitrary<String> svgs() {
    return Arbitraries.oneOf(
        edits(
            SVG,
            List.of(
                "<",
                ">",
                "\"",
                "&",
                "<!DOCTYPE x [<!ENTITY a \"b\">]>",
                "&a;",
                "xlink:href=\"#g\"",
                "<use href=\"#g\"/>",
                "<![CDATA[",
                "]]>",
                "<?xml version=\"1.1\"?>",
                "\u0000")),
        Arbitraries.strings().ofMaxLength(200));
  }

  private static final List<String> YAML_PIECES =
      List.of(
          ":",
          "\n",
          "  ",
          "- ",
          "&a ",
          "*a",
          "!!str ",
          "!!binary ",
          "{",
          "}",
          "[",
          "]",
          "\"",
          "'",
          "#",
          "|",
          ">",
          "\t",
          "%YAML 1.1\n",
          "---\n",
          "...\n",
          "\u0000",
          "\uFEFF",
          "é",
          "null",
          "2025-02-30",
          "9999999999999999999999");

  /** A valid text with up to six random edits: a piece inserted, or a run of text deleted. */
  private static Arbitrary<String> edits(String valid, List<String> pieces) {
    Arbitrary<String> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, valid.length()),
                Arbitraries.of(pieces),
                Arbitraries.integers().between(0, 3))
            .as((at, piece, delete) -> at + "\u0001" + piece + "\u0001" + delete);
    return edit.list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(
            list -> {
              StringBuilder text = new StringBuilder(valid);
              for (String e : list) {
                String[] parts = e.split("\u0001", -1);
                int at = Math.min(Integer.parseInt(parts[0]), text.length());
                int delete = Math.min(Integer.parseInt(parts[2]), text.length() - at);
                text.delete(at, at + delete).insert(at, parts[1]);
              }
              return text.toString();
            });
  }

  /** Checks the site with the file holding the text: positioned diagnostics, no exception. */
  private static void checkWith(String path, String text) {
    Path file = site.resolve(path);
    try {
      byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      try {
        assertPositioned(Badgesmith.builder().threads(1).build().check(site));
      } finally {
        if (before == null) {
          Files.delete(file);
        } else {
          Files.write(file, before);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertPositioned(Report report) {
    for (Diagnostic d : report.diagnostics()) {
      assertThat(d.line()).as(d.format()).isPositive();
      assertThat(d.column()).as(d.format()).isPositive();
      assertThat(site.resolve(d.path())).as(d.format()).exists();
    }
  }

  private static void assertLines(List<ImageProblem> problems) {
    assertThat(problems).allSatisfy(p -> assertThat(p.line()).isNotNegative());
  }
}
