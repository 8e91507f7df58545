package dev.badgesmith.bench;

import static dev.badgesmith.bench.BenchProcesses.emptied;
import static dev.badgesmith.bench.BenchProcesses.git;
import static dev.badgesmith.bench.BenchProcesses.hugoVersion;
import static dev.badgesmith.bench.BenchProcesses.loadAverage;
import static dev.badgesmith.bench.BenchProcesses.sleep;
import static dev.badgesmith.bench.BenchProcesses.time;

import dev.badgesmith.bench.BenchProcesses.Run;
import dev.badgesmith.bench.BenchProcesses.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Badgesmith side by side with Hugo at the same job, in one run: a harness, not a test. It writes a
 * site of N awards (default 10,000) over 50 badge classes, unsigned and without certificates, and
 * the Hugo site of the same award pages ({@link BenchSites}), then times each piece of work in a
 * new process, from start to exit: {@code java -jar target/badgesmith.jar} and the launcher ({@code
 * src/dist/badgesmith}, its class-data archive made by a first run), against {@code hugo --quiet}
 * (no minifying) where Hugo does the same work. "Caches warm" is a second run: our {@code --cache}
 * after a build, Hugo's {@code --cacheDir} after a build. A run into an empty output folder finds
 * the last run's output set aside, not deleted ({@link BenchProcesses#setAside}). It prints a
 * Markdown table of the work, the times, their ratio and the goal each is held to.
 *
 * <p>Arguments, in any order: the number of awards; {@code runs=R} to time each row R times (the
 * table gives the median); {@code 100k} to also build 100,000 awards with {@code -Xmx1g} and
 * compare time per award and heap with N ({@code big=M} for another size; the heap is read by
 * {@link HeapProbe}, whose build, with an empty cache, is the large site's cold one, untimed);
 * {@code profile} to record the warm full build with JFR and print its {@code --timings} and hot
 * methods; {@code large-only} for the 100,000-award rows alone (with the heap and time per award at
 * N they are compared with); {@code signed-only} for the signed site's rows alone (the launcher's
 * archive made first by an untimed rebuild). Without {@code hugo} on the PATH the Hugo column is
 * skipped, with a message.
 *
 * <pre>mvn -B -pl templates,generator -Pbench package -DskipTests -Dbench=HugoBenchmark
 *     [-Dbench.args="10000 runs=2 100k profile"]</pre>
 */
public final class HugoBenchmark {
  private static final long TRUST_WINDOW = 2100;

  private final Path work;
  private final BenchProcesses tools;
  private final boolean hugo;
  private final int runs;
  private int big = 100_000;
  private final BenchTable table = new BenchTable();
  private int next;

  private HugoBenchmark(Path work, Path jar, Path launcher, boolean hugo, int runs) {
    this.work = work;
    this.tools = new BenchProcesses(jar, launcher, work.resolve("jvm"));
    this.hugo = hugo;
    this.runs = runs;
  }

  public static void main(String[] args) throws IOException {
    List<String> arguments = List.of(args);
    int awards =
        arguments.stream()
            .filter(a -> a.matches("\\d+"))
            .mapToInt(Integer::parseInt)
            .findFirst()
            .orElse(10_000);
    int runs =
        arguments.stream()
            .filter(a -> a.startsWith("runs="))
            .mapToInt(a -> Integer.parseInt(a.substring(5)))
            .findFirst()
            .orElse(1);
    Path module =
        Stream.of(Path.of("generator"), Path.of("."))
            .filter(d -> Files.isRegularFile(d.resolve("src/dist/badgesmith")))
            .findFirst()
            .orElse(Path.of("."))
            .toAbsolutePath()
            .normalize();
    Path jar = module.resolve("target/badgesmith.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar + ": run `mvn package` first");
    }
    Optional<String> hugoVersion = hugoVersion();
    if (hugoVersion.isEmpty()) {
      System.out.println(
          "hugo: not on the PATH, so the Hugo column is skipped (apt-get install hugo)");
    }
    System.out.printf(
        Locale.ROOT,
        "%s; Java %s; %d cores; load average %s%n",
        hugoVersion.orElse("no hugo"),
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        loadAverage());
    Path work = Files.createTempDirectory("badgesmith-hugo");
    try {
      HugoBenchmark bench =
          new HugoBenchmark(
              work, jar, module.resolve("src/dist/badgesmith"), hugoVersion.isPresent(), runs);
      // big=M: the large site's size, 100,000 by default.
      arguments.stream()
          .filter(a -> a.startsWith("big="))
          .findFirst()
          .ifPresent(a -> bench.big = Integer.parseInt(a.substring(4)));
      bench.run(
          awards,
          arguments.contains("100k") || arguments.stream().anyMatch(a -> a.startsWith("big=")),
          arguments.contains("profile"),
          arguments.contains("large-only"),
          arguments.contains("signed-only"));
    } finally {
      SiteBenchmark.delete(work);
    }
    System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
  }

