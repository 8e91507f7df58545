package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken sites that must fail with exact diagnostics. Each case in {@code
 * src/test/resources/invalid/} changes the minimal valid site: its files replace or add files,
 * {@code -- @delete} lists files to remove, and {@code -- @expected} holds the exact output. {@code
 * -Dgolden.update=true} rewrites the expected lines, to be reviewed as a diff.
 */
class InvalidSitesTest {
  private static final Path CASES = TestSites.resources("invalid");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".txt"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsEveryProblemAndWritesNothing(String name, @TempDir Path tmp) throws IOException {
    Path file = CASES.resolve(name);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int expectedAt = text.indexOf("-- @expected\n");
    String overlay = text.substring(0, expectedAt);
    String expected = text.substring(expectedAt + "-- @expected\n".length());
    String before = text.substring(0, expectedAt);
    Path site = tmp.resolve("site");
    TestSites.unpack(site, TestSites.MINIMAL);
    int deleteAt = overlay.indexOf("-- @delete\n");
    if (deleteAt >= 0) {
      String rest = overlay.substring(deleteAt + "-- @delete\n".length());
      int next = rest.indexOf("\n-- ");
      for (String path : (next < 0 ? rest : rest.substring(0, next)).strip().split("\n")) {
        Files.delete(site.resolve(path));
      }
      overlay = overlay.substring(0, deleteAt) + (next < 0 ? "" : rest.substring(next + 1));
    }
    TestSites.unpack(site, overlay);

    Path out = tmp.resolve("out");
    Report report = Badgesmith.builder().build().build(site, out);

    List<String> lines = new ArrayList<>();
    report.diagnostics().stream().map(Diagnostic::format).forEach(lines::add);
    String actual = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, before + "-- @expected\n" + actual, StandardCharsets.UTF_8);
      expected = actual;
    }
    assertThat(report.hasErrors()).as("the site has errors").isTrue();
    assertThat(actual).isEqualTo(expected);
    assertThat(out).doesNotExist();
    assertThat(Badgesmith.builder().build().check(site).diagnostics())
        .isEqualTo(report.diagnostics());
  }
}
