package dev.badgesmith.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The git command in one folder, with no user or system configuration, so a test sees the same git
 * wherever it runs. Each command must succeed.
 */
public final class GitRepo {
  private final Path dir;
  private final Path config;

  /**
   * @param config a file for git's global configuration, usually in the test's temporary folder
   */
  public GitRepo(Path dir, Path config) {
    this.dir = dir;
    this.config = config;
  }

  public Path dir() {
    return dir;
  }

  /** The same configuration in another folder. */
  public GitRepo in(Path other) {
    return new GitRepo(other, config);
  }

  /** Whether the git command runs here. */
  public static boolean installed() {
    try {
      Process process = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs git and returns what it printed; fails the test when git fails. */
  public String run(String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectErrorStream(true);
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    builder.environment().put("GIT_CONFIG_GLOBAL", config.toString());
    builder.environment().put("GIT_AUTHOR_NAME", "Maintainer");
    builder.environment().put("GIT_AUTHOR_EMAIL", "maintainer@guild.example.org");
    builder.environment().put("GIT_COMMITTER_NAME", "Maintainer");
    builder.environment().put("GIT_COMMITTER_EMAIL", "maintainer@guild.example.org");
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("git " + String.join(" ", args) + ":\n" + output).isZero();
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Commits everything in the work tree; returns the new commit's id. */
  public String commit(String message) {
    run("add", "-A");
    run("commit", "-q", "-m", message);
    return run("rev-parse", "HEAD").strip();
  }
}
