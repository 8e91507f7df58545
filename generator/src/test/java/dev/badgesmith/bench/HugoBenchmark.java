package dev.badgesmith.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Badgesmith side by side with Hugo at the same job, in one run: a harness, not a test. It writes a
 * site of N awards (default 10,000) over 50 badge classes, unsigned and without certificates, and
 * the Hugo site of the same award pages ({@link BenchSites}), then times each piece of work in a
 * new process, from start to exit: {@code java -jar target/badgesmith.jar} and the launcher ({@code
 * src/dist/badgesmith}, its class-data archive made by a first run), against {@code hugo --quiet}
 * (no minifying) where Hugo does the same work. "Caches warm" is a second run: our {@code --cache}
 * after a build, Hugo's {@code --cacheDir} after a build. It prints a Markdown table of the work,
 * the times, their ratio and the goal each is held to.
 *
 * <p>Arguments, in any order: the number of awards; {@code runs=R} to time each row R times (the
 * table gives the median); {@code 100k} to also build 100,000 awards with {@code -Xmx1g} and
 * compare time per award and heap with N; {@code profile} to record the warm full build with JFR
 * and print its {@code --timings} and hot methods. Without {@code hugo} on the PATH the Hugo column
 * is skipped, with a message.
 *
 * <pre>mvn -B -pl templates,generator -Pbench package -DskipTests -Dbench=HugoBenchmark
 *     [-Dbench.args="10000 runs=2 100k profile"]</pre>
 */
public final class HugoBenchmark {
  private static final long TRUST_WINDOW = 2100;

  private final Path work;
  private final Path jar;
  private final Path launcher;
  private final boolean hugo;
  private final int runs;
  private int big = 100_000;
  private final List<String> table = new ArrayList<>();
  private int next;

