package dev.badgesmith.bench;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.PrivateKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How a whole site builds: a harness, not a test. It writes a site of N awards (default 10,000)
 * over three SVG badge classes, then builds it three times: with an empty cache, again with no
 * change, and after adding one award. For each build it reports the time, the Batik renders (the
 * new entries in the render cache: with the cache warm there should be none, and never more than
 * two per badge class), the files written and the heap in use.
 *
 * <p>With {@code signed} after the count, the site also publishes Open Badges 3.0 credentials, each
 * with an eddsa-rdfc-2022 proof and as an RS256 VC-JWT (keys made for the run).
 *
 * <p>After the new JVMs it runs the launcher ({@code src/dist/badgesmith}) over {@code
 * target/badgesmith.jar}, when that is built: run {@code package} first. {@code JAVA_HOME} for the
 * harness picks the Java version the launcher runs.
 *
 * <pre>mvn -B -pl templates,generator -Pbench package -DskipTests -Dbench=SiteBenchmark
 *     [-Dbench.args="2000 signed"]</pre>
 */
public final class SiteBenchmark {
  private static final String[] BADGES = {"first-steps", "reviewer", "mentor"};

  public static void main(String[] args) throws IOException {
    int awards = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    boolean signed = java.util.List.of(args).contains("signed");
    // "no-certificates": the same site without its PDF certificates, to tell what they cost.
    boolean certificates = !java.util.List.of(args).contains("no-certificates");
    Path work = Files.createTempDirectory("badgesmith-bench");
    try {
      Path site = work.resolve("site");
      Path cache = work.resolve("cache");
      Path out = work.resolve("out");
      writeSite(site, awards);
      if (!certificates) {
        Files.writeString(
            site.resolve("site.yaml"),
            "pages:\n  certificates: false\n",
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.APPEND);
      }
      Badgesmith.Builder builder = Badgesmith.builder().cacheDirectory(cache);
      java.util.Map<String, String> environment = java.util.Map.of();
      if (signed) {
        environment = signingKeys(site);
        builder.environment(environment);
      }
      Badgesmith generator = builder.build();
      System.out.printf(
          Locale.ROOT,
          "site of %,d awards over %d badge classes%s%s, %d threads%n",
          awards,
          BADGES.length,
          signed ? " (signed: Data Integrity and VC-JWT)" : "",
          certificates ? "" : ", no certificates",
          Runtime.getRuntime().availableProcessors());
      run("cold cache", generator, site, out, cache, awards);
      run("warm cache, nothing changed", generator, site, out, cache, awards);
      writeAward(site, BADGES[0], awards);
      run("one award added", generator, site, out, cache, awards + 1);
      // What a maintainer waits for: a new Java process, as the CLI runs in CI, JIT cold.
      writeAward(site, BADGES[1], awards + 1);
      Cli cli = new Cli(site, out, cache, environment);
      process("one award added, new JVM", cli, awards + 2, "");
      process("nothing changed, new JVM", cli, awards + 2, "");
      // A short-lived process spends much of its CPU compiling with C2; C1 alone is the usual
      // choice for command-line tools (set through JDK_JAVA_OPTIONS).
      writeAward(site, BADGES[2], awards + 2);
      process("one award added, new JVM C1", cli, awards + 3, "-XX:TieredStopAtLevel=1");
      process("nothing changed, new JVM C1", cli, awards + 3, "-XX:TieredStopAtLevel=1");
      // The launcher, as a user runs it, over the packaged jar: its first run makes the JVM's
      // class-data archive, the later ones use it.
      // Maven runs the harness from the reactor's folder or from the module's.
      Path module =
          Stream.of(Path.of("generator"), Path.of("."))
              .filter(d -> Files.isRegularFile(d.resolve("src/dist/badgesmith")))
              .findFirst()
              .orElse(Path.of("."))
              .toAbsolutePath()
              .normalize();
      Path jar = module.resolve("target/badgesmith.jar");
      if (Files.isRegularFile(jar)) {
        Launcher launcher =
            new Launcher(module.resolve("src/dist/badgesmith"), jar, work.resolve("jvm"));
        launcher("first run (makes the archive)", launcher, cli, awards + 3);
        launcher("nothing changed", launcher, cli, awards + 3);
        writeAward(site, BADGES[0], awards + 3);
        // The files the cache trusts unread are those older than two seconds, as in real use.
        sleep(2100);
        launcher("one award added", launcher, cli, awards + 4);
        writeAward(site, BADGES[1], awards + 4);
        sleep(2100);
        launcher("one award added", launcher, cli, awards + 5);
      } else {
        System.out.println("launcher: skipped, no target/badgesmith.jar (run `mvn package` first)");
      }
      System.out.printf(Locale.ROOT, "output: %,d MB on disk%n", size(out) / (1024 * 1024));
    } finally {
      delete(work);
    }
  }