  private void run(int awards, boolean big, boolean profile, boolean largeOnly, boolean signedOnly)
      throws IOException {
    if (signedOnly) {
      next = awards;
      signed(awards, true);
      print(null, null);
      return;
    }
    Path site = work.resolve("site");
    Path cache = work.resolve("cache");
    Path out = work.resolve("out");
    Path hugoSite = work.resolve("hugo");
    Path hugoOut = work.resolve("hugo-out");
    BenchSites.writeBadgeSite(site, awards);
    next = awards;
    if (largeOnly) {
      // The heap probe's build fills the cache, so the large rows need no cold build of their own.
      heapAndPerAward(site, out, cache, awards);
      big();
      print(null, null);
      return;
    }
    BenchSites.writeHugoSite(hugoSite, awards);
    String n = String.format(Locale.ROOT, "%,d", awards);
    System.out.printf(
        Locale.ROOT,
        "site of %s awards over %d badge classes, unsigned, no certificates%n",
        n,
        BenchSites.BADGES);
    List<String> build = build(site, out, cache);
    Timing cold = time("cold cache, java -jar", tools.jar(build, List.of()));
    Timing hugoCold =
        hugo ? time("hugo, cold cache", BenchProcesses.hugo(hugoSite, hugoOut)) : null;
    time(
        "launcher, first run (makes its archive)",
        tools.launcher(build(site, work.resolve("warm-up"), cache), Map.of()));

    List<Timing> full = new ArrayList<>();
    List<Timing> fullLauncher = new ArrayList<>();
    List<Timing> hugoFull = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      full.add(time("full build, warm, java -jar", emptied(out, tools.jar(build, List.of()))));
      fullLauncher.add(
          time("full build, warm, launcher", emptied(out, tools.launcher(build, Map.of()))));
      if (hugo) {
        hugoFull.add(
            time(
                "hugo full build, warm", emptied(hugoOut, BenchProcesses.hugo(hugoSite, hugoOut))));
      }
    }
    table.row(
        "full build into an empty output folder, caches warm, `java -jar`",
        full,
        hugoFull,
        "<= 2x Hugo",
        2.0,
        true);
    table.row("the same, launcher", fullLauncher, hugoFull, "<= 2x Hugo", 2.0, true);

