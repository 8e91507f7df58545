package dev.badgesmith.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.images.ImageInspector;
import dev.badgesmith.images.ImageProblem;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a pull request puts into a site file, the readers answer with positioned diagnostics (or
 * none), never an exception: YAML awards and settings, CSV rows, Markdown front matter, PNG and SVG
 * designs. Inputs are random text and random edits of valid files, a fixed number per reader from a
 * fixed seed (override with {@code -Dbadgesmith.fuzz.seed=N} and {@code
 * -Dbadgesmith.fuzz.tries=N}), so the suite's time stays bounded; a failure names the seed, the try
 * and the input.
 */
class UntrustedInputTest {
  private static final long SEED = Long.getLong("badgesmith.fuzz.seed", 20261206L);
  private static final int TRIES = Integer.getInteger("badgesmith.fuzz.tries", 150);

  private static final String AWARD =
      "recipient:\n  email: jane@example.org\n  name: Jane\nissuedOn: 2025-03-14\n"
          + "narrative: Did *well*.\nevidence:\n  - url: https://example.org/x\n    name: X\n"
          + "revoked:\n  reason: no\n  date: 2025-04-01\n";
  private static final String CSV =
      "id,email,name,issuedOn\nada,ada@example.org,Ada,2025-03-14\nbob,bob@example.org,,2025-03-15\n";
  private static final String BADGE =
      "---\nname: Intro\ndescription: Took the intro.\ntags: [a, b]\nvalidFor: P1Y\n---\n# Criteria\n";
  private static final String SETTINGS =
      "title: Test Guild\nbaseUrl: https://badges.example.org/guild/\n";
  private static final String SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><defs><linearGradient"
          + " id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient></defs><circle"
          + " cx=\"5\" cy=\"5\" r=\"4\" fill=\"url(#g)\"/><text x=\"1\" y=\"9\">A</text></svg>";
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
          "9999999999999999999999",
          "\u202e",
          "\r");
  private static final List<String> CSV_PIECES =
      List.of(",", "\"", "\n", "\r\n", "=", "2025-13-40", "\u0000", "é", "id", ";");
  private static final List<String> SVG_PIECES =
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
          "\u0000",
          "<script>",
          "onload=\"x\"",
          "xmlns:h=\"http://www.w3.org/1999/xhtml\"");
  private static final ImageInspector INSPECTOR = new ImageInspector();

  @TempDir static Path site;

  @BeforeAll
  static void makeSite() {
    TestSites.unpack(site, TestSites.MINIMAL);
  }

  @Test
  void anyAwardFileGetsPositionedDiagnostics() {
    forEachInput(1, r -> text(r, AWARD, YAML_PIECES), t -> check("awards/intro/fuzzed.yaml", t));
  }

  @Test
  void anyCsvFileGetsPositionedDiagnostics() {
    forEachInput(2, r -> text(r, CSV, CSV_PIECES), t -> check("awards/intro/fuzzed.csv", t));
  }

  @Test
  void anyBadgeClassGetsPositionedDiagnostics() {
    forEachInput(3, r -> text(r, BADGE, YAML_PIECES), t -> check("badges/intro.md", t));
  }

  @Test
  void anySiteSettingsGetPositionedDiagnostics() {
    forEachInput(4, r -> text(r, SETTINGS, YAML_PIECES), t -> check("site.yaml", t));
  }

  @Test
  void anySvgGetsProblemsNotExceptions() {
    forEachInput(
        5,
        r -> text(r, SVG, SVG_PIECES),
        t -> lines(INSPECTOR.inspect(t.getBytes(StandardCharsets.UTF_8), "svg", 256 * 1024)));
  }

  @Test
  void anyPngGetsProblemsNotExceptions() throws IOException {
    byte[] png =
        Files.readAllBytes(TestSites.resources("sites/guild/expected/badges/rust-101.png"));
    forEachInput(
        6,
        r -> {
          if (r.nextInt(4) == 0) {
            byte[] noise = new byte[r.nextInt(300)];
            r.nextBytes(noise);
            return noise;
          }
          byte[] b = Arrays.copyOf(png, 8 + r.nextInt(png.length - 8 + 1));
          for (int i = r.nextInt(9); i > 0; i--) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
          }
          return b;
        },
        b -> lines(INSPECTOR.inspect(b, "png", 256 * 1024)));
  }

  /** Random text, or a valid text with up to six edits: a piece inserted, a short run deleted. */
  private static String text(SplittableRandom r, String valid, List<String> pieces) {
    if (r.nextInt(5) == 0) {
      StringBuilder noise = new StringBuilder();
      for (int i = r.nextInt(200); i > 0; i--) {
        noise.appendCodePoint(r.nextInt(4) == 0 ? r.nextInt(0x20) : 0x20 + r.nextInt(0x2fd0));
      }
      return noise.toString();
    }
    StringBuilder text = new StringBuilder(valid);
    for (int edits = 1 + r.nextInt(6); edits > 0; edits--) {
      int at = r.nextInt(text.length() + 1);
      int delete = Math.min(r.nextInt(4), text.length() - at);
      text.delete(at, at + delete).insert(at, pieces.get(r.nextInt(pieces.size())));
    }
    return text.toString();
  }

  private static <T> void forEachInput(
      int stream, Function<SplittableRandom, T> inputs, java.util.function.Consumer<T> check) {
    SplittableRandom random = new SplittableRandom(SEED * 31 + stream);
    for (int i = 0; i < TRIES; i++) {
      T input = inputs.apply(random);
      try {
        check.accept(input);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError(
            "seed "
                + SEED
                + ", try "
                + i
                + ", input "
                + (input instanceof byte[] b ? Arrays.toString(b) : "\"" + input + "\"")
                + ": "
                + e,
            e);
      }
    }
  }

  /** Checks the site with the file holding the text: positioned diagnostics, no exception. */
  private static void check(String path, String text) {
    Path file = site.resolve(path);
    try {
      byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      try {
        for (Diagnostic d : Badgesmith.builder().threads(1).build().check(site).diagnostics()) {
          assertThat(d.line()).as(d.format()).isPositive();
          assertThat(d.column()).as(d.format()).isPositive();
          assertThat(site.resolve(d.path())).as(d.format()).exists();
        }
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

  private static void lines(List<ImageProblem> problems) {
    assertThat(problems).allSatisfy(p -> assertThat(p.line()).isNotNegative());
  }
}
