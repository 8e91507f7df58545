package dev.badgesmith.certificate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.TestSites;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Every award's certificate, as tools nobody here wrote read it: poppler's {@code pdftotext} shows
 * its texts, {@code zbarimg} reads its QR code from poppler's rendering, {@code pdfdetach} takes
 * out the file it carries, and veraPDF holds it to PDF/A-3u.
 */
class CertificatesTest {
  private static final String BASE = "https://badges.rustacean-guild.example/";

  @BeforeAll
  static void veraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  @Test
  void exampleSiteCertificatesCarryTheSignedCredential(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    assertThat(TestSites.withoutSaltWarning(TestSites.buildExample(out).diagnostics())).isEmpty();
    Map<String, byte[]> site = TestSites.read(out);
    List<String> awards = awards(Path.of("../example-site/awards"));
    assertThat(awards).hasSizeGreaterThanOrEqualTo(10);
    for (String award : awards) {
      String certificate = "assertions/" + award + "/certificate.pdf";
      assertThat(site).as(certificate).containsKey(certificate);
      Path pdf = out.resolve(certificate);
      String text = pdftotext(pdf);
      String record = Files.readString(Path.of("../example-site/awards/" + award + ".yaml"));
      String badge = award.substring(0, award.indexOf('/'));
      String name =
          record
              .lines()
              .filter(l -> l.strip().startsWith("name:"))
              .map(l -> l.strip().substring(5).strip().replace("\"", ""))
              .findFirst()
              .orElse("the holder of this badge");
      assertThat(text).as(certificate).contains(name, "Rustacean Guild", "Issued on");
      assertThat(text.replaceAll("\\s+", " ")).contains(badgeName(out, badge));
      assertThat(text).doesNotContain("@");
      if (record.contains("revoked:")) {
        assertThat(text).as(certificate).contains("REVOKED");
      } else {
        assertThat(text).as(certificate).doesNotContain("REVOKED");
      }
      assertThat(qr(pdf, tmp)).as(certificate).isEqualTo(BASE + "assertions/" + award + "/");
      // The certificate carries the credential as published, byte for byte.
      assertThat(detached(pdf, tmp))
          .as(certificate)
          .containsExactly(
              Map.entry(
                  award.substring(award.indexOf('/') + 1) + ".json",
                  site.get("credentials/" + award + ".json")));
      assertPdfA3(Files.readAllBytes(pdf), certificate);
    }
  }

  @Test
  void hostedSiteCertificatesCarryTheAssertionAndSayWhenRevoked(@TempDir Path tmp)
      throws Exception {
    Path out = tmp.resolve("out");
    Map<String, byte[]> site = TestSites.build("sites/guild/input", out);
    Path revoked = out.resolve("assertions/rust-101/cat/certificate.pdf");
    assertThat(pdftotext(revoked)).contains("REVOKED");
    assertThat(detached(revoked, tmp))
        .containsExactly(Map.entry("cat.json", site.get("assertions/rust-101/cat.json")));
    for (String award : List.of("rust-101/ben", "rust-201/dan")) {
      Path pdf = out.resolve("assertions/" + award + "/certificate.pdf");
      assertThat(pdftotext(pdf)).contains("the holder of this badge").doesNotContain("REVOKED");
      String file = award.substring(award.indexOf('/') + 1) + ".json";
      assertThat(detached(pdf, tmp))
          .containsExactly(Map.entry(file, site.get("assertions/" + award + ".json")));
      assertPdfA3(Files.readAllBytes(pdf), award);
    }
    // The validator tells: the same page written again by poppler, without what PDF/A asks, fails.
    Path plain = tmp.resolve("plain.pdf");
    run("pdftocairo", "-pdf", revoked.toString(), plain.toString());
    try (InputStream in = Files.newInputStream(plain);
        PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_3_U);
        PDFAValidator validator =
            Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_U, false)) {
      assertThat(validator.validate(parser).isCompliant()).isFalse();
    }
  }

  @Test
  void theSameAwardGivesTheSameBytesAndTheSettingTurnsThemOff(@TempDir Path tmp) throws Exception {
    Map<String, byte[]> first = TestSites.build("sites/guild/input", tmp.resolve("a"));
    Map<String, byte[]> second = TestSites.build("sites/guild/input", tmp.resolve("b"));
    List<String> certificates =
        first.keySet().stream().filter(p -> p.endsWith("/certificate.pdf")).sorted().toList();
    assertThat(certificates).isNotEmpty();
    for (String c : certificates) {
      assertThat(second.get(c)).as(c).isEqualTo(first.get(c));
    }

    Path off = tmp.resolve("off");
    TestSites.copy(TestSites.resources("sites/guild/input"), off);
    Path yaml = off.resolve("site.yaml");
    String settings = Files.readString(yaml);
    Files.writeString(
        yaml,
        settings.contains("pages:")
            ? settings.replace("pages:", "pages:\n  certificates: false")
            : settings + "pages:\n  certificates: false\n");
    Map<String, byte[]> without =
        TestSites.read(
            dev.badgesmith.Badgesmith.builder()
                .build()
                .build(off, tmp.resolve("c"))
                .output()
                .orElseThrow());
    assertThat(without.keySet()).noneMatch(p -> p.endsWith(".pdf"));
    assertThat(new String(without.get("manifest.json"), UTF_8)).doesNotContain("certificate");
  }

  private static void assertPdfA3(byte[] pdf, String what) throws Exception {
    try (InputStream in = new ByteArrayInputStream(pdf);
        PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_3_U);
        PDFAValidator validator =
            Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_U, false)) {
      ValidationResult result = validator.validate(parser);
      List<String> failed = new ArrayList<>();
      for (TestAssertion a : result.getTestAssertions()) {
        if (a.getStatus() != TestAssertion.Status.PASSED) {
          failed.add(a.getRuleId() + " " + a.getMessage() + " at " + a.getLocation());
        }
      }
      assertThat(failed).as(what).isEmpty();
      assertThat(result.isCompliant()).as(what).isTrue();
    }
  }

  private static String badgeName(Path out, String badge) throws IOException {
    String json = Files.readString(out.resolve("badges/" + badge + ".json"));
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("name").asText();
  }

  /** Each award as {@code badge/award}. */
  private static List<String> awards(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .map(p -> folder.relativize(p).toString().replace('\\', '/').replace(".yaml", ""))
          .sorted()
          .toList();
    }
  }

  private static String pdftotext(Path pdf) throws Exception {
    return new String(run("pdftotext", "-layout", pdf.toString(), "-"), UTF_8);
  }

  /** The QR code, as zbarimg reads it from the page rendered at 150 dpi. */
  private static String qr(Path pdf, Path tmp) throws Exception {
    Path prefix = Files.createTempDirectory(tmp, "page").resolve("page");
    run("pdftoppm", "-r", "150", "-png", "-singlefile", pdf.toString(), prefix.toString());
    return new String(run("zbarimg", "-q", "--raw", prefix + ".png"), UTF_8).strip();
  }

  /** The files the PDF embeds, by name, as pdfdetach saves them. */
  private static Map<String, byte[]> detached(Path pdf, Path tmp) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "detached");
    run("pdfdetach", "-saveall", "-o", dir.toString(), pdf.toString());
    Map<String, byte[]> files = new java.util.TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.toList()) {
        files.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    return files;
  }

  private static byte[] run(String... command) throws Exception {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new AssertionError(
          command[0] + " is not installed: apt-get install poppler-utils zbar-tools", e);
    }
    byte[] output = process.getInputStream().readAllBytes();
    String errors = new String(process.getErrorStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + errors).isZero();
    return output;
  }
}
