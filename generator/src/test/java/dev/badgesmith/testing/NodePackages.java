package dev.badgesmith.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * npm packages for interoperability tests: tools nobody here wrote, run with Node when the machine
 * has it. Tests skip, with the reason, when it does not.
 */
public final class NodePackages {
  private static final long TIMEOUT_MINUTES = 5;

  private NodePackages() {}

  /**
   * Installs the packages into {@code dir} (relative to the module folder, such as {@code
   * target/node-jose}) unless they are there already. Empty, with the reason on standard error,
   * when node or npm is missing or the install fails.
   */
  public static Optional<Path> install(String dir, String... packages) {
    Path folder = Path.of(dir).toAbsolutePath();
    if (!runs("node", "--version") || !runs("npm", "--version")) {
      System.err.println("NodePackages: node and npm are not on the PATH; skipping");
      return Optional.empty();
    }
    try {
      Files.createDirectories(folder);
      // One install at a time, across test JVMs too; the second finds the packages in place.
      try (FileChannel channel =
          FileChannel.open(
              folder.resolve(".install.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE)) {
        channel.lock(); // released when the channel closes
        if (installed(folder, packages)) {
          return Optional.of(folder);
        }
        List<String> command =
            new ArrayList<>(
                List.of(
                    "npm", "install", "--no-audit", "--no-fund", "--prefix", folder.toString()));
        command.addAll(List.of(packages));
        Result result = exec(command, Optional.empty());
        if (result.code() != 0 || !installed(folder, packages)) {
          System.err.println("NodePackages: npm install failed; skipping\n" + result.output());
          return Optional.empty();
        }
        return Optional.of(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code node script args...}; returns standard output, or fails with standard error. */
  public static String run(Path script, String... args) {
    return run(Optional.empty(), script, args);
  }

  /**
   * Runs a CommonJS script that {@code require}s packages installed in {@code folder} (by {@link
   * #install}), found through {@code NODE_PATH}.
   */
  public static String run(Path folder, Path script, String... args) {
    return run(Optional.of(folder.resolve("node_modules")), script, args);
  }

  private static String run(Optional<Path> modules, Path script, String... args) {
    List<String> command = new ArrayList<>(List.of("node", script.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Result result = exec(command, modules);
    if (result.code() != 0) {
      throw new AssertionError(
          script.getFileName() + " exited with " + result.code() + ":\n" + result.output());
    }
    return result.stdout();
  }

  /** Whether every package (a name such as {@code jose@6} or {@code @scope/name}) is installed. */
  private static boolean installed(Path folder, String... packages) {
    for (String spec : packages) {
      int at = spec.indexOf('@', 1);
      String name = at < 0 ? spec : spec.substring(0, at);
      if (!Files.isRegularFile(
          folder.resolve("node_modules").resolve(name).resolve("package.json"))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a command runs and exits 0 (such as {@code node --version}). */
  static boolean runs(String... command) {
    try {
      return exec(List.of(command), Optional.empty(), Optional.empty(), 1).code() == 0;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /** What a process gave: its exit code, its standard output, and both outputs together. */
  record Result(int code, String stdout, String output) {}

  private static Result exec(List<String> command, Optional<Path> modules) {
    return exec(command, Optional.empty(), modules, TIMEOUT_MINUTES);
  }

  /**
   * Runs a command with no input, in {@code directory} when given, with {@code NODE_PATH} set to
   * {@code modules} when given; fails the test when it takes longer than the timeout.
   */
  static Result exec(
      List<String> command, Optional<Path> directory, Optional<Path> modules, long timeoutMinutes) {
    try {
      Path stdout = Files.createTempFile("node-out", ".txt");
      Path stderr = Files.createTempFile("node-err", ".txt");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        directory.ifPresent(d -> builder.directory(d.toFile()));
        modules.ifPresent(m -> builder.environment().put("NODE_PATH", m.toString()));
        Process process = builder.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError(
              String.join(" ", command) + " took over " + timeoutMinutes + " minutes");
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        return new Result(process.exitValue(), out, out + err);
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
