package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards built apart and merged give the site one build gives, byte for byte. */
class ShardMergeTest {
  private static final Path EXAMPLE = Path.of("../example-site").toAbsolutePath().normalize();
  private static final Instant DATE = Instant.parse("2026-06-01T00:00:00Z");
  private static final String RECORD = "badgesmith-shard.json";

  private static Badgesmith generator(Path cache) {
    return Badgesmith.builder()
        .buildDate(DATE)
        .keysDirectory(Path.of("../example-keys").toAbsolutePath().normalize())
        .cacheDirectory(cache)
        .build();
  }

  @Test
  void mergedShardsAreTheSiteOneBuildGives(@TempDir Path tmp) throws Exception {
    Path site = tmp.resolve("site");
    TestSites.copy(EXAMPLE, site);
    assertThat(generator(tmp.resolve("cache-one")).build(site, tmp.resolve("one")).hasErrors())
        .isFalse();
    Map<String, byte[]> one = TestSites.read(tmp.resolve("one"));

    int count = 3;
    List<Path> shards =
        IntStream.rangeClosed(1, count).mapToObj(k -> tmp.resolve("shard-" + k)).toList();
    Set<String> badgesSeen = new TreeSet<>();
    for (int k = 1; k <= count; k++) {
      // Each shard on a machine of its own: a cache of its own.
      Shard shard = new Shard(k, count);
      Report report = generator(tmp.resolve("cache-" + k)).build(site, shards.get(k - 1), shard);
      assertThat(report.hasErrors()).isFalse();
      assertThat(shards.get(k - 1).resolve(RECORD)).isRegularFile();
      // A shard holds its own badge classes' awards, none of another's.
      for (String path : TestSites.read(shards.get(k - 1)).keySet()) {
        if (path.startsWith("assertions/") && path.endsWith(".json")) {
          String badge = path.split("/")[1];
          assertThat(shard.owns(badge)).as(path + " in shard " + shard).isTrue();
          badgesSeen.add(badge);
        }
      }
    }
    assertThat(badgesSeen).containsExactlyInAnyOrder(badges(site));

    Path merged = tmp.resolve("merged");
    Report report = generator(tmp.resolve("cache-merge")).merge(site, shards, merged);
    assertThat(report.hasErrors()).isFalse();
    Map<String, byte[]> two = TestSites.read(merged);
    assertThat(two.keySet()).containsExactlyElementsOf(one.keySet());
    one.forEach((path, bytes) -> assertThat(two.get(path)).as(path).isEqualTo(bytes));
    // An award's files are the shard's own, linked rather than copied, on one file system.
    String award = awardFile(two.keySet());
    Path owner =
        shards.stream().filter(s -> Files.exists(s.resolve(award))).findFirst().orElseThrow();
    assertThat(Files.isSameFile(merged.resolve(award), owner.resolve(award))).isTrue();

    // Merged again over its own output: the same site, every unchanged file left as it was.
    Report again = generator(tmp.resolve("cache-merge")).merge(site, shards, merged);
    assertThat(again.hasErrors()).isFalse();
    Map<String, byte[]> three = TestSites.read(merged);
    assertThat(three.keySet()).containsExactlyElementsOf(one.keySet());
    one.forEach((path, bytes) -> assertThat(three.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void aShardFileNotAsItsBuildWroteItIsRefused(@TempDir Path tmp) throws Exception {
    Path site = tmp.resolve("site");
    TestSites.copy(EXAMPLE, site);
    List<Path> shards = List.of(tmp.resolve("shard-1"), tmp.resolve("shard-2"));
    for (int k = 1; k <= 2; k++) {
      generator(tmp.resolve("cache-" + k)).build(site, shards.get(k - 1), new Shard(k, 2));
    }
    Path shard = shards.get(0);
    String award = awardFile(TestSites.read(shard).keySet());
    Files.write(shard.resolve(award), new byte[] {'\n'}, StandardOpenOption.APPEND);
    Path merged = tmp.resolve("merged");
    assertThatThrownBy(() -> generator(tmp.resolve("cache")).merge(site, shards, merged))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("lacks " + award)
        .hasMessageContaining("as its build wrote it");
    assertThat(merged).doesNotExist();

    // A shard without its manifest cannot vouch for its files.
    Files.delete(shards.get(1).resolve("manifest.json"));
    assertThatThrownBy(() -> generator(tmp.resolve("cache")).merge(site, shards, merged))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("has no manifest.json");
  }

  private static String awardFile(Set<String> paths) {
    return paths.stream()
        .filter(p -> p.startsWith("assertions/") && p.endsWith(".json"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aMissingShardOrOneOfOtherSourcesIsRefusedAndNothingIsWritten(@TempDir Path tmp)
      throws Exception {
    Path site = tmp.resolve("site");
    TestSites.copy(EXAMPLE, site);
    Path first = tmp.resolve("shard-1");
    Path second = tmp.resolve("shard-2");
    generator(tmp.resolve("cache")).build(site, first, new Shard(1, 2));
    Path merged = tmp.resolve("merged");

    assertThatThrownBy(() -> generator(tmp.resolve("cache")).merge(site, List.of(first), merged))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("shard 2/2 is missing");
    assertThatThrownBy(
            () -> generator(tmp.resolve("cache")).merge(site, List.of(first, first), merged))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("given twice");

    // The second shard is built after the site changed: it is not the site being merged.
    Path yaml = site.resolve("site.yaml");
    String before = Files.readString(yaml);
    Files.writeString(yaml, before.replace("title: Rustacean Guild Badges", "title: Another"));
    generator(tmp.resolve("cache")).build(site, second, new Shard(2, 2));
    Files.writeString(yaml, before);
    assertThatThrownBy(
            () -> generator(tmp.resolve("cache")).merge(site, List.of(first, second), merged))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("shard 2/2 was built from other sources");
    assertThat(merged).doesNotExist();

    // A folder that no shard's build wrote.
    assertThatThrownBy(
            () -> generator(tmp.resolve("cache")).merge(site, List.of(first, site), merged))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("not the output of a shard's build");
  }

  @Test
  void aShardIsTwoWholeNumbersKOfN() {
    assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
    assertThat(Shard.parse("2/4").toString()).isEqualTo("2/4");
    for (String bad : List.of("0/2", "3/2", "1", "a/2", "1/2/3", "-1/2")) {
      assertThatThrownBy(() -> Shard.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a shard");
    }
    // Every badge class falls to exactly one shard of a split.
    for (String badge : List.of("mentor", "code-reviewer", "a", "z-9")) {
      assertThat(IntStream.rangeClosed(1, 4).filter(k -> new Shard(k, 4).owns(badge)).count())
          .as(badge)
          .isEqualTo(1);
    }
  }

  private static String[] badges(Path site) throws Exception {
    try (var files = Files.list(site.resolve("awards"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }
}
