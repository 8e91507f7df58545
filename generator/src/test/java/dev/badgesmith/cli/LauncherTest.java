package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell launcher, run by a real shell on this JVM's runtime, over a jar whose main class echoes
 * its arguments and exits with the status it is told: arguments pass through untouched, the exit
 * status comes back, the class-data archive is made once, from the jar's training run, and used
 * after, and a run that does not render every award compiles with C1 alone (the jar chooses for one
 * that does: {@link CompilersTest}). The jar's training ({@code dev.badgesmith.cli.Training}, here
 * a stand-in) notes each run in the file {@code $TRAINED} names and loads a class the echo loads
 * only when told to.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("src/dist/badgesmith").toAbsolutePath();

  @TempDir Path tmp;
  Path jar;
  Path trained;

  @BeforeEach
  void anEchoJar() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "skipped: no /bin/sh on this system");
    trained = tmp.resolve("trained");
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    Files.writeString(
        src.resolve("Echo.java"),
        "public class Echo { public static void main(String[] a) {"
            + " if (System.getenv(\"ECHO_COMPILER\") != null) { System.out.println("
            + " java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()"
            + " .contains(\"-XX:TieredStopAtLevel=1\") ? \"C1\" : \"all tiers\");"
            + " System.out.println(System.getProperty(\"badgesmith.jit\", \"auto\")); return; }"
            + " if (a.length > 0 && a[0].equals(\"load\")) { new loaded.Trained(); }"
            + " System.out.println(String.join(\"|\", a));"
            + " System.exit(a.length > 0 && a[0].matches(\"[0-9]\") ? Integer.parseInt(a[0]) : 0);"
            + " } }");
    Files.writeString(src.resolve("Trained.java"), "package loaded; public class Trained {}");
    Files.writeString(
        src.resolve("Training.java"),
        "package dev.badgesmith.cli; public class Training {"
            + " public static void main(String[] a) throws Exception { new loaded.Trained();"
            + " java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv(\"TRAINED\")),"
            + " \"trained\\n\", java.nio.file.StandardOpenOption.CREATE,"
            + " java.nio.file.StandardOpenOption.APPEND); } }");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assumeTrue(javac != null, "skipped: this runtime has no Java compiler");
    Path classes = tmp.resolve("classes");
    Files.createDirectories(classes);
    List<String> javacArgs = new ArrayList<>(List.of("-d", classes.toString()));
    for (String name : List.of("Echo", "Trained", "Training")) {
      javacArgs.add(src.resolve(name + ".java").toString());
    }
    assertThat(javac.run(null, null, null, javacArgs.toArray(String[]::new))).isZero();
    jar = tmp.resolve("lib/badgesmith.jar");
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Echo");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (String name : List.of("Echo", "loaded/Trained", "dev/badgesmith/cli/Training")) {
        out.putNextEntry(new JarEntry(name + ".class"));
        out.write(Files.readAllBytes(classes.resolve(name + ".class")));
        out.closeEntry();
      }
    }
  }

  @Test
  void passesArgumentsAndExitStatusAndMakesTheArchiveOnce() throws Exception {
    Path cache = tmp.resolve("jvm");
    Map<String, String> environment = Map.of("BADGESMITH_JVM_CACHE", cache.toString());

    Run first = run(environment, "3", "two words", "*");
    List<Path> archives = files(cache);
    Run second = run(environment, "0", "again");

    assertThat(first.status()).isEqualTo(3);
    assertThat(first.output()).isEqualTo("3|two words|*\n");
    assertThat(archives)
        .singleElement()
        .satisfies(
            a -> assertThat(a.getFileName().toString()).matches("badgesmith-.*\\.(jsa|aot)"));
    assertThat(second.status()).isZero();
    assertThat(second.output()).isEqualTo("0|again\n");
    assertThat(files(cache)).isEqualTo(archives);
    assertThat(Files.readString(trained)).as("the training ran once").isEqualTo("trained\n");
  }

  @Test
  void theArchiveHoldsWhatTheTrainingLoadedWhicheverCommandCameFirst() throws Exception {
    Map<String, String> environment = Map.of("BADGESMITH_JVM_CACHE", tmp.resolve("jvm").toString());
    assertThat(run(environment, "first").output()).isEqualTo("first\n");
    Map<String, String> logged = new java.util.HashMap<>(environment);
    logged.put("BADGESMITH_OPTS", "-Xlog:class+load");

    // The first command never loaded Trained; only the training did.
    Run later = run(logged, "load");

    assertThat(later.status()).as(later.output()).isZero();
    assertThat(later.output()).contains("loaded.Trained source: shared objects file");
    assertThat(Files.readString(trained)).isEqualTo("trained\n");
  }

  @Test
  void aJarRebuiltAfterItsArchiveGetsAnArchiveTheJvmMaps() throws Exception {
    // The JVM quietly runs without an archive whose jar changed time: the strict option makes
    // that an error, so the strict run passes only if the launcher made the archive anew.
    int feature = Runtime.version().feature();
    assumeTrue(
        feature < 19 || feature >= 25,
        "skipped: Java 19 to 24 keep their automatic archive up to date themselves");
    String strict = feature >= 25 ? "-XX:AOTMode=on" : "-Xshare:on";
    Map<String, String> environment = Map.of("BADGESMITH_JVM_CACHE", tmp.resolve("jvm").toString());
    assertThat(run(environment, "first").status()).isZero();
    Map<String, String> strictly = new java.util.HashMap<>(environment);
    strictly.put("BADGESMITH_OPTS", strict);

    // A rebuild gives the jar a later time; a checkout of an older build, an earlier one.
    for (Duration shift : new Duration[] {Duration.ofHours(1), Duration.ofHours(-2)}) {
      FileTime time = Files.getLastModifiedTime(jar);
      Files.setLastModifiedTime(jar, FileTime.fromMillis(time.toMillis() + shift.toMillis()));

      Run rebuilt = run(environment, "rebuilt");
      Run mapped = run(strictly, "mapped");

      assertThat(rebuilt.output()).isEqualTo("rebuilt\n");
      assertThat(mapped.status()).as(shift + ": " + mapped.output()).isZero();
      assertThat(mapped.output()).isEqualTo("mapped\n");
    }
  }

  @Test
  void stopsAtC1UnlessTheCommandRendersEveryAwardWhereTheJarChooses() throws Exception {
    Path site = tmp.resolve("site");
    Path published = site.resolve("public");
    Files.createDirectories(published);
    String other = tmp.resolve("other").toString();
    String c1 = "C1\njvm"; // C1 alone, and the jar told so
    String jar = "all tiers\nauto"; // the jar chooses, from the site's awards

    String before = compiler("build", site.toString());
    Files.writeString(published.resolve("manifest.json"), "{}");

    assertThat(before).as("into a folder no build has published").isEqualTo(jar);
    assertThat(compiler("build", site.toString())).isEqualTo(c1);
    assertThat(compiler("build", "--date", "2025-01-01", site.toString(), "--threads", "2"))
        .isEqualTo(c1);
    assertThat(compiler("build", site.toString(), "-o", published.toString())).isEqualTo(c1);
    assertThat(compiler("build", site.toString(), "--out=" + other)).isEqualTo(jar);
    assertThat(compiler("build", site.toString(), "--out", other)).isEqualTo(jar);
    assertThat(compiler("build", site.toString(), "--render-all")).isEqualTo(jar);
    assertThat(compiler("build", "--shard", "1/2", site.toString())).isEqualTo(jar);
    assertThat(compiler("build", site.toString(), "--shard=1/1")).isEqualTo(jar);
    assertThat(compiler("merge", site.toString(), "a", "b", "--out", other)).isEqualTo(jar);
    assertThat(compiler("check", site.toString())).isEqualTo(c1);
  }

  private String compiler(String... args) throws Exception {
    Run run = run(Map.of("BADGESMITH_JVM_CACHE", "off", "ECHO_COMPILER", "yes"), args);
    assertThat(run.status()).as(run.output()).isZero();
    return run.output().strip();
  }

  @Test
  void runsWithoutAnArchiveWhenTheCacheIsOff() throws Exception {
    Run run = run(Map.of("BADGESMITH_JVM_CACHE", "off", "HOME", tmp.toString()), "x");

    assertThat(run.status()).isZero();
    assertThat(run.output()).isEqualTo("x\n");
    assertThat(tmp.resolve(".cache")).doesNotExist();
  }

  @Test
  void saysSoWhenThereIsNoJar() throws Exception {
    Files.delete(jar);

    Run run = run(Map.of("BADGESMITH_JVM_CACHE", "off"), "x");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.output()).contains("cannot find badgesmith.jar");
  }

  @Test
  void findsTheReleasesVersionedJarBesideIt() throws Exception {
    Path release = tmp.resolve("release/download"); // no ../lib/badgesmith.jar there
    Files.createDirectories(release);
    Path launcher = Files.copy(LAUNCHER, release.resolve("badgesmith"));
    Files.copy(jar, release.resolve("badgesmith-1.2.3.jar"));
    Map<String, String> environment = Map.of("BADGESMITH_JVM_CACHE", "off", "BADGESMITH_JAR", "");

    Run run = run(launcher, environment, "5", "a");
    Files.copy(jar, release.resolve("badgesmith-1.2.4.jar"));
    Run two = run(launcher, environment, "x");

    assertThat(run.status()).as(run.output()).isEqualTo(5);
    assertThat(run.output()).isEqualTo("5|a\n");
    assertThat(two.status()).isEqualTo(2);
    assertThat(two.output()).contains("more than one badgesmith-*.jar");
  }

  private record Run(int status, String output) {}

  private Run run(Map<String, String> environment, String... args) throws Exception {
    return run(LAUNCHER, environment, args);
  }

  private Run run(Path launcher, Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/sh", launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("BADGESMITH_JAR", jar.toString());
    builder.environment().remove("BADGESMITH_OPTS");
    builder.environment().put("TRAINED", trained.toString());
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }

  private static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }
}
