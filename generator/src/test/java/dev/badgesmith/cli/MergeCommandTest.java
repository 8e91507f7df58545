package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code badgesmith build --shard K/N} and {@code badgesmith merge}, as a CI matrix runs them. */
class MergeCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void shardsBuiltOneByOneMergeIntoTheSiteOneBuildGives(@TempDir Path tmp) {
    Path site = TestSites.resources("sites/guild/input");
    String date = "2026-06-01";
    Path one = tmp.resolve("one");
    assertThat(run("build", site.toString(), "--date", date, "--out", one.toString()))
        .as(err.toString())
        .isZero();
    for (int k = 1; k <= 2; k++) {
      Path shard = tmp.resolve("shard-" + k);
      assertThat(
              run(
                  "build",
                  site.toString(),
                  "--date",
                  date,
                  "--shard",
                  k + "/2",
                  "--out",
                  shard.toString()))
          .as(err.toString())
          .isZero();
      assertThat(out.toString()).contains("Shard " + k + "/2: merge it with `badgesmith merge`");
    }
    Path merged = tmp.resolve("merged");
    assertThat(
            run(
                "merge",
                site.toString(),
                tmp.resolve("shard-1").toString(),
                tmp.resolve("shard-2").toString(),
                "--date",
                date,
                "--out",
                merged.toString(),
                "--timings"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .containsPattern("(?m)^  scan +[0-9,]+ ms$")
        .containsPattern("(?m)^  render +[0-9,]+ ms$")
        .containsPattern("(?m)^  whole process so far +[0-9,]+ ms$");
    Map<String, byte[]> expected = TestSites.read(one);
    Map<String, byte[]> actual = TestSites.read(merged);
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void aShardThatIsNotKOfNIsAUsageError(@TempDir Path tmp) {
    Path site = TestSites.resources("sites/guild/input");
    assertThat(run("build", site.toString(), "--shard", "3/2", "--out", tmp.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("not a shard: 3/2 (K/N, with 1 <= K <= N)");
  }

  @Test
  void aMissingShardIsSaidWithoutAStackTrace(@TempDir Path tmp) {
    Path site = TestSites.resources("sites/guild/input");
    Path shard = tmp.resolve("shard-1");
    assertThat(run("build", site.toString(), "--shard", "1/2", "--out", shard.toString())).isZero();
    assertThat(
            run("merge", site.toString(), shard.toString(), "--out", tmp.resolve("m").toString()))
        .isNotZero();
    assertThat(err.toString())
        .contains("shard 2/2 is missing: give the output folder of every shard")
        .doesNotContain("Exception");
  }
}