  private static void run(
      String what, Badgesmith generator, Path site, Path out, Path cache, int awards)
      throws IOException {
    long rendersBefore = count(owned(cache, "images"));
    long signaturesBefore = count(owned(cache, "signatures"));
    long start = System.nanoTime();
    Report report = generator.build(site, out);
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (report.hasErrors()) {
      throw new IllegalStateException("the benchmark site has errors: " + report.diagnostics());
    }
    System.gc();
    long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    System.out.printf(
        Locale.ROOT,
        "%-28s %,7d ms  %,8.0f awards/s  Batik renders %d  signatures %,d  files %,d"
            + "  heap after %,d MB%n",
        what,
        millis,
        awards * 1000.0 / Math.max(1, millis),
        count(owned(cache, "images")) - rendersBefore,
        count(owned(cache, "signatures")) - signaturesBefore,
        report.filesWritten(),
        heap / (1024 * 1024));
  }

  /**
   * Runs {@code badgesmith build} in a new JVM on the benchmark's class path, timing the whole
   * process from start to exit.
   */
  private record Cli(Path site, Path out, Path cache, java.util.Map<String, String> environment) {}

  private static void process(String what, Cli cli, int awards, String jvmOption)
      throws IOException {
    java.util.List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!jvmOption.isEmpty()) {
      command.add(jvmOption);
    }
    command.add("-cp");
    command.add(classPath());
    command.add("dev.badgesmith.cli.Main");
    command.addAll(buildArguments(cli));
    Timed run = timed(command, cli.environment());
    long millis = run.millis();
    String output = run.output();
    System.out.printf(
        Locale.ROOT,
        "%-28s %,7d ms  %,8.0f awards/s  (%s)%n",
        what,
        millis,
        awards * 1000.0 / Math.max(1, millis),
        output.strip().lines().reduce((a, b) -> b).orElse(""));
  }

  private record Launcher(Path script, Path jar, Path archives) {}

  /**
   * Runs {@code badgesmith build} through {@code src/dist/badgesmith}, timing the whole process.
   */
  private static void launcher(String what, Launcher launcher, Cli cli, int awards)
      throws IOException {
    java.util.List<String> command =
        new java.util.ArrayList<>(java.util.List.of("/bin/sh", launcher.script().toString()));
    command.addAll(buildArguments(cli));
    java.util.Map<String, String> environment = new java.util.HashMap<>(cli.environment());
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.put("BADGESMITH_JAR", launcher.jar().toString());
    environment.put("BADGESMITH_JVM_CACHE", launcher.archives().toString());
    Timed run = timed(command, environment);
    long millis = run.millis();
    String output = run.output();
    System.out.printf(
        Locale.ROOT,
        "launcher (Java %s) %-30s %,7d ms  (%s)%n",
        Runtime.version().feature(),
        what,
        millis,
        output.strip().lines().filter(l -> l.startsWith("Built")).findFirst().orElse(""));
  }

  record Timed(long millis, String output) {}

  /** {@code build} with the options that point it at the benchmark's site, output and cache. */
  private static java.util.List<String> buildArguments(Cli cli) {
    java.util.List<String> arguments =
        new java.util.ArrayList<>(
            java.util.List.of(
                "build",
                cli.site().toString(),
                "--out",
                cli.out().toString(),
                "--cache",
                cli.cache().toString()));
    return arguments;
  }

  /** Runs a process to its end, timing it from start to exit; it must succeed. */
  static Timed timed(java.util.List<String> command, java.util.Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code;
    try {
      code = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (code != 0) {
      throw new IllegalStateException(builder.command() + " exited " + code + ":\n" + output);
    }
    return new Timed(millis, output);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The class path this harness runs on: exec:java gives it as a class loader, not a property. */
  static String classPath() {
    java.util.List<String> entries = new java.util.ArrayList<>();
    for (ClassLoader loader = SiteBenchmark.class.getClassLoader();
        loader != null;
        loader = loader.getParent()) {
      if (loader instanceof java.net.URLClassLoader urls) {
        for (java.net.URL url : urls.getURLs()) {
          try {
            entries.add(Path.of(url.toURI()).toString());
          } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    if (entries.isEmpty()) {
      return System.getProperty("java.class.path");
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** Makes the keys, publishes their public parts and signing settings; returns the secrets. */
  private static java.util.Map<String, String> signingKeys(Path site) throws IOException {
    var rsa = KeyGenerator.generate(KeyAlgorithm.RS256);
    var ed = KeyGenerator.generate(KeyAlgorithm.Ed25519);
    write(site.resolve("keys/rsa-1.pem"), rsa.publicKeyPem());
    write(site.resolve("keys/ed-1.pem"), ed.publicKeyPem());
    Files.writeString(
        site.resolve("site.yaml"),
        "signing:\n  jwt: rsa-1\n  dataIntegrity: ed-1\n  keys:\n"
            + "    - id: rsa-1\n      algorithm: RS256\n    - id: ed-1\n      algorithm: Ed25519\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    return java.util.Map.of(
        PrivateKeys.environmentVariable("rsa-1"), rsa.privateKeyPem(),
        PrivateKeys.environmentVariable("ed-1"), ed.privateKeyPem());
  }

  private static void writeSite(Path site, int awards) throws IOException {
    write(
        site.resolve("site.yaml"),
        "title: Benchmark Guild\nbaseUrl: https://bench.example.org/\ntimeZone: UTC\n");
    write(
        site.resolve("issuers/guild.yaml"),
        "name: Benchmark Guild\nurl: https://bench.example.org/\nemail: badges@bench.example.org\n");
    String[] colours = {"#b7410e", "#2e7d32", "#3b5b92"};
    for (int b = 0; b < BADGES.length; b++) {
      write(
          site.resolve("badges/" + BADGES[b] + ".md"),
          "---\nname: Badge "
              + b
              + "\ndescription: A badge for the benchmark.\nvalidFor: P2Y\n---\n"
              + "Do the **work**.\n");
      write(
          site.resolve("badges/" + BADGES[b] + ".svg"),
          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 512 512\">"
              + "<circle cx=\"256\" cy=\"256\" r=\"240\" fill=\""
              + colours[b]
              + "\"/><path d=\"M150 260 L230 340 L370 180\" stroke=\"#fff\" stroke-width=\"40\""
              + " fill=\"none\"/></svg>\n");
    }
    for (int i = 0; i < awards; i++) {
      writeAward(site, BADGES[i % BADGES.length], i);
    }
  }

  private static void writeAward(Path site, String badge, int i) throws IOException {
    write(
        site.resolve("awards/" + badge + "/learner-" + i + ".yaml"),
        "recipient:\n  email: learner-"
            + i
            + "@example.org\nissuedOn: 2025-"
            + String.format(Locale.ROOT, "%02d-%02d", 1 + i % 12, 1 + i % 28)
            + "\nevidence:\n  - url: https://code.example.net/learner-"
            + i
            + "\n    name: Work\n");
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static long count(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** A folder of this machine's cached work: under {@code cache/owned/<key digest>/}. */
  private static Path owned(Path cache, String name) throws IOException {
    Path owned = cache.resolve("owned");
    if (!Files.isDirectory(owned)) {
      return owned.resolve(name);
    }
    try (Stream<Path> keys = Files.list(owned)) {
      return keys.findFirst().map(k -> k.resolve(name)).orElse(owned.resolve(name));
    }
  }
}
