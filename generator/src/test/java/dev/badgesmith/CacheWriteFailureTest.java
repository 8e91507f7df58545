package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.diag.Code;
import dev.badgesmith.hash.Sha256;
import dev.badgesmith.testing.TestSites;
import dev.badgesmith.write.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache that cannot be written never fails a run: the site is built whole, as without a cache,
 * and one warning (BSG010) says the next run will redo the work.
 */
class CacheWriteFailureTest {
  private static final Map<String, String> ENVIRONMENT =
      Map.of("BADGESMITH_CACHE_KEY", "a key of this test", "BADGESMITH_SALT_SECRET", "salt");

  @Test
  void aCacheThatCannotBeWrittenIsOneWarningAndTheSiteIsBuiltWhole(@TempDir Path tmp)
      throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path cache = tmp.resolve("cache");
    Path out = tmp.resolve("out");
    Badgesmith cached = Badgesmith.builder().environment(ENVIRONMENT).cacheDirectory(cache).build();
    assertThat(cached.build(site, out).diagnostics()).isEmpty();

    // Every folder of this machine's cache becomes a file: nothing can be written there now.
    Path owned;
    try (Stream<Path> folders = Files.list(cache.resolve("owned"))) {
      owned = folders.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    List<Path> parts;
    try (Stream<Path> files = Files.list(owned)) {
      parts = files.filter(Files::isDirectory).toList();
    }
    assertThat(parts).as("the cache's folders").isNotEmpty();
    for (Path part : parts) {
      SiteWriter.deleteTree(part);
      Files.writeString(part, "not a folder");
    }
    // A new award and a new design: the award cache, the render state, the file index and the
    // rendered PNG all have something to keep.
    TestSites.write(
        site.resolve("awards/intro/ada.yaml"),
        "recipient:\n  email: ada@example.org\nissuedOn: 2025-03-15\n");
    TestSites.write(
        site.resolve("badges/intro.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
            + "<rect width=\"8\" height=\"8\" x=\"1\" y=\"1\"/></svg>\n");

    Report report = cached.build(site, out);
    Report check = cached.check(site);

    for (Report r : List.of(report, check)) {
      assertThat(r.hasErrors()).as(r.diagnostics().toString()).isFalse();
      assertThat(r.diagnostics())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.code()).isEqualTo(Code.CACHE_NOT_WRITTEN);
                assertThat(d.format())
                    .startsWith(
                        cache
                            + ":1:1: warning[BSG010]: the cache could not be written, so the next"
                            + " run will redo work this one did: ")
                    .contains(owned.toString());
              });
    }
    Path fresh = tmp.resolve("fresh");
    assertThat(
            Badgesmith.builder().environment(ENVIRONMENT).build().build(site, fresh).diagnostics())
        .isEmpty();
    assertThat(digests(out)).isEqualTo(digests(fresh));
  }

  /** Each file of a folder by its SHA-256, so two trees compare by their bytes. */
  private static Map<String, String> digests(Path root) {
    Map<String, String> digests = new java.util.TreeMap<>();
    TestSites.read(root).forEach((path, bytes) -> digests.put(path, Sha256.hex(bytes)));
    return digests;
  }
}
