package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden sites: each {@code src/test/resources/sites/<case>/input} builds to exactly the tree in
 * {@code expected/}. {@code -Dgolden.update=true} rewrites {@code expected/}; review it as a diff.
 */
class GoldenSiteTest {
  private static final Path SITES = TestSites.resources("sites");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(SITES)) {
      return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsExactlyTheExpectedTree(String name, @TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Report report = Badgesmith.builder().build().build(SITES.resolve(name).resolve("input"), out);
    assertThat(report.diagnostics()).isEmpty();

    Path expectedDir = SITES.resolve(name).resolve("expected");
    if (Boolean.getBoolean("golden.update")) {
      TestSites.read(expectedDir).keySet().forEach(p -> expectedDir.resolve(p).toFile().delete());
      TestSites.copy(out, expectedDir);
    }
    Map<String, byte[]> actual = TestSites.read(out);
    Map<String, byte[]> expected = TestSites.read(expectedDir);
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    for (String path : expected.keySet()) {
      assertThat(new String(actual.get(path), StandardCharsets.UTF_8))
          .as(path)
          .isEqualTo(new String(expected.get(path), StandardCharsets.UTF_8));
    }
  }
}
