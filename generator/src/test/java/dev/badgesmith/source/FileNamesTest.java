package dev.badgesmith.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {
  private static List<String> check(String... paths) {
    Diagnostics d = new Diagnostics();
    FileNames.check(
        Arrays.stream(paths).map(p -> new SourceFile(p, Path.of("unused"))).toList(), d);
    return d.sorted().stream().map(Diagnostic::format).toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"con", "CON", "Aux", "nul.yaml", "prn.tar.gz", "com1", "COM9.txt", "lpt5.md"})
  void namesWindowsReservesForDevicesAreReserved(String name) {
    assertThat(FileNames.isReserved(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"console", "com0", "com10", "lpt", "nuls.yaml", "icon.svg", "a.con"})
  void otherNamesAreNot(String name) {
    assertThat(FileNames.isReserved(name)).isFalse();
  }

  @Test
  void awardsWhoseNamesDifferOnlyInCaseAreReportedAtEachNamingBoth() {
    assertThat(check("awards/x/ada.yaml", "awards/x/Ada.yaml", "awards/x/bea.yaml"))
        .containsExactly(
            "awards/x/Ada.yaml:1:1: error[BSG008]: 'awards/x/Ada.yaml' and 'awards/x/ada.yaml'"
                + " differ only in case: Windows and macOS hold one of them, so the repository"
                + " cannot be checked out there\n"
                + "  hint: rename or remove one of them",
            "awards/x/ada.yaml:1:1: error[BSG008]: 'awards/x/Ada.yaml' and 'awards/x/ada.yaml'"
                + " differ only in case: Windows and macOS hold one of them, so the repository"
                + " cannot be checked out there\n"
                + "  hint: rename or remove one of them");
  }

  @Test
  void badgesAndFoldersWhoseNamesDifferOnlyInCaseAreReportedOnce() {
    assertThat(
            check(
                "badges/intro.md",
                "badges/INTRO.md",
                "static/Docs/a.txt",
                "static/docs/b.txt",
                "static/docs/c.txt"))
        .hasSize(4)
        .anyMatch(l -> l.startsWith("badges/INTRO.md:1:1: error[BSG008]: 'badges/INTRO.md' and"))
        .anyMatch(l -> l.startsWith("badges/intro.md:1:1: error[BSG008]: 'badges/INTRO.md' and"))
        .anyMatch(
            l ->
                l.startsWith(
                    "static/Docs/a.txt:1:1: error[BSG008]: 'static/Docs' and 'static/docs' differ"
                        + " only in case"))
        .anyMatch(l -> l.startsWith("static/docs/b.txt:1:1: error[BSG008]: 'static/Docs' and"));
  }

  @Test
  void nfcAndNfdSpellingsOfOneNameAreReported() {
    String nfc = "static/caf\u00e9.txt";
    String nfd = "static/cafe\u0301.txt";
    assertThat(check(nfc, nfd))
        .filteredOn(l -> l.contains("BSG008"))
        .hasSize(2)
        .allMatch(l -> l.contains("differ only in their Unicode normalisation (NFC and NFD)"));
  }

  @Test
  void plainDistinctNamesPass() {
    assertThat(check("awards/intro/ada.yaml", "awards/intro/adam.yaml", "static/a/b.txt"))
        .isEmpty();
  }

  @Test
  void namesDifferingOnlyInCaseFailCheckAndBuild(@TempDir Path tmp) throws Exception {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Files.writeString(site.resolve("awards/intro/Jane.yaml"), "x");
    // On a file system that ignores case (Windows, macOS), the two files are one.
    assumeTrue(
        Files.list(site.resolve("awards/intro")).count() == 2, "a case-sensitive file system");

    Report check = Badgesmith.builder().build().check(site);
    Report build = Badgesmith.builder().build().build(site, tmp.resolve("out"));

    assertThat(check.diagnostics().stream().map(Diagnostic::format))
        .filteredOn(l -> l.contains("BSG008"))
        .containsExactly(
            "awards/intro/Jane.yaml:1:1: error[BSG008]: 'awards/intro/Jane.yaml' and"
                + " 'awards/intro/jane.yaml' differ only in case: Windows and macOS hold one of"
                + " them, so the repository cannot be checked out there\n"
                + "  hint: rename or remove one of them",
            "awards/intro/jane.yaml:1:1: error[BSG008]: 'awards/intro/Jane.yaml' and"
                + " 'awards/intro/jane.yaml' differ only in case: Windows and macOS hold one of"
                + " them, so the repository cannot be checked out there\n"
                + "  hint: rename or remove one of them");
    assertThat(build.diagnostics()).isEqualTo(check.diagnostics());
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
