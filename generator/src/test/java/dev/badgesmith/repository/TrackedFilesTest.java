package dev.badgesmith.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The repository itself: a file that {@code .gitignore} ignores but Git still tracks (committed
 * before the rule, or added with {@code --force}) is build output or a local file by mistake.
 */
class TrackedFilesTest {
  /** The repository's root, from the module folder that tests run in. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void noTrackedFileIsIgnored() throws IOException, InterruptedException {
    Result inside = git("rev-parse", "--is-inside-work-tree");
    assumeTrue(
        inside.code() == 0 && inside.output().strip().equals("true"),
        "skipped: " + ROOT + " is not a Git checkout (or git is not installed)");

    Result ignored = git("ls-files", "--cached", "--ignored", "--exclude-standard");
    assertThat(ignored.code()).as(ignored.output()).isZero();
    List<String> files = ignored.output().lines().toList();
    assertThat(files)
        .as("tracked files that .gitignore ignores: `git rm --cached` them, or change the rule")
        .isEmpty();
  }

  private record Result(int code, String output) {}

  private static Result git(String... args) throws InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", ROOT.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, output);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    }
  }
}
