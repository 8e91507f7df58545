package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.testing.TestSites;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden sites: each {@code src/test/resources/sites/<case>/input} builds to exactly the tree in
 * {@code expected/}. {@code -Dgolden.update=true} rewrites {@code expected/}; review it as a diff.
 */
class GoldenSiteTest {
  private static final Path SITES = TestSites.resources("sites");

  /** Pinned, so pages that tell expired awards stay the same whenever the test runs. */
  static final Instant BUILD_DATE = Instant.parse("2026-06-01T00:00:00Z");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(SITES)) {
      return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsExactlyTheExpectedTree(String name, @TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Report report =
        Badgesmith.builder()
            .buildDate(BUILD_DATE)
            .build()
            .build(SITES.resolve(name).resolve("input"), out);
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();

    Path expectedDir = SITES.resolve(name).resolve("expected");
    if (Boolean.getBoolean("golden.update")) {
      TestSites.read(expectedDir).keySet().forEach(p -> expectedDir.resolve(p).toFile().delete());
      TestSites.copy(out, expectedDir);
    }
    Map<String, byte[]> actual = TestSites.read(out);
    Map<String, byte[]> expected = TestSites.read(expectedDir);
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    for (String path : expected.keySet()) {
      if (path.endsWith(".png")) {
        assertSamePng(path, actual.get(path), expected.get(path));
      } else if (path.equals("manifest.json")) {
        assertThat(withoutPngDigests(actual.get(path)))
            .as(path)
            .isEqualTo(withoutPngDigests(expected.get(path)));
      } else {
        assertThat(new String(actual.get(path), StandardCharsets.UTF_8))
            .as(path)
            .isEqualTo(new String(expected.get(path), StandardCharsets.UTF_8));
      }
    }
  }

  /** The manifest with the digests and sizes of rendered PNGs left out, for the same reason. */
  private static JsonNode withoutPngDigests(byte[] manifest) throws IOException {
    JsonNode tree = new ObjectMapper().readTree(manifest);
    for (JsonNode file : tree.path("files")) {
      if (file.path("path").asText().endsWith(".png")) {
        ((ObjectNode) file).remove(List.of("sha256", "size"));
      }
    }
    return tree;
  }

  /**
   * Rendered PNGs depend on the machine's fonts and Java's rasteriser, so they are compared by what
   * must not change: their size and the Open Badges data baked into them. Their exact bytes are
   * checked by the determinism test, on one machine.
   */
  private static void assertSamePng(String path, byte[] actual, byte[] expected)
      throws IOException {
    BufferedImage a = ImageIO.read(new ByteArrayInputStream(actual));
    BufferedImage e = ImageIO.read(new ByteArrayInputStream(expected));
    assertThat(a).as(path + " decodes").isNotNull();
    assertThat(a.getWidth()).as(path + " width").isEqualTo(e.getWidth());
    assertThat(a.getHeight()).as(path + " height").isEqualTo(e.getHeight());
    assertThat(BakedImages.extract(actual)).as(path).isEqualTo(BakedImages.extract(expected));
  }
}
