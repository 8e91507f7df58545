package dev.badgesmith.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Badgesmith's command line in a JVM of its own, on this test run's runtime and class path: what a
 * second process (another CI job, a user's terminal) does, or a JVM the test gives options to.
 */
public final class OwnJvm {
  private OwnJvm() {}

  /** What a run printed, standard output and error together, and its exit status. */
  public record Run(int status, String printed) {}

  /** Runs {@code badgesmith ARGS} with these options for the JVM, and waits for it to end. */
  public static Run badgesmith(List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "dev.badgesmith.cli.Main"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), printed);
  }
}
