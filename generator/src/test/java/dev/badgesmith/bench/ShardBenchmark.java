package dev.badgesmith.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When building a site in shards pays: a harness, not a test. It writes a site of N awards (default
 * 100,000) over 50 SVG badge classes, builds it in one new JVM, then for each split (1, 2 and 4
 * shards by default) builds every shard in a new JVM with a cache of its own, as the jobs of a CI
 * matrix run on fresh runners, and merges them in one more. The shards run one after another here;
 * on a matrix they run at once, so the time a deployment waits is the slowest shard's plus the
 * merge's. Every JVM has {@code -Xmx1g}.
 *
 * <pre>mvn -B -pl templates,generator -Pbench package -DskipTests -Dbench=ShardBenchmark
 *     [-Dbench.args="100000 1,2,4 [certificates]"]</pre>
 */
public final class ShardBenchmark {
  private static final int BADGES = 50;

  public static void main(String[] args) throws IOException {
    int awards = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    List<Integer> splits = new ArrayList<>();
    for (String split : (args.length > 1 ? args[1] : "1,2,4").split(",")) {
      splits.add(Integer.parseInt(split.trim()));
    }
    boolean certificates = args.length > 2 && args[2].equals("certificates");
    Path work = Files.createTempDirectory("badgesmith-shards");
    try {
      Path site = work.resolve("site");
      writeSite(site, awards, certificates);
      System.out.printf(
          Locale.ROOT,
          "site of %,d awards over %d badge classes (%s), %d threads, -Xmx1g, each run a new"
              + " JVM with an empty cache%n",
          awards,
          BADGES,
          certificates ? "with certificates" : "no certificates",
          Runtime.getRuntime().availableProcessors());
      long single =
          run(List.of("build", site.toString(), "--out", work.resolve("one").toString()), work);
      System.out.printf(Locale.ROOT, "%-12s %,8d ms%n", "one build", single);
      for (int count : splits) {
        long slowest = 0;
        long total = 0;
        List<String> merge = new ArrayList<>(List.of("merge", site.toString()));
        StringBuilder each = new StringBuilder();
        for (int k = 1; k <= count; k++) {
          Path out = work.resolve("shards-" + count + "/shard-" + k);
          long millis =
              run(
                  List.of(
                      "build",
                      site.toString(),
                      "--shard",
                      k + "/" + count,
                      "--out",
                      out.toString()),
                  work);
          slowest = Math.max(slowest, millis);
          total += millis;
          each.append(each.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%,d", millis));
          merge.add(out.toString());
        }
        merge.addAll(List.of("--out", work.resolve("merged-" + count).toString()));
        long merging = run(merge, work);
        System.out.printf(
            Locale.ROOT,
            "%d shard%s    slowest %,8d ms  + merge %,7d ms  = %,8d ms waited"
                + "  (%.2fx one build; shards %s ms, %,d ms of runner time in all)%n",
            count,
            count == 1 ? " " : "s",
            slowest,
            merging,
            slowest + merging,
            (slowest + merging) / (double) single,
            each,
            total + merging);
        SiteBenchmark.delete(work.resolve("shards-" + count));
        SiteBenchmark.delete(work.resolve("merged-" + count));
      }
    } finally {
      SiteBenchmark.delete(work);
    }
  }

  /** One command in a new JVM with a cache of its own, timed from start to exit. */
  private static long run(List<String> arguments, Path work) throws IOException {
    Path cache = Files.createTempDirectory(work, "cache");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(SiteBenchmark.classPath());
    command.add("dev.badgesmith.cli.Main");
    command.addAll(arguments);
    command.addAll(List.of("--cache", cache.toString()));
    long millis = SiteBenchmark.timed(command, Map.of()).millis();
    SiteBenchmark.delete(cache);
    return millis;
  }

  private static void writeSite(Path site, int awards, boolean certificates) throws IOException {
    SiteBenchmark.write(
        site.resolve("site.yaml"),
        "title: Benchmark Guild\nbaseUrl: https://bench.example.org/\ntimeZone: UTC\n"
            + (certificates ? "" : "pages:\n  certificates: false\n"));
    SiteBenchmark.write(
        site.resolve("issuers/guild.yaml"),
        "name: Benchmark Guild\nurl: https://bench.example.org/\nemail: badges@bench.example.org\n");
    for (int b = 0; b < BADGES; b++) {
      SiteBenchmark.write(
          site.resolve("badges/badge-" + b + ".md"),
          "---\nname: Badge "
              + b
              + "\ndescription: A badge for the benchmark.\nvalidFor: P2Y\n---\n"
              + "Do the **work**.\n");
      SiteBenchmark.write(
          site.resolve("badges/badge-" + b + ".svg"),
          String.format(
              Locale.ROOT,
              "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 512 512\"><circle"
                  + " cx=\"256\" cy=\"256\" r=\"240\" fill=\"#%06x\"/><path d=\"M150 260 L230"
                  + " 340 L370 180\" stroke=\"#fff\" stroke-width=\"40\" fill=\"none\"/></svg>%n",
              (0x204060 + b * 0x030507) & 0x7f7f7f));
    }
    for (int i = 0; i < awards; i++) {
      SiteBenchmark.write(
          site.resolve("awards/badge-" + (i % BADGES) + "/learner-" + i + ".yaml"),
          "recipient:\n  email: learner-"
              + i
              + "@example.org\nissuedOn: 2025-"
              + String.format(Locale.ROOT, "%02d-%02d", 1 + i % 12, 1 + i % 28)
              + "\nevidence:\n  - url: https://code.example.net/learner-"
              + i
              + "\n    name: Work\n");
    }
  }
}
