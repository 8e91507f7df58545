package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.bake.Baked;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.testing.TestSites;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden sites: each folder {@code src/test/resources/sites/<case>/} holds a site, {@code input/},
 * that builds to exactly the tree in {@code expected/}, with exactly the diagnostics of {@code
 * diagnostics.txt} (none when it is absent). The build sees the variables of {@code
 * environment.properties} (none when it is absent) and reads private keys from {@code
 * src/test/resources/keys/}, outside every site. {@code -Dgolden.update=true} rewrites {@code
 * expected/} and {@code diagnostics.txt}; review them as a diff.
 */
class GoldenSiteTest {
  private static final Path SITES = TestSites.resources("sites");

  /** Fixed test keys, published on purpose: what they sign proves nothing. */
  private static final Path KEYS = TestSites.resources("keys");

  /** Pinned, so pages that tell expired awards stay the same whenever the test runs. */
  static final Instant BUILD_DATE = Instant.parse("2026-06-01T00:00:00Z");

  /** Unchanged lines shown before and after a difference. */
  private static final int CONTEXT = 3;

  /** At most this many expected, and built, lines of a difference are shown. */
  private static final int MAX_HUNK = 20;

  /** Characters of a long line shown around the first column that differs. */
  private static final int WINDOW = 160;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(SITES)) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsExactlyTheExpectedTree(String name, @TempDir Path tmp) throws IOException {
    Path site = SITES.resolve(name);
    Path out = tmp.resolve("out");
    Report report =
        Badgesmith.builder()
            .buildDate(BUILD_DATE)
            .environment(environment(site.resolve("environment.properties")))
            .keysDirectory(KEYS)
            .build()
            .build(site.resolve("input"), out);
    String diagnostics =
        report.diagnostics().stream().map(d -> d.format() + "\n").reduce("", String::concat);

    Path expectedDir = site.resolve("expected");
    Path diagnosticsFile = site.resolve("diagnostics.txt");
    if (Boolean.getBoolean("golden.update")) {
      TestSites.read(expectedDir).keySet().forEach(p -> expectedDir.resolve(p).toFile().delete());
      TestSites.copy(out, expectedDir);
      Files.deleteIfExists(diagnosticsFile);
      if (!diagnostics.isEmpty()) {
        Files.writeString(diagnosticsFile, diagnostics, StandardCharsets.UTF_8);
      }
    }
    String expectedDiagnostics =
        Files.exists(diagnosticsFile)
            ? Files.readString(diagnosticsFile, StandardCharsets.UTF_8)
            : "";
    assertThat(diagnostics).as("diagnostics of " + name).isEqualTo(expectedDiagnostics);

    Map<String, byte[]> actual = TestSites.read(out);
    Map<String, byte[]> expected = TestSites.read(expectedDir);
    Set<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(actual.keySet());
    Set<String> unexpected = new TreeSet<>(actual.keySet());
    unexpected.removeAll(expected.keySet());
    assertThat(missing).as("files of %s/expected/ that the build did not write", name).isEmpty();
    assertThat(unexpected).as("files the build wrote that %s/expected/ lacks", name).isEmpty();

    Map<String, String> differences = new TreeMap<>();
    for (String path : expected.keySet()) {
      difference(path, actual.get(path), expected.get(path), expected.keySet())
          .ifPresent(d -> differences.put(path, d));
    }
    if (!differences.isEmpty()) {
      String first = differences.keySet().iterator().next();
      fail(
          "%s/expected/%s differs from the build (%d differing file%s: %s)%n%s",
          name,
          first,
          differences.size(),
          differences.size() == 1 ? "" : "s",
          differences.keySet(),
          differences.get(first));
    }
  }

  /** The variables a case's build sees. */
  private static Map<String, String> environment(Path file) throws IOException {
    Map<String, String> environment = new TreeMap<>();
    if (Files.exists(file)) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      properties.stringPropertyNames().forEach(k -> environment.put(k, properties.getProperty(k)));
    }
    return environment;
  }

  /** How a built file differs from the expected one, or nothing when it does not. */
  private static Optional<String> difference(
      String path, byte[] actual, byte[] expected, Set<String> files) throws IOException {
    if (Arrays.equals(actual, expected)) {
      return Optional.empty();
    }
    if (rendered(path, files)) {
      return renderedPngDifference(actual, expected);
    }
    if (path.equals("manifest.json")) {
      String a = withoutRenderedPngDigests(actual, files);
      String e = withoutRenderedPngDigests(expected, files);
      return a.equals(e) ? Optional.empty() : Optional.of(textDiff(e, a));
    }
    Optional<String> a = utf8(actual);
    Optional<String> e = utf8(expected);
    if (a.isPresent() && e.isPresent() && !path.endsWith(".png")) {
      return Optional.of(textDiff(e.get(), a.get()));
    }
    int at = Arrays.mismatch(actual, expected);
    return Optional.of(
        "binary files differ: expected %d bytes, built %d; first difference at byte %d"
            .formatted(expected.length, actual.length, at));
  }

  /**
   * Whether the generator drew this PNG with Batik: a social card, the PNG rendered from an SVG
   * design, or an award baked into that PNG. Their pixels depend on the machine's fonts and Java's
   * rasteriser (README, "Rendering limits"), so they are compared by what must not change: their
   * size and the Open Badges data baked into them. Their exact bytes are checked by the determinism
   * test, on one machine. Every other file, PNG designs and awards baked into them included, is
   * compared byte for byte.
   */
  private static boolean rendered(String path, Set<String> files) {
    if (!path.endsWith(".png")) {
      return false;
    }
    String[] parts = path.substring(0, path.length() - ".png".length()).split("/");
    if (parts.length == 3 && parts[0].equals("badges") && parts[2].equals("card")) {
      return true;
    }
    String badge;
    if (parts.length == 2 && parts[0].equals("badges")) {
      badge = parts[1];
    } else if (parts.length == 3
        && (parts[0].equals("assertions") || parts[0].equals("credentials"))) {
      badge = parts[1];
    } else {
      return false;
    }
    return files.contains("badges/" + badge + ".svg");
  }

  private static Optional<String> renderedPngDifference(byte[] actual, byte[] expected)
      throws IOException {
    BufferedImage a = ImageIO.read(new ByteArrayInputStream(actual));
    BufferedImage e = ImageIO.read(new ByteArrayInputStream(expected));
    if (a == null || e == null) {
      return Optional.of(
          a == null ? "the built PNG does not decode" : "the expected PNG does not decode");
    }
    if (a.getWidth() != e.getWidth() || a.getHeight() != e.getHeight()) {
      return Optional.of(
          "a rendered PNG of %d x %d pixels, expected %d x %d"
              .formatted(a.getWidth(), a.getHeight(), e.getWidth(), e.getHeight()));
    }
    List<Baked> builtData = BakedImages.extract(actual);
    List<Baked> expectedData = BakedImages.extract(expected);
    return builtData.equals(expectedData)
        ? Optional.empty()
        : Optional.of(
            "the data baked into a rendered PNG differs:%n%s"
                .formatted(textDiff(expectedData.toString(), builtData.toString())));
  }

  /** The manifest with the digests and sizes of rendered PNGs left out, for the same reason. */
  private static String withoutRenderedPngDigests(byte[] manifest, Set<String> files)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode tree = mapper.readTree(manifest);
    for (JsonNode file : tree.path("files")) {
      if (rendered(file.path("path").asText(), files)) {
        ((ObjectNode) file).remove(List.of("sha256", "size"));
      }
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * The first run of lines that differ, as in a unified diff: {@code -} lines expected, {@code +}
   * lines built, with a few lines of context; a long line is shown around its first difference.
   */
  static String textDiff(String expected, String actual) {
    List<String> e = Arrays.asList(expected.split("\n", -1));
    List<String> a = Arrays.asList(actual.split("\n", -1));
    int start = 0;
    while (start < e.size() && start < a.size() && e.get(start).equals(a.get(start))) {
      start++;
    }
    int endE = e.size();
    int endA = a.size();
    while (endE > start && endA > start && e.get(endE - 1).equals(a.get(endA - 1))) {
      endE--;
      endA--;
    }
    int column = 0;
    if (start < endE && start < endA) {
      String x = e.get(start);
      String y = a.get(start);
      while (column < x.length() && column < y.length() && x.charAt(column) == y.charAt(column)) {
        column++;
      }
    }
    int from = Math.max(0, column - WINDOW / 2);
    List<String> lines = new ArrayList<>();
    lines.add("@@ line %d (- expected, + built) @@".formatted(start + 1));
    for (int i = Math.max(0, start - CONTEXT); i < start; i++) {
      lines.add("  " + clip(e.get(i), from));
    }
    hunk(lines, "- ", e, start, endE, from);
    hunk(lines, "+ ", a, start, endA, from);
    for (int i = endE; i < Math.min(e.size(), endE + CONTEXT); i++) {
      lines.add("  " + clip(e.get(i), from));
    }
    return String.join("\n", lines);
  }

  private static void hunk(
      List<String> lines, String mark, List<String> text, int start, int end, int from) {
    for (int i = start; i < Math.min(end, start + MAX_HUNK); i++) {
      lines.add(mark + clip(text.get(i), from));
    }
    if (end - start > MAX_HUNK) {
      lines.add(mark + "... %d more lines".formatted(end - start - MAX_HUNK));
    }
  }

  private static String clip(String line, int from) {
    if (line.length() <= WINDOW) {
      return line;
    }
    int begin = Math.min(from, Math.max(0, line.length() - WINDOW));
    int end = Math.min(line.length(), begin + WINDOW);
    return (begin > 0 ? "..." : "")
        + line.substring(begin, end)
        + (end < line.length() ? "..." : "");
  }
}
