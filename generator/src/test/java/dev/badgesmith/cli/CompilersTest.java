package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.OwnJvm;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The compilers a {@code java -jar} run chooses for itself: C2 for digests and big numbers alone,
 * unless the command renders every award of a site of 20,000 awards or more.
 */
class CompilersTest {
  /** A line of {@code -XX:+PrintCompilation} naming a method excluded, and that method. */
  private static final java.util.regex.Pattern EXCLUDED =
      java.util.regex.Pattern.compile("### Excluding compile: (?:static )?([\\w.$]+::\\S+)");

  @TempDir Path tmp;

  @Test
  void countsAYamlFileOrACsvLineAnAwardAndStopsAtTheLimit() throws IOException {
    Path site = tmp.resolve("site");
    Path awards = Files.createDirectories(site.resolve("awards/b"));
    Files.writeString(awards.resolve("a.yaml"), "recipient: {email: a@example.org}\n");
    Files.writeString(awards.resolve("notes.md"), "not an award\n");
    Files.writeString(awards.resolve("many.csv"), "email\n" + "x@example.org\n".repeat(8));

    assertThat(Compilers.hasAwards(site, 10)).isTrue(); // 1 + 9 lines, the header counted
    assertThat(Compilers.hasAwards(site, 11)).isFalse();
    assertThat(Compilers.hasAwards(tmp.resolve("nowhere"), 1)).isFalse();
  }

  @Test
  void keepsAllOfC2OnlyForACommandThatRendersEveryAwardOfALargeSite() throws IOException {
    Path site = tmp.resolve("site");
    Path awards = Files.createDirectories(site.resolve("awards/b"));
    Files.writeString(awards.resolve("many.csv"), "email\n" + "x@example.org\n".repeat(19_999));
    Path published = Files.createDirectories(tmp.resolve("published"));
    Files.writeString(published.resolve("manifest.json"), "{}");
    String s = site.toString();
    String p = published.toString();

    assertThat(large(new Build(), s)).as("into SITE/public, never published").isTrue();
    assertThat(large(new Build(), s, "--out", p)).as("a rebuild").isFalse();
    assertThat(large(new Build(), s, "--out", p, "--render-all")).isTrue();
    assertThat(large(new Build(), s, "--out", p, "--shard", "1/1")).isTrue();
    assertThat(large(new Build(), s, "--shard", "1/2")).as("half of it").isFalse();
    assertThat(large(new Merge(), s, "a", "b")).isTrue();
    assertThat(large(new Check(), s)).isFalse();

    Files.writeString(awards.resolve("one.yaml"), "recipient: {email: a@example.org}\n");
    Files.writeString(awards.resolve("many.csv"), "email\n" + "x@example.org\n".repeat(19_997));
    assertThat(large(new Build(), s)).as("one award short of 20,000").isFalse();
  }

  private static boolean large(Object command, String... args) {
    new CommandLine(command).parseArgs(args);
    return Compilers.rendersLargeSite(command);
  }

  @Test
  void aRunOfItsOwnKeepsC2FromAllButDigestsUnlessTheJvmsOptionsChose() throws Exception {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);

    String chosen = compilations(site, "-Dbadgesmith.jit=auto");
    String asStarted = compilations(site, "-Dbadgesmith.jit=jvm");

    // HotSpot names each method a directive keeps from C2 when it asks for it: never a digest's.
    // The compiler threads print at once, so only the lines no other print broke into are read.
    List<String> excluded =
        chosen
            .lines()
            .map(EXCLUDED::matcher)
            .filter(java.util.regex.Matcher::matches)
            .map(m -> m.group(1))
            .toList();
    assertThat(excluded).isNotEmpty();
    assertThat(excluded)
        .noneMatch(method -> method.matches(".*\\.(SHA2|DigestBase|BigInteger)::.*"));
    assertThat(asStarted).doesNotContain("### Excluding compile:");
  }

  /** What HotSpot prints of its compiling in a build of {@code site} by a JVM of its own. */
  private String compilations(Path site, String property) throws Exception {
    // Low thresholds, for C2 to be asked for many methods in a short run.
    OwnJvm.Run run =
        OwnJvm.badgesmith(
            List.of(
                "-XX:+PrintCompilation",
                "-XX:Tier4InvocationThreshold=100",
                "-XX:Tier4MinInvocationThreshold=50",
                "-XX:Tier4CompileThreshold=100",
                property),
            "build",
            site.toString(),
            "--out",
            tmp.resolve("out-" + property.hashCode()).toString());
    assertThat(run.status()).as(run.printed()).isZero();
    return run.printed();
  }
}