    List<Timing> rebuild = new ArrayList<>();
    List<Timing> rebuildLauncher = new ArrayList<>();
    List<Timing> hugoRebuild = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      rebuild.add(time("one award added, java -jar", added(site, tools.jar(build, List.of()))));
      rebuildLauncher.add(
          time("one award added, launcher", added(site, tools.launcher(build, Map.of()))));
      if (hugo) {
        int page = next++;
        hugoRebuild.add(
            time(
                "hugo, one page added",
                () -> {
                  BenchSites.writeHugoPage(hugoSite, page);
                  return BenchProcesses.hugo(hugoSite, hugoOut).call();
                }));
      }
    }
    table.row(
        "rebuild after adding one award, `java -jar` (Hugo: a build after adding one page)",
        rebuild,
        hugoRebuild,
        "<= 1.5 s",
        1500,
        false);
    table.row("the same, launcher", rebuildLauncher, hugoRebuild, "<= 1.0 s", 1000, false);

    VerifyPage.Loaded verify = VerifyPage.eager(out.resolve("verify/index.html"));
    verify
        .files()
        .forEach(
            (file, bytes) ->
                System.out.printf(Locale.ROOT, "  verify page loads %s: %,d bytes%n", file, bytes));
    table.add(
        String.format(
            Locale.ROOT,
            "| what the verify page loads before a badge is dropped (%s awards) | %,d KB | | | <= 200 KB | %s |",
            n,
            (verify.total() + 1023) / 1024,
            BenchTable.status(verify.total() <= 200 * 1024)));

    if (profile) {
      profile(site, out, cache);
    }
    if (big) {
      heapAndPerAward(site, out, cache, awards);
    }
    pullRequestCheck(site, cache);
    signed(awards, false);
    if (big) {
      big();
    }
    print(cold, hugoCold);
  }

  private void print(Timing cold, Timing hugoCold) {
    String them = hugo ? hugoVersion().orElse("Hugo") : "Hugo (not installed)";
    System.out.printf("%n| work | Badgesmith | %s | ratio | goal | status |%n", them);
    System.out.println("|---|---|---|---|---|---|");
    table.lines().forEach(System.out::println);
    System.out.printf(
        Locale.ROOT,
        "%nCold caches (first builds, for reference): Badgesmith %s, Hugo %s.%n",
        cold == null ? "not run" : BenchTable.cell(List.of(cold)),
        hugoCold == null ? "not run" : BenchTable.cell(List.of(hugoCold)));
  }

  /** A pull request adding one award, checked as the GitHub Action checks it. */
  private void pullRequestCheck(Path site, Path cache) throws IOException {
    time("lock", tools.jar(List.of("lock", site.toString()), List.of()));
    git(site, "init", "-q", "-b", "main");
    git(site, "add", "-A");
    git(site, "commit", "-q", "-m", "site");
    git(site, "checkout", "-q", "-b", "pull-request");
    Path added = BenchSites.writeAward(site, next++);
    git(site, "add", site.relativize(added).toString());
    git(site, "commit", "-q", "-m", "one award");
    // With the builds' cache, as a check job restoring the deploy workflow's cache has it.
    List<String> check =
        List.of("check", site.toString(), "--base", "main", "--cache", cache.toString());
    List<Timing> plain = new ArrayList<>();
    List<Timing> launched = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      plain.add(time("check --base main, java -jar", tools.jar(check, List.of())));
      launched.add(time("check --base main, launcher", tools.launcher(check, Map.of())));
    }
    table.row(
        "`check --base main` of a pull request adding one award, `java -jar`",
        plain,
        List.of(),
        "<= 1.5 s",
        1500,
        false);
    table.row(
        "the same, launcher (as the Action runs it, its archive restored)",
        launched,
        List.of(),
        "<= 1.5 s",
        1500,
        false);
  }

  /**
   * The same awards signed with Data Integrity and as VC-JWTs.
   *
   * @param firstLauncherRun whether the launcher has yet to make its archive
   */
  private void signed(int awards, boolean firstLauncherRun) throws IOException {
    Path site = work.resolve("signed");
    Path cache = work.resolve("signed-cache");
    Path out = work.resolve("signed-out");
    BenchSites.writeBadgeSite(site, awards);
    Map<String, String> keys = BenchSites.sign(site);
    List<String> build = build(site, out, cache);
    List<Timing> cold =
        List.of(time("signed, cold cache, java -jar", tools.jar(build, List.of(), keys)));
    if (firstLauncherRun) {
      time("launcher, first run (makes its archive)", added(site, tools.launcher(build, keys)));
    }
    List<Timing> rebuild = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      rebuild.add(
          time("signed, one award added, launcher", added(site, tools.launcher(build, keys))));
    }
    table.row(
        "rebuild after adding one award, signed (Data Integrity + VC-JWT), launcher",
        rebuild,
        List.of(),
        "<= 1.0 s",
        1000,
        false);
    table.row(
        String.format(Locale.ROOT, "signed %,d-award site, cold cache, `java -jar`", awards),
        cold,
        List.of(),
        "<= 15 s",
        15_000,
        false);
    BenchProcesses.setAside(site);
    BenchProcesses.setAside(out);
  }

  /** At N, the warm full build with {@code -Xmx1g} and the heap it held, to compare with 100k. */
  private record Small(int awards, Timing build, long peak, long after) {}

  private Small small;

  private void heapAndPerAward(Path site, Path out, Path cache, int awards) throws IOException {
    long[] heap = heap(site, out, cache);
    Timing build =
        time(
            "full build, warm, java -jar -Xmx1g",
            emptied(out, tools.jar(build(site, out, cache), List.of("-Xmx1g"))));
    small = new Small(awards, build, heap[0], heap[1]);
  }

  private void big() throws IOException {
    Path site = work.resolve("big");
    Path cache = work.resolve("big-cache");
    Path out = work.resolve("big-out");
    BenchSites.writeBadgeSite(site, big);
    List<String> build = build(site, out, cache);
    // The probe's build, with an empty cache, is the cold one; it is not timed (it collects).
    long[] heap = heap(site, out, cache);
    List<Timing> warm =
        List.of(
            time(
                "large site, full build, warm, java -jar -Xmx1g",
                emptied(out, tools.jar(build, List.of("-Xmx1g")))));
    BenchProcesses.setAside(site);
    List<Timing> hugoWarm = new ArrayList<>();
    if (hugo) {
      Path hugoBig = work.resolve("hugo-big");
      BenchProcesses.setAside(work.resolve("hugo"));
      BenchSites.writeHugoSite(hugoBig, big);
      // One run: the site uses nothing Hugo caches (no images, no remote resources).
      hugoWarm.add(
          time("hugo, large site", BenchProcesses.hugo(hugoBig, work.resolve("hugo-big-out"))));
    }
    table.row(
        String.format(Locale.ROOT, "%,d awards, full build, caches warm", big)
            + ", `java -jar -Xmx1g`",
        warm,
        hugoWarm,
        "<= 60 s",
        60_000,
        false);
    double perSmall = 1000.0 * small.build().millis() / small.awards();
    double perBig = 1000.0 * warm.get(0).millis() / big;
    table.add(
        String.format(
            Locale.ROOT,
            "| time per award, full build warm, `-Xmx1g`: %,d vs %,d awards | %.0f µs vs %.0f µs"
                + " (CPU %.0f µs vs %.0f µs) | | %.2fx (CPU %.2fx) | no worse | %s |",
            big,
            small.awards(),
            perBig,
            perSmall,
            1000.0 * warm.get(0).cpuMillis() / big,
            1000.0 * small.build().cpuMillis() / small.awards(),
            perBig / perSmall,
            (warm.get(0).cpuMillis() / (double) big)
                / (small.build().cpuMillis() / (double) small.awards()),
            BenchTable.status(perBig <= perSmall)));
    table.add(
        String.format(
            Locale.ROOT,
            "| largest live heap during a full build (full GC every 0.5 s): %,d vs %,d awards | %,d MB vs %,d MB | | %.2fx | <= 2x | %s |",
            big,
            small.awards(),
            BenchTable.mb(heap[0]),
            BenchTable.mb(small.peak()),
            heap[0] / (double) small.peak(),
            BenchTable.status(heap[0] <= 2 * small.peak())));
    table.add(
        String.format(
            Locale.ROOT,
            "| live heap after the build, before the process exits: %,d vs %,d awards | %,d MB vs %,d MB | | %.2fx | | |",
            big,
            small.awards(),
            BenchTable.mb(heap[1]),
            BenchTable.mb(small.after()),
            heap[1] / (double) small.after()));
  }

  /** The largest live heap the build held, and what it held after: see {@link HeapProbe}. */
  private long[] heap(Path site, Path out, Path cache) throws IOException {
    BenchProcesses.setAside(out);
    return HeapProbe.measure(build(site, out, cache));
  }

  /** The warm full build under JFR, with {@code --timings}: where the time goes. */
  private void profile(Path site, Path out, Path cache) throws IOException {
    BenchProcesses.setAside(out);
    List<String> build = new ArrayList<>(build(site, out, cache));
    build.add("--timings");
    JfrHotMethods.record(tools.jar(), build, work.resolve("build.jfr"));
  }

  /** The run after adding one award, older than the window in which the cache reads files anew. */
  private Run added(Path site, Run run) {
    return () -> {
      BenchSites.writeAward(site, next++);
      sleep(TRUST_WINDOW);
      return run.call();
    };
  }

  private static List<String> build(Path site, Path out, Path cache) {
    return List.of("build", site.toString(), "--out", out.toString(), "--cache", cache.toString());
  }
}
