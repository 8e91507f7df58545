package dev.badgesmith.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.badgesmith.Badgesmith;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check goal's {@code base} parameter, over a real Git repository. */
class CheckMojoTest {
  private final RecordingLog log = new RecordingLog();

  @TempDir Path tmp;

  private CheckMojo mojo(Path site, String base) {
    CheckMojo mojo = new CheckMojo();
    mojo.siteDirectory = site.toFile();
    mojo.cacheDirectory = tmp.resolve("cache").toFile();
    mojo.base = base;
    mojo.setLog(log);
    return mojo;
  }

  /** The site of the check-ok integration test, with its lock. */
  private Path lockedSite() throws IOException {
    Path site = tmp.resolve("site");
    Path from = Path.of("src/it/check-ok");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = from.relativize(file).toString();
        if (!name.equals("pom.xml") && !name.endsWith(".properties") && !name.endsWith(".groovy")) {
          Files.createDirectories(site.resolve(name).getParent());
          Files.copy(file, site.resolve(name));
        }
      }
    }
    assertThat(Badgesmith.builder().build().lock(site).hasErrors()).isFalse();
    return site;
  }

  @Test
  void aLockLineThatThePullRequestRemovesFailsTheGoal() throws Exception {
    assumeTrue(git(tmp, "--version") == 0, "skipped: the git command is not installed");
    Path site = lockedSite();
    assertThat(git(site, "init", "-q")).isZero();
    assertThat(git(site, "add", "-A")).isZero();
    assertThat(git(site, "commit", "-q", "-m", "publish")).isZero();
    Files.delete(site.resolve("awards/first-steps/ada.yaml"));
    List<String> lock = new ArrayList<>(Files.readAllLines(site.resolve("published.lock")));
    lock.removeIf(l -> l.startsWith("first-steps/ada "));
    Files.write(site.resolve("published.lock"), lock);

    mojo(site, null).execute(); // held to its own lock only, the change passes
    assertThatThrownBy(() -> mojo(site, "HEAD").execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("badge site has 1 error");
    assertThat(log.lines)
        .anyMatch(
            l ->
                l.startsWith("[ERROR] published.lock:")
                    && l.contains("error[BSG403]: the line of first-steps/ada"));
  }

  @Test
  void aSiteOutsideAnyRepositoryIsASetupError() throws Exception {
    Path site = lockedSite();
    assumeTrue(git(site, "rev-parse", "--git-dir") != 0, "skipped: the temporary folder is in Git");

    assertThatThrownBy(() -> mojo(site, "origin/main").execute())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("--base needs the site to be in a Git repository");
  }

  private int git(Path dir, String... args) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    builder.environment().put("GIT_CONFIG_GLOBAL", tmp.resolve("gitconfig").toString());
    builder.environment().put("GIT_AUTHOR_NAME", "Maintainer");
    builder.environment().put("GIT_AUTHOR_EMAIL", "maintainer@guild.example.org");
    builder.environment().put("GIT_COMMITTER_NAME", "Maintainer");
    builder.environment().put("GIT_COMMITTER_EMAIL", "maintainer@guild.example.org");
    try {
      Process process = builder.start();
      new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (IOException e) {
      if (args.length == 1 && args[0].equals("--version")) {
        return -1;
      }
      throw new UncheckedIOException(e);
    }
  }
}
