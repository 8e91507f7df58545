package dev.badgesmith.bench;

import dev.badgesmith.bench.BenchProcesses.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When building a site in shards pays: a harness, not a test. It writes {@link BenchSites}' site of
 * N awards (default 100,000) over 50 SVG badge classes, builds it in one new JVM, then for each
 * split (1, 2 and 4 shards by default) builds every shard in a new JVM with a cache of its own, as
 * the jobs of a CI matrix run on fresh runners, and merges them in one more. The shards run one
 * after another here; on a matrix they run at once, so the time a deployment waits is the slowest
 * shard's plus the merge's. Every JVM has {@code -Xmx1g}.
 *
 * <p>{@code warm} times what a CI job does with its cache restored: every build and merge runs once
 * untimed to fill its cache, then again, timed, into an empty output folder. Without it each run
 * starts with an empty cache, as a job's first run does. Outputs are set aside, not deleted, until
 * the end ({@link BenchProcesses#setAside}): at 100,000 awards, about 3 GB each.
 *
 * <pre>mvn -B -pl templates,generator -Pbench package -DskipTests -Dbench=ShardBenchmark
 *     [-Dbench.args="100000 1,2,4 [certificates] [warm]"]</pre>
 */
public final class ShardBenchmark {
  private final Path work;
  private final boolean warm;

  private ShardBenchmark(Path work, boolean warm) {
    this.work = work;
    this.warm = warm;
  }

  public static void main(String[] args) throws IOException {
    int awards = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    List<Integer> splits = new ArrayList<>();
    for (String split : (args.length > 1 ? args[1] : "1,2,4").split(",")) {
      splits.add(Integer.parseInt(split.trim()));
    }
    List<String> options = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
    boolean certificates = options.contains("certificates");
    boolean warm = options.contains("warm");
    Path work = Files.createTempDirectory("badgesmith-shards");
    try {
      Path site = work.resolve("site");
      BenchSites.writeBadgeSite(site, awards, certificates);
      System.out.printf(
          Locale.ROOT,
          "site of %,d awards over %d badge classes (%s), %d threads, -Xmx1g, each run a new"
              + " JVM %s (load %s)%n",
          awards,
          BenchSites.BADGES,
          certificates ? "with certificates" : "no certificates",
          Runtime.getRuntime().availableProcessors(),
          warm ? "with its cache warm, into an empty output folder" : "with an empty cache",
          BenchProcesses.loadAverage());
      new ShardBenchmark(work, warm).measure(site, splits);
    } finally {
      SiteBenchmark.delete(work);
    }
  }

  private void measure(Path site, List<Integer> splits) throws IOException {
    Timing single =
        run("one build", List.of("build", site.toString(), "--out", out("one").toString()));
    for (int count : splits) {
      long slowest = 0;
      long cpu = 0;
      List<String> merge = new ArrayList<>(List.of("merge", site.toString()));
      StringBuilder each = new StringBuilder();
      for (int k = 1; k <= count; k++) {
        Path out = out("shards-" + count + "/shard-" + k);
        Timing shard =
            run(
                "shard " + k + "/" + count,
                List.of(
                    "build", site.toString(), "--shard", k + "/" + count, "--out", out.toString()));
        slowest = Math.max(slowest, shard.millis());
        cpu += shard.cpuMillis();
        each.append(each.isEmpty() ? "" : ", ")
            .append(String.format(Locale.ROOT, "%,d", shard.millis()));
        merge.add(out.toString());
      }
      merge.addAll(List.of("--out", out("merged-" + count).toString()));
      Timing merging = run("merge of " + count, merge);
      System.out.printf(
          Locale.ROOT,
          "%d shard%s    slowest %,8d ms  + merge %,7d ms  = %,8d ms waited"
              + "  (%.2fx one build; shards %s ms; CPU %,d ms in all, load %s)%n",
          count,
          count == 1 ? " " : "s",
          slowest,
          merging.millis(),
          slowest + merging.millis(),
          (slowest + merging.millis()) / (double) single.millis(),
          each,
          cpu + merging.cpuMillis(),
          BenchProcesses.loadAverage().split(" ")[0]);
      BenchProcesses.setAside(work.resolve("shards-" + count));
      BenchProcesses.setAside(work.resolve("merged-" + count));
    }
  }

  private Path out(String name) {
    return work.resolve(name);
  }

  /**
   * One command in a new JVM with a cache of its own, timed from start to exit; when warm, after a
   * first run that fills the cache, into its output folder emptied again.
   */
  private Timing run(String what, List<String> arguments) throws IOException {
    Path cache = Files.createTempDirectory(work, "cache");
    List<String> command = new ArrayList<>();
    command.add(BenchProcesses.java());
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(SiteBenchmark.classPath());
    command.add("dev.badgesmith.cli.Main");
    command.addAll(arguments);
    command.addAll(List.of("--cache", cache.toString()));
    Path out = Path.of(arguments.get(arguments.indexOf("--out") + 1));
    if (warm) {
      BenchProcesses.timed(command, Map.of());
      BenchProcesses.setAside(out);
    }
    Timing timing = BenchProcesses.timed(command, Map.of());
    BenchProcesses.setAside(cache);
    System.out.printf(
        Locale.ROOT, "  %-24s %,8d ms  CPU %,8d ms%n", what, timing.millis(), timing.cpuMillis());
    return timing;
  }
}
