package dev.badgesmith.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run the launcher makes its JVM archive from: a site as {@code init --signing} writes it,
 * signed with both a VC-JWT and a Data Integrity key, checked, built, given an award and built
 * again, in a temporary folder removed afterwards. An archive made from the user's first command
 * held only what that command loaded (an {@code init}, a {@code --version}, an unsigned site), and
 * every later command loaded the rest from the jar, unverified; this one holds what the commands
 * that run most load, whichever comes first.
 */
final class Training {
  private Training() {}

  /** Runs the training; exits 0 when every step succeeded (the launcher archives either way). */
  public static void main(String[] args) throws IOException {
    Path folder = Files.createTempDirectory("badgesmith-training-");
    List<String> failed;
    try {
      failed = train(folder);
    } finally {
      delete(folder);
    }
    failed.forEach(step -> System.err.println("badgesmith training: failed: " + step));
    System.exit(failed.isEmpty() ? Main.OK : Main.INTERNAL);
  }

  /**
   * Runs each step in {@code folder} through the command line, as a user would, and gives the steps
   * that failed.
   */
  static List<String> train(Path folder) throws IOException {
    Path site = folder.resolve("site");
    Path keys = folder.resolve("keys");
    Path out = folder.resolve("out");
    Files.createDirectories(keys);
    List<String> failed = new ArrayList<>();
    step(failed, "init", site, "--signing", "--private-key", keys.resolve("rsa-1.pem"));
    step(
        failed,
        "keygen",
        site,
        "--id",
        "ed-1",
        "--algorithm",
        "Ed25519",
        "--private-key",
        keys.resolve("ed-1.pem"));
    Path settings = site.resolve("site.yaml");
    if (Files.isRegularFile(settings)) {
      Files.writeString(settings, withDataIntegrity(Files.readString(settings)));
    }
    step(failed, "check", site);
    Object[] build = {"build", site, "--out", out, "--keys", keys};
    step(failed, build);
    Path awards = site.resolve("awards/welcome");
    Path first = awards.resolve("example-earner.yaml");
    if (Files.isRegularFile(first)) {
      Files.writeString(
          awards.resolve("second-earner.yaml"),
          Files.readString(first).replace("Example Earner", "Second Earner"));
    }
    step(failed, build);
    return failed;
  }

  /** The settings {@code init --signing} writes, with the Ed25519 key for proofs added. */
  static String withDataIntegrity(String settings) {
    return settings
        .replace("  jwt: rsa-1\n", "  jwt: rsa-1\n  dataIntegrity: ed-1\n")
        .replace(
            "      algorithm: RS256\n",
            "      algorithm: RS256\n    - id: ed-1\n      algorithm: Ed25519\n");
  }

  private static void step(List<String> failed, Object... words) {
    String[] args = Stream.of(words).map(String::valueOf).toArray(String[]::new);
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    // No environment: the user's keys, salt secret and CI settings play no part.
    if (Main.run(args, Map.of(), quiet, quiet) != Main.OK) {
      failed.add(String.join(" ", args));
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
