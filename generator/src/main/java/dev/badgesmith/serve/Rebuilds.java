package dev.badgesmith.serve;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.model.Site;
import dev.badgesmith.write.PublishedManifest;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A preview's builds, one at a time: changes saved during a build make one more build after it.
 * Each build is logged, and becomes the state the server serves.
 */
final class Rebuilds {
  private final Path site;
  private final Path output;
  private final SiteBuild builds;
  private final PreviewLog log;

  /** Told the number of each finished build, so open pages reload. */
  private final LongConsumer finished;

  private final Object lock = new Object();
  private boolean requested;
  private boolean closing;
  private volatile PreviewState state =
      new PreviewState(0, Optional.empty(), List.of(), Optional.empty());

  Rebuilds(Path site, Path output, SiteBuild builds, PreviewLog log, LongConsumer finished) {
    this.site = site;
    this.output = output;
    this.builds = builds;
    this.log = log;
    this.finished = finished;
  }

  PreviewState state() {
    return state;
  }

  void request() {
    synchronized (lock) {
      requested = true;
      lock.notifyAll();
    }
  }

  /** Ends the loop after the build under way; false when it was ended already. */
  boolean close() {
    synchronized (lock) {
      if (closing) {
        return false;
      }
      closing = true;
      lock.notifyAll();
      return true;
    }
  }

  /** Builds whenever asked, until closed. */
  void loop() {
    while (true) {
      synchronized (lock) {
        while (!requested && !closing) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closing) {
          return;
        }
        requested = false;
      }
      build(false);
    }
  }

  /** Builds, logs the outcome, and tells open pages. Setup problems are thrown only at start. */
  void build(boolean first) {
    long start = System.nanoTime();
    PreviewState before = state;
    List<String> problems = new ArrayList<>();
    Optional<String> basePath = before.basePath();
    Optional<Site> built = before.site();
    try {
      SiteBuild.Built result = builds.build(site, output);
      for (Diagnostic d : result.diagnostics()) {
        for (String line : d.format().split("\n", -1)) {
          if (d.isError()) {
            log.error(line);
          } else {
            log.warn(line);
          }
        }
        if (d.isError()) {
          problems.add(d.format());
        }
      }
      if (problems.isEmpty()) {
        basePath = Optional.of(basePath(output));
        built = result.site();
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info(
            (first ? "Built " : "Rebuilt ")
                + result.filesWritten()
                + " files in "
                + millis
                + " ms");
      } else {
        log.error(
            "The build failed with "
                + result.errors()
                + (basePath.isPresent()
                    ? ": still serving the last good build"
                    : ": nothing to serve yet"));
      }
    } catch (BadgesmithException e) {
      if (first) {
        throw e;
      }
      problems.add(e.getMessage());
      log.error("The build failed: " + e.getMessage());
    } catch (RuntimeException e) {
      if (first) {
        throw e;
      }
      // A bug: keep serving what there is, and say so where the user looks.
      problems.add("internal error: " + e);
      log.error("The build failed with an internal error: " + e);
    }
    state = new PreviewState(before.generation() + 1, basePath, problems, built);
    finished.accept(state.generation());
  }

  /** Where the built site sits under the origin: the path of its base URL. */
  private static String basePath(Path output) {
    String baseUrl =
        PublishedManifest.read(output.resolve("manifest.json"))
            .map(PublishedManifest::baseUrl)
            .filter(u -> !u.isEmpty())
            .orElse("/");
    String path = URI.create(baseUrl).getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }
}
