package dev.badgesmith.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.markdown.MarkdownRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages of the small test site, byte for byte. A change to the theme shows up here as a diff to
 * review; {@code -Dgolden.update=true} rewrites the expected files.
 */
class GoldenPagesTest {
  private static final Path EXPECTED = Path.of("src/test/resources/golden/pages/small");

  @Test
  void rendersTheSmallSiteAsTheGoldenFilesSay() throws IOException {
    MemorySink sink = new MemorySink();
    new PageRenderer(new MarkdownRenderer()).render(SampleSite.small(), sink);
    Map<String, byte[]> actual = sink.files();

    if (Boolean.parseBoolean(System.getProperty("golden.update"))) {
      update(actual);
    }
    assertThat(actual.keySet()).containsExactlyElementsOf(expectedPaths());
    for (Map.Entry<String, byte[]> file : actual.entrySet()) {
      String expected = Files.readString(EXPECTED.resolve(file.getKey()), StandardCharsets.UTF_8);
      assertThat(new String(file.getValue(), StandardCharsets.UTF_8))
          .as(file.getKey())
          .isEqualTo(expected);
    }
  }

  private static TreeSet<String> expectedPaths() throws IOException {
    try (Stream<Path> files = Files.walk(EXPECTED)) {
      TreeSet<String> paths = new TreeSet<>();
      files
          .filter(Files::isRegularFile)
          .forEach(f -> paths.add(EXPECTED.relativize(f).toString().replace('\\', '/')));
      return paths;
    }
  }

  private static void update(Map<String, byte[]> actual) throws IOException {
    if (Files.exists(EXPECTED)) {
      try (Stream<Path> old = Files.walk(EXPECTED)) {
        for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    for (Map.Entry<String, byte[]> file : actual.entrySet()) {
      Path target = EXPECTED.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }
}
