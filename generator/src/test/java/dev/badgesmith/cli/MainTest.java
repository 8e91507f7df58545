package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.PngBaker;
import dev.badgesmith.bake.SvgBaker;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void checkPrintsAPositionedErrorWithAHintAndExitsOneWritingNothing(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(
        site.resolve("badges/intro.md"), "---\nnmae: Intro\ndescription: Took the intro.\n---\n");

    int code = run("check", site.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            """
        badges/intro.md:2:1: error[BSG102]: unknown key 'nmae'
          hint: did you mean 'name'?
        1 error, 0 warnings
        """);
    assertThat(site.resolve("public")).doesNotExist();
    assertThat(TestSites.read(site)).containsOnlyKeys(TestSites.read(site).keySet());
  }

  @Test
  void inAGithubActionsJobEachProblemIsAlsoAnAnnotationOnItsLine(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(
        site.resolve("badges/intro.md"), "---\nnmae: Intro\ndescription: Took the intro.\n---\n");
    int code = checkInGithubActions(site, tmp);

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .isEqualTo(
            "::error file=site/badges/intro.md,line=2,col=1,title=BSG102::unknown key 'nmae'"
                + "%0Ahint: did you mean 'name'?\n");
    assertThat(err.toString()).startsWith("badges/intro.md:2:1: error[BSG102]");
  }

  @Test
  void outsideGithubActionsThereAreNoAnnotations(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(site.resolve("badges/intro.md"), "---\nnmae: Intro\ndescription: D.\n---\n");
    assertThat(run("check", site.toString())).isEqualTo(1);
    assertThat(out.toString()).doesNotContain("::");
  }

  @Test
  void noLineOfACheckInGithubActionsRunsAWorkflowCommandOrAnEscapeSequenceFromTheSite(
      @TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    // YAML's escapes put a line end, ESC, C1 CSI and a right-to-left override into the values.
    TestSites.write(
        site.resolve("site.yaml"),
        "title: T\n"
            + "baseUrl: \"https://x.example/\\n::add-mask::secret\\n::warning::hi\"\n"
            + "language: \"\\e[8mhidden\\e[0m\\x9b31m\\u202eoops\"\n");
    int code = checkInGithubActions(site, tmp);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "site.yaml:2:10: error[BSG108]: 'https://x.example/\\n::add-mask::secret\\n"
                + "::warning::hi' is not an https URL\n"
                + "  hint: write the full address, such as https://example.org/badges/\n"
                + "site.yaml:3:11: error[BSG105]: '\\u001b[8mhidden\\u001b[0m\\u009b31m"
                + "\\u202eoops' is not a language tag\n"
                + "  hint: write a BCP 47 tag such as en, de or pt-BR\n"
                + "2 errors, 0 warnings\n");
    // Standard output holds the two annotations, one line each, and nothing a runner would obey.
    assertThat(out.toString().lines())
        .hasSize(2)
        .allMatch(l -> l.startsWith("::error file=site/site.yaml,line="));
    assertThat(out.toString() + err.toString()).doesNotContain("\u001b", "\u009b", "\u202e", "\r");
  }

  @Test
  void anInternalErrorsTraceIsPrintedWithoutWorkflowCommandsOrEscapeSequences() {
    assertThat(Main.printableLine("::add-mask::x")).isEqualTo("  ::add-mask::x");
    assertThat(Main.printableLine("\tat a.B(C.java:1)\u001b[2J"))
        .isEqualTo("\\tat a.B(C.java:1)\\u001b[2J");
  }

  @Test
  void annotationsEscapeWhatGithubWouldReadAsSyntax() {
    assertThat(GithubAnnotations.data("100% done\r\nnext: a, b"))
        .isEqualTo("100%25 done%0D%0Anext: a, b");
    assertThat(GithubAnnotations.property("a:b,c%d\n")).isEqualTo("a%3Ab%2Cc%25d%0A");
  }

  @Test
  void buildWritesTheSiteAndExitsZero(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    int code = run("build", site.toString(), "--out", tmp.resolve("out").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith("Built ")
        .contains(" files (")
        .contains("1 award rendered");
    assertThat(tmp.resolve("out/assertions/intro/jane.json")).exists();

    out.getBuffer().setLength(0);
    assertThat(run("build", site.toString(), "--out", tmp.resolve("out").toString())).isZero();
    assertThat(out.toString()).contains("(0 changed, 0 awards rendered)");
    out.getBuffer().setLength(0);
    assertThat(
            run("build", site.toString(), "--out", tmp.resolve("out").toString(), "--render-all"))
        .isZero();
    assertThat(out.toString()).contains("(0 changed, 1 award rendered)");
  }

  @Test
  void buildWritesToPublicInTheSiteByDefault(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    assertThat(run("build", site.toString())).isZero();
    assertThat(site.resolve("public/manifest.json")).exists();
    assertThat(run("check", site.toString())).as("the output is not read as a source").isZero();
  }

  @Test
  void buildTakesTheDateAwardsExpireAgainstFromDate(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(
        site.resolve("awards/intro/jane.yaml"),
        "recipient:\n  email: jane@example.org\nissuedOn: 2025-03-14\nexpires: 2026-01-01\n");

    assertThat(
            run(
                "build",
                site.toString(),
                "--out",
                tmp.resolve("a").toString(),
                "--date",
                "2025-12-31"))
        .isZero();
    assertThat(
            run(
                "build",
                site.toString(),
                "--out",
                tmp.resolve("b").toString(),
                "--date",
                "2026-01-01T00:00:01Z"))
        .isZero();

    String page = "assertions/intro/jane/index.html";
    assertThat(tmp.resolve("a").resolve(page)).content().doesNotContain("banner expired");
    assertThat(tmp.resolve("b").resolve(page)).content().contains("banner expired");
    assertThat(Files.readAllBytes(tmp.resolve("b/assertions/intro/jane.json")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("a/assertions/intro/jane.json")));
  }

  @Test
  void aDateThatIsNoDateIsAUsageError(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    assertThat(run("build", site.toString(), "--date", "next tuesday")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("badgesmith: 'next tuesday' is not a date: write YYYY-MM-DD");
    assertThat(site.resolve("public")).doesNotExist();
  }

  @Test
  void aMissingSiteFolderIsAUsageError(@TempDir Path tmp) {
    assertThat(run("check", tmp.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("badgesmith: no site folder at ");
  }

  @Test
  void anUnknownOptionOrCommandIsAUsageError() {
    assertThat(run("build", "--frobnicate")).isEqualTo(2);
    assertThat(run("publish")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void helpNamesTheCommandsAndTheExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("build", "check", "3   internal error");
    for (String command : Main.COMMANDS.keySet()) {
      assertThat(out.toString()).containsPattern("(?m)^  " + command + " ");
    }
  }

  @Test
  void eachCommandGoesByTheNameItIsLookedUpBy() {
    Main.COMMANDS.forEach(
        (name, command) ->
            assertThat(command.getAnnotation(picocli.CommandLine.Command.class).name())
                .isEqualTo(name));
  }

  @Test
  void aCommandNamedFirstHasItsHelpAndTheHelpCommandTheirs() {
    assertThat(run("build", "--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: badgesmith build ").contains("--render-all");
    out.getBuffer().setLength(0);
    assertThat(run("help", "lock")).isZero();
    assertThat(out.toString()).startsWith("Usage: badgesmith lock ");
  }

  private static final String SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle r=\"4\"/></svg>\n";

  @Test
  void extractPrintsEachBakedPayloadWithWhereItWasFound(@TempDir Path tmp) throws IOException {
    byte[] png = Files.readAllBytes(pngFile(tmp));
    byte[] both =
        PngBaker.bake(
            PngBaker.bake(png, BadgeVersion.OB2, "{\n  \"a\": 1\n}\n"),
            BadgeVersion.OB3,
            "eyJ.eyJ.sig");
    Path file = Files.write(tmp.resolve("baked.png"), both);

    assertThat(run("extract", file.toString())).as(err.toString()).isZero();
    assertThat(out.toString())
        .isEqualTo(
            """
        Open Badges 2.0 assertion (PNG iTXt "openbadges"):
        {
          "a": 1
        }

        Open Badges 3.0 credential (PNG iTXt "openbadgecredential"):
        eyJ.eyJ.sig
        """);
  }

  @Test
  void extractPrintsTheVerifyUrlOfAnSvgAssertion(@TempDir Path tmp) throws IOException {
    byte[] baked =
        SvgBaker.bake(
            SVG.getBytes(StandardCharsets.UTF_8),
            BadgeVersion.OB2,
            "{\"a\":1}",
            Optional.of("https://e.org/a.json"));
    Path file = Files.write(tmp.resolve("baked.svg"), baked);

    assertThat(run("extract", file.toString())).isZero();
    assertThat(out.toString())
        .isEqualTo(
            """
        Open Badges 2.0 assertion (SVG <openbadges:assertion>):
        {"a":1}
        verify: https://e.org/a.json
        """);
  }

  @Test
  void extractExitsOneForAnImageThatCarriesNothing(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("plain.svg"), SVG);
    assertThat(run("extract", file.toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo(file + " carries no Open Badges data\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void extractExitsOneWithTheReasonForACorruptImage(@TempDir Path tmp) throws IOException {
    byte[] png = Files.readAllBytes(pngFile(tmp));
    Path file = Files.write(tmp.resolve("cut.png"), java.util.Arrays.copyOf(png, 45));
    assertThat(run("extract", file.toString())).isEqualTo(1);
    assertThat(err.toString())
        .startsWith(file + ": the file ends inside chunk ")
        .endsWith(" at byte 33\n");
  }

  @Test
  void extractOfAMissingFileIsAUsageError(@TempDir Path tmp) {
    assertThat(run("extract", tmp.resolve("nowhere.png").toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("badgesmith: no file at ");
    assertThat(run("extract")).isEqualTo(2);
  }

  private static Path pngFile(Path tmp) throws IOException {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
    Path file = tmp.resolve("plain.png");
    javax.imageio.ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** Runs {@code check} as a GitHub Actions job whose workspace is {@code workspace}. */
  private int checkInGithubActions(Path site, Path workspace) {
    return Main.run(
        new String[] {"check", site.toString()},
        Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", workspace.toString()),
        new PrintWriter(out, true),
        new PrintWriter(err, true));
  }
}
