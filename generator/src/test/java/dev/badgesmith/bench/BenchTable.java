package dev.badgesmith.bench;

import dev.badgesmith.bench.BenchProcesses.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown table {@link HugoBenchmark} prints: each work's times, their ratio and its goal. */
final class BenchTable {
  private final List<String> table = new ArrayList<>();

  /** A line of the table as it is. */
  void add(String line) {
    table.add(line);
  }

  List<String> lines() {
    return List.copyOf(table);
  }

  /**
   * A row of the table: the median wall-clock time of our runs (and Hugo's), with the CPU time the
   * process used, which a busy machine disturbs less; the goal is held to the wall-clock time.
   */
  void row(
      String work,
      List<Timing> ours,
      List<Timing> theirs,
      String goal,
      double limit,
      boolean ratioGoal) {
    long mine = median(ours, Timing::millis);
    String ratio = "";
    String status;
    if (theirs.isEmpty()) {
      status = ratioGoal ? "no Hugo" : status(mine <= limit);
    } else {
      long hers = median(theirs, Timing::millis);
      ratio =
          String.format(
              Locale.ROOT,
              "%.1fx (CPU %.1fx)",
              mine / (double) hers,
              median(ours, Timing::cpuMillis) / (double) median(theirs, Timing::cpuMillis));
      status = status(ratioGoal ? mine <= limit * hers : mine <= limit);
    }
    table.add(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s |",
            work,
            cell(ours),
            theirs.isEmpty() ? "" : cell(theirs),
            ratio,
            goal,
            status));
  }

  /** The median wall-clock time, the range of several runs, and the median CPU time. */
  static String cell(List<Timing> runs) {
    String range = "";
    if (runs.size() > 1) {
      List<Long> sorted = runs.stream().map(Timing::millis).sorted().toList();
      range =
          String.format(
              Locale.ROOT,
              " (%.2f-%.2f)",
              sorted.get(0) / 1000.0,
              sorted.get(sorted.size() - 1) / 1000.0);
    }
    return seconds(median(runs, Timing::millis))
        + range
        + ", CPU "
        + seconds(median(runs, Timing::cpuMillis));
  }

  static String status(boolean met) {
    return met ? "met" : "**missed**";
  }

  static long median(List<Timing> runs, java.util.function.ToLongFunction<Timing> value) {
    long[] sorted = runs.stream().mapToLong(value).sorted().toArray();
    int half = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }

  static long mb(long bytes) {
    return bytes / (1024 * 1024);
  }
}
