package dev.badgesmith.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeMojoTest {
  private static final Pattern SERVING = Pattern.compile("\\[INFO] Serving .* at (http://\\S+) ");

  private final RecordingLog log = new RecordingLog();

  @TempDir Path tmp;

  private ServeMojo mojo(Path site) {
    ServeMojo mojo = new ServeMojo();
    mojo.siteDirectory = site.toFile();
    mojo.buildDirectory = site.resolve("target").toFile();
    mojo.cacheDirectory = site.resolve("target/badgesmith-cache").toFile();
    mojo.outputDirectory = site.resolve("target/badgesmith-serve").toFile();
    mojo.threads = 1;
    mojo.port = 0;
    mojo.setLog(log);
    return mojo;
  }

  @Test
  void servesTheSiteUntilInterrupted() throws Exception {
    Path site = site();
    ServeMojo mojo = mojo(site);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread goal =
        new Thread(
            () -> {
              try {
                mojo.execute();
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    goal.start();

    URI url = awaitAddress(Duration.ofSeconds(60));
    HttpResponse<String> home =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    goal.interrupt();
    goal.join(Duration.ofSeconds(30).toMillis());

    assertThat(url.toString()).matches("http://127\\.0\\.0\\.1:\\d+/guild/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Serve Guild").contains("http://127.0.0.1:");
    assertThat(goal.isAlive()).isFalse();
    assertThat(failure.get()).isNull();
    assertThat(log.lines.get(0)).startsWith("[INFO] Built ");
    // The preview goes to its own folder, never to the build goal's.
    assertThat(site.resolve("target/badgesmith-serve/manifest.json")).exists();
    assertThat(site.resolve("target/site")).doesNotExist();
  }

  @Test
  void turnsASetupProblemIntoAnExecutionFailure() {
    ServeMojo mojo = mojo(tmp.resolve("missing"));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("no site folder at ");
  }

  private URI awaitAddress(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : log.lines) {
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          return URI.create(m.group(1));
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the goal logged no address: " + log.lines);
  }

  private Path site() throws Exception {
    Path site = tmp.resolve("site");
    Map<String, String> files =
        Map.of(
            "site.yaml",
            "title: Serve Guild\nbaseUrl: https://badges.example.org/guild/\n",
            "issuers/guild.yaml",
            "name: The Guild\nurl: https://guild.example.org/\nemail: badges@guild.example.org\n",
            "badges/intro.md",
            "---\nname: Intro\ndescription: Took the intro.\n---\nFinish the intro.\n",
            "badges/intro.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                + "<circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>\n",
            "awards/intro/jane.yaml",
            "recipient:\n  url: https://jane.example.org/\nissuedOn: 2025-03-14\n");
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = site.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
    }
    return site;
  }
}
