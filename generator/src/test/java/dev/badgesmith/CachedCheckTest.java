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
 * A check with a cache is as strict as one without: every broken site of {@code
 * src/test/resources/invalid/} gives the same diagnostics when checked with an empty cache, and
 * again when the cache holds what the first check kept (the awards, the SVG designs' checks, the
 * rendered designs).
 */
class CachedCheckTest {
  private static final Path CASES = TestSites.resources("invalid");

  private static final Map<String, String> ENVIRONMENT =
      Map.of("BADGESMITH_CACHE_KEY", "a key of this test");

  static Stream<String> cases() throws IOException {
    return InvalidSitesTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aCachedCheckFindsWhatAnUncachedOneFinds(String name, @TempDir Path tmp) throws IOException {
    String text = Files.readString(CASES.resolve(name), StandardCharsets.UTF_8);
    String overlay = text.substring(0, text.indexOf("-- @expected\n"));
    Path site = tmp.resolve("site");
    TestSites.unpackCase(site, overlay);

    Report plain = Badgesmith.builder().environment(ENVIRONMENT).build().check(site);
    Badgesmith cached =
        Badgesmith.builder().environment(ENVIRONMENT).cacheDirectory(tmp.resolve("cache")).build();
    Report first = cached.check(site);
    Report second = cached.check(site);

    assertThat(plain.hasErrors()).as("the site has errors").isTrue();
    assertThat(first.diagnostics()).isEqualTo(plain.diagnostics());
    assertThat(second.diagnostics()).isEqualTo(plain.diagnostics());
  }
}
