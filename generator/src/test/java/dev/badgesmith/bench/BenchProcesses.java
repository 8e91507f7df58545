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

/**
 * The processes {@link HugoBenchmark} times, each a new one from start to exit: Badgesmith through
 * {@code java -jar} and through its launcher (with a class-data archive folder of the run's own),
 * Hugo, and Git to set a site up.
 */
record BenchProcesses(Path jar, Path launcher, Path jvmCache) {
  interface Run {
    Timing call() throws IOException;
  }

  /** A process's wall-clock time from start to exit, and the CPU time it and its children used. */
  record Timing(long millis, long cpuMillis) {}

  static Timing time(String what, Run run) throws IOException {
    Timing timing = run.call();
    // The load beside each run: the machine may be shared, and a busy one slows a run down.
    System.out.printf(
        Locale.ROOT,
        "%-48s %,8d ms  CPU %,8d ms  (load %s)%n",
        what,
        timing.millis(),
        timing.cpuMillis(),
        loadAverage().split(" ")[0]);
    return timing;
  }

  private static final Pattern TIMES =
      Pattern.compile("cpu-times:\\s+\\S+ \\S+\\s+(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*$");

  /**
   * Runs a command to its end through {@code sh}, whose {@code times} gives the user and system CPU
   * time of the processes it waited for; it must succeed.
   */
  static Timing timed(List<String> command, Map<String, String> environment) throws IOException {
    settle();
    List<String> shell =
        new ArrayList<>(
            List.of("/bin/sh", "-c", "\"$@\"; s=$?; echo; echo cpu-times:; times; exit $s", "sh"));
    shell.addAll(command);
    SiteBenchmark.Timed run = SiteBenchmark.timed(shell, environment);
    Matcher m = TIMES.matcher(run.output());
    if (!m.find()) {
      throw new IllegalStateException("no CPU times from sh in: " + run.output());
    }
    double cpu =
        Integer.parseInt(m.group(1)) * 60
            + Double.parseDouble(m.group(2))
            + Integer.parseInt(m.group(3)) * 60
            + Double.parseDouble(m.group(4));
    return new Timing(run.millis(), Math.round(cpu * 1000));
  }

  /**
   * Waits for the disk to take what earlier runs wrote ({@code sync}), so that no timed run pays
   * for the write-back of the one before: after a signed site's first build (80,000 files, about
   * 500 MB of dirty pages), a one-award rebuild took 1.47 to 1.61 s (user CPU 1.9 to 2.3 s) while
   * the kernel wrote them out, and 1.21 to 1.35 s (1.6 to 1.9 s) once it had.
   */
  private static void settle() throws IOException {
    try {
      new ProcessBuilder("sync").inheritIO().start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for sync", e);
    }
  }

  /** The run into an output folder emptied first: the last run's output is set aside. */
  static Run emptied(Path out, Run run) {
    return () -> {
      setAside(out);
      return run.call();
    };
  }

  /**
   * Moves a folder out of the way, beside itself, to be deleted with the harness's work folder at
   * its end. Deleting tens of thousands of files just before a timed run would charge that run for
   * them: on an ext4 file system without a journal (as on the machine these figures come from), the
   * kernel steps over recently freed inodes for each new file, which cost a full build of 10,000
   * awards 10 to 24 s of system time against 3 s, and a fresh CI runner pays nothing of the kind.
   */
  static void setAside(Path folder) throws IOException {
    if (Files.exists(folder)) {
      Files.move(
          folder, folder.resolveSibling(folder.getFileName() + ".aside-" + System.nanoTime()));
    }
  }

  Run jar(List<String> arguments, List<String> jvm) {
    return jar(arguments, jvm, Map.of());
  }

  Run jar(List<String> arguments, List<String> jvm, Map<String, String> environment) {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvm);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(arguments);
    return () -> timed(command, environment);
  }

  Run launcher(List<String> arguments, Map<String, String> keys) {
    List<String> command = new ArrayList<>(List.of("/bin/sh", launcher.toString()));
    command.addAll(arguments);
    Map<String, String> environment = new HashMap<>(keys);
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.put("BADGESMITH_JAR", jar.toString());
    environment.put("BADGESMITH_JVM_CACHE", jvmCache.toString());
    return () -> timed(command, environment);
  }

  static Run hugo(Path site, Path out) {
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
    return () -> timed(command, Map.of());
  }

  static void git(Path site, String... arguments) throws IOException {
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

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static Optional<String> hugoVersion() {
    try {
      String version = SiteBenchmark.timed(List.of("hugo", "version"), Map.of()).output().strip();
      Matcher m = Pattern.compile("v(\\d+\\.\\d+\\.\\d+)").matcher(version);
      return Optional.of("Hugo " + (m.find() ? m.group(1) : version));
    } catch (IOException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