  private HugoBenchmark(Path work, Path jar, Path launcher, boolean hugo, int runs) {
    this.work = work;
    this.jar = jar;
    this.launcher = launcher;
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
          arguments.contains("profile"));
    } finally {
      SiteBenchmark.delete(work);
    }
    System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
  }

  private void run(int awards, boolean big, boolean profile) throws IOException {
    Path site = work.resolve("site");
    Path cache = work.resolve("cache");
    Path out = work.resolve("out");
    Path hugoSite = work.resolve("hugo");
    Path hugoOut = work.resolve("hugo-out");
    BenchSites.writeBadgeSite(site, awards);
    BenchSites.writeHugoSite(hugoSite, awards);
    next = awards;
    String n = String.format(Locale.ROOT, "%,d", awards);
    System.out.printf(
        Locale.ROOT,
        "site of %s awards over %d badge classes, unsigned, no certificates%n",
        n,
        BenchSites.BADGES);
    List<String> build = build(site, out, cache);
    long cold = once("cold cache, java -jar", jar(build, List.of()));
    long hugoCold = hugo ? once("hugo, cold cache", hugo(hugoSite, hugoOut)) : -1;
    once(
        "launcher, first run (makes its archive)",
        launcher(build(site, work.resolve("warm-up"), cache), Map.of()));

    List<Long> full = new ArrayList<>();
    List<Long> fullLauncher = new ArrayList<>();
    List<Long> hugoFull = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      full.add(time("full build, warm, java -jar", emptied(out, jar(build, List.of()))));
      fullLauncher.add(time("full build, warm, launcher", emptied(out, launcher(build, Map.of()))));
      if (hugo) {
        hugoFull.add(time("hugo full build, warm", emptied(hugoOut, hugo(hugoSite, hugoOut))));
      }
    }
    row(
        "full build into an empty output folder, caches warm, `java -jar`",
        full,
        hugoFull,
        "<= 2x Hugo",
        2.0,
        true);
    row("the same, launcher", fullLauncher, hugoFull, "<= 2x Hugo", 2.0, true);

    List<Long> rebuild = new ArrayList<>();
    List<Long> rebuildLauncher = new ArrayList<>();
    List<Long> hugoRebuild = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      rebuild.add(time("one award added, java -jar", added(site, jar(build, List.of()))));
      rebuildLauncher.add(
          time("one award added, launcher", added(site, launcher(build, Map.of()))));
      if (hugo) {
        int page = next++;
        hugoRebuild.add(
            time(
                "hugo, one page added",
                () -> {
                  BenchSites.writeHugoPage(hugoSite, page);
                  return hugo(hugoSite, hugoOut).call();
                }));
      }
    }
    row(
        "rebuild after adding one award, `java -jar` (Hugo: a build after adding one page)",
        rebuild,
        hugoRebuild,
        "<= 1.5 s",
        1500,
        false);
    row("the same, launcher", rebuildLauncher, hugoRebuild, "<= 1.0 s", 1000, false);

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
            status(verify.total() <= 200 * 1024)));

    if (profile) {
      profile(site, out, cache);
    }
    if (big) {
      heapAndPerAward(site, out, cache, awards);
    }
    pullRequestCheck(site, cache);
    signed(awards);
    if (big) {
      big(hugoSite);
    }
    System.out.println();
    System.out.println(
        "| work | Badgesmith | "
            + (hugo ? hugoVersion().orElse("Hugo") : "Hugo (not installed)")
            + " | ratio | goal | status |");
    System.out.println("|---|---|---|---|---|---|");
    table.forEach(System.out::println);
    System.out.printf(
        Locale.ROOT,
        "%nCold caches (first builds, for reference): Badgesmith %s, Hugo %s.%n",
        seconds(cold),
        hugoCold < 0 ? "not run" : seconds(hugoCold));
  }

  /** A pull request adding one award, checked as the GitHub Action checks it. */
  private void pullRequestCheck(Path site, Path cache) throws IOException {
    once("lock", jar(List.of("lock", site.toString()), List.of()));
    git(site, "init", "-q", "-b", "main");
    git(site, "add", "-A");
    git(site, "commit", "-q", "-m", "site");
    git(site, "checkout", "-q", "-b", "pull-request");
    Path added = BenchSites.writeAward(site, next++);
    git(site, "add", site.relativize(added).toString());
    git(site, "commit", "-q", "-m", "one award");
    List<String> check = List.of("check", site.toString(), "--base", "main");
    List<Long> plain = new ArrayList<>();
    List<Long> launched = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      plain.add(time("check --base main, java -jar", jar(check, List.of())));
      launched.add(time("check --base main, launcher", launcher(check, Map.of())));
    }
    row(
        "`check --base main` of a pull request adding one award, `java -jar` (as the Action runs it)",
        plain,
        List.of(),
        "<= 1.5 s",
        1500,
        false);
    row("the same, launcher", launched, List.of(), "<= 1.5 s", 1500, false);
  }

  /** The same awards signed with Data Integrity and as VC-JWTs. */
  private void signed(int awards) throws IOException {
    Path site = work.resolve("signed");
    Path cache = work.resolve("signed-cache");
    Path out = work.resolve("signed-out");
    BenchSites.writeBadgeSite(site, awards);
    Map<String, String> keys = BenchSites.sign(site);
    List<String> build = build(site, out, cache);
    List<Long> cold = List.of(once("signed, cold cache, java -jar", jar(build, List.of(), keys)));
    List<Long> rebuild = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      rebuild.add(time("signed, one award added, launcher", added(site, launcher(build, keys))));
    }
    row(
        "rebuild after adding one award, signed (Data Integrity + VC-JWT), launcher",
        rebuild,
        List.of(),
        "<= 1.0 s",
        1000,
        false);
    row(
        String.format(Locale.ROOT, "signed %,d-award site, cold cache, `java -jar`", awards),
        cold,
        List.of(),
        "<= 15 s",
        15_000,
        false);
    SiteBenchmark.delete(site);
    SiteBenchmark.delete(out);
  }

  /** At N, the warm full build with {@code -Xmx1g} and the heap it holds, to compare with 100k. */
  private long[] small;

  private void heapAndPerAward(Path site, Path out, Path cache, int awards) throws IOException {
    long millis =
        time(
            "full build, warm, java -jar -Xmx1g",
            emptied(out, jar(build(site, out, cache), List.of("-Xmx1g"))));
    long[] heap = heap(site, out, cache);
    small = new long[] {awards, millis, heap[0], heap[1]};
  }

  private void big(Path hugoSite) throws IOException {
    Path site = work.resolve("big");
    Path cache = work.resolve("big-cache");
    Path out = work.resolve("big-out");
    Path hugoBig = work.resolve("hugo-big");
    Path hugoOut = work.resolve("hugo-big-out");
    BenchSites.writeBadgeSite(site, big);
    List<String> build = build(site, out, cache);
    List<Long> cold =
        List.of(once("large site, cold cache, java -jar -Xmx1g", jar(build, List.of("-Xmx1g"))));
    List<Long> warm =
        List.of(
            time(
                "large site, full build, warm, java -jar -Xmx1g",
                emptied(out, jar(build, List.of("-Xmx1g")))));
    List<Long> hugoWarm = new ArrayList<>();
    if (hugo) {
      SiteBenchmark.delete(hugoSite);
      BenchSites.writeHugoSite(hugoBig, big);
      once("hugo, large site, cold cache", hugo(hugoBig, hugoOut));
      hugoWarm.add(
          time("hugo, large site, full build, warm", emptied(hugoOut, hugo(hugoBig, hugoOut))));
    }
    long[] heap = heap(site, out, cache);
    row(
        String.format(Locale.ROOT, "%,d awards, full build, caches warm", big)
            + ", `java -jar -Xmx1g`",
        warm,
        hugoWarm,
        "<= 60 s",
        60_000,
        false);
    row(
        String.format(Locale.ROOT, "%,d awards, cold cache, `java -jar -Xmx1g`", big),
        cold,
        List.of(),
        "<= 60 s",
        60_000,
        false);
    double perSmall = 1000.0 * small[1] / small[0];
    double perBig = 1000.0 * warm.get(0) / big;
    table.add(
        String.format(
            Locale.ROOT,
            "| time per award, full build warm, `-Xmx1g`: %,d vs %,d awards | %.0f µs vs %.0f µs | | %.2fx | no worse | %s |",
            big,
            small[0],
            perBig,
            perSmall,
            perBig / perSmall,
            status(perBig <= perSmall)));
    table.add(
        String.format(
            Locale.ROOT,
            "| largest live heap during a full build (full GC every 0.5 s): %,d vs %,d awards | %,d MB vs %,d MB | | %.2fx | <= 2x | %s |",
            big,
            small[0],
            mb(heap[0]),
            mb(small[2]),
            heap[0] / (double) small[2],
            status(heap[0] <= 2 * small[2])));
    table.add(
        String.format(
            Locale.ROOT,
            "| live heap after the build, before the process exits: %,d vs %,d awards | %,d MB vs %,d MB | | %.2fx | | |",
            big,
            small[0],
            mb(heap[1]),
            mb(small[3]),
            heap[1] / (double) small[3]));
  }

  /** The largest live heap the build held, and what it held after: see {@link HeapProbe}. */
  private long[] heap(Path site, Path out, Path cache) throws IOException {
    SiteBenchmark.delete(out);
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                "-Xmx1g",
                "-cp",
                SiteBenchmark.classPath(),
                HeapProbe.class.getName(),
                "500"));
    command.addAll(build(site, out, cache));
    String output = SiteBenchmark.timed(command, Map.of()).output();
    Matcher m = Pattern.compile("heap peak (\\d+) after (\\d+) samples (\\d+)").matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no heap reading in: " + output);
    }
    long[] heap = {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    System.out.printf(
        Locale.ROOT,
        "  heap: largest live %,d MB over %s full GCs, %,d MB after the build%n",
        mb(heap[0]),
        m.group(3),
        mb(heap[1]));
    return heap;
  }

  /** The warm full build under JFR, with {@code --timings}: where the time goes. */
  private void profile(Path site, Path out, Path cache) throws IOException {
    Path recording = work.resolve("build.jfr");
    List<String> build = new ArrayList<>(build(site, out, cache));
    build.add("--timings");
    SiteBenchmark.delete(out);
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                "-XX:StartFlightRecording=filename=" + recording + ",settings=profile",
                "-jar",
                jar.toString()));
    command.addAll(build);
    SiteBenchmark.Timed run = SiteBenchmark.timed(command, Map.of());
    System.out.printf(
        Locale.ROOT, "profile: full build, warm, java -jar with JFR: %s%n", seconds(run.millis()));
    run.output().lines().filter(l -> !l.startsWith("[")).forEach(l -> System.out.println("  " + l));
    JfrHotMethods.print(recording, 20);
  }

  private void row(
      String work,
      List<Long> ours,
      List<Long> theirs,
      String goal,
      double limit,
      boolean ratioGoal) {
    long mine = median(ours);
    String hugoCell = theirs.isEmpty() ? "" : seconds(median(theirs)) + range(theirs);
    String ratio =
        theirs.isEmpty() ? "" : String.format(Locale.ROOT, "%.1fx", mine / (double) median(theirs));
    String status;
    if (ratioGoal) {
      status = theirs.isEmpty() ? "no Hugo" : status(mine <= limit * median(theirs));
    } else {
      status = status(mine <= limit);
    }
    table.add(
        String.format(
            Locale.ROOT,
            "| %s | %s%s | %s | %s | %s | %s |",
            work,
            seconds(mine),
            range(ours),
            hugoCell,
            ratio,
            goal,
            status));
  }

  private static String status(boolean met) {
    return met ? "met" : "**missed**";
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private String range(List<Long> values) {
    if (values.size() < 2) {
      return "";
    }
    List<Long> sorted = values.stream().sorted().toList();
    return String.format(
        Locale.ROOT,
        " (%.2f-%.2f)",
        sorted.get(0) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0);
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }

  private static long mb(long bytes) {
    return bytes / (1024 * 1024);
  }

  interface Run {
    long call() throws IOException;
  }

  private static long once(String what, Run run) throws IOException {
    return time(what, run);
  }

  private static long time(String what, Run run) throws IOException {
    long millis = run.call();
    // The load beside each run: the machine may be shared, and a busy one slows a run down.
    System.out.printf(
        Locale.ROOT, "%-48s %,8d ms  (load %s)%n", what, millis, loadAverage().split(" ")[0]);
    return millis;
  }

  /** The run into an output folder emptied first. */
  private static Run emptied(Path out, Run run) {
    return () -> {
      if (Files.exists(out)) {
        SiteBenchmark.delete(out);
      }
      return run.call();
    };
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

  private Run jar(List<String> arguments, List<String> jvm) {
    return jar(arguments, jvm, Map.of());
  }

  private Run jar(List<String> arguments, List<String> jvm, Map<String, String> environment) {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvm);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(arguments);
    return () -> SiteBenchmark.timed(command, environment).millis();
  }

  private Run launcher(List<String> arguments, Map<String, String> keys) {
    List<String> command = new ArrayList<>(List.of("/bin/sh", launcher.toString()));
    command.addAll(arguments);
    Map<String, String> environment = new HashMap<>(keys);
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.put("BADGESMITH_JAR", jar.toString());
    environment.put("BADGESMITH_JVM_CACHE", work.resolve("jvm").toString());
    return () -> SiteBenchmark.timed(command, environment).millis();
  }

  private Run hugo(Path site, Path out) {
    List<String> command =
        List.of(
            "hugo",
            "--quiet",
            "--source",
            site.toString(),
            "--destination",
            out.toString(),
            "--cacheDir",
            site.resolveSibling(site.getFileName() + "-cache").toString());
    return () -> SiteBenchmark.timed(command, Map.of()).millis();
  }

  private static void git(Path site, String... arguments) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-C",
                site.toString(),
                "-c",
                "user.name=Bench",
                "-c",
                "user.email=bench@example.org"));
    command.addAll(List.of(arguments));
    SiteBenchmark.timed(command, Map.of());
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Optional<String> hugoVersion() {
    try {
      String version = SiteBenchmark.timed(List.of("hugo", "version"), Map.of()).output().strip();
      Matcher m = Pattern.compile("v(\\d+\\.\\d+\\.\\d+)").matcher(version);
      return Optional.of("Hugo " + (m.find() ? m.group(1) : version));
    } catch (IOException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
