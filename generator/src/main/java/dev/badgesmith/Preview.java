package dev.badgesmith;

import dev.badgesmith.model.Site;
import dev.badgesmith.serve.PreviewLog;
import dev.badgesmith.serve.PreviewServer;
import dev.badgesmith.serve.SiteBuild;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A running local preview of a site, started by {@link Badgesmith#serve}: built once, served on
 * 127.0.0.1, rebuilt when a file is saved, open pages reloaded. Its links name its own address: it
 * is not a site to deploy.
 *
 * <pre>{@code
 * try (Preview preview = generator.serve(site, new PreviewSettings(0, Optional.empty(), List.of(), log))) {
 *   System.out.println(preview.url());
 *   preview.await();
 * }
 * }</pre>
 */
public final class Preview implements AutoCloseable {
  /** The port the command line and the Maven goal use when none is given. */
  public static final int DEFAULT_PORT = 1313;

  private final PreviewServer server;

  private Preview(PreviewServer server) {
    this.server = server;
  }

  /** Where a preview reports, one line at a time: the command prints these, the goal logs them. */
  public interface Log {
    void info(String line);

    void warn(String line);

    void error(String line);
  }

  /**
   * Starts a preview of {@code site} built by the generator {@code generator} gives for the
   * server's origin.
   */
  static Preview start(Path site, PreviewSettings settings, Function<URI, Badgesmith> generator) {
    Log log = settings.log();
    PreviewServer.Builder builder =
        PreviewServer.builder(site, origin -> builds(generator.apply(origin)))
            .port(settings.port())
            .log(
                new PreviewLog() {
                  @Override
                  public void info(String line) {
                    log.info(line);
                  }

                  @Override
                  public void warn(String line) {
                    log.warn(line);
                  }

                  @Override
                  public void error(String line) {
                    log.error(line);
                  }
                });
    settings.output().ifPresent(builder::output);
    settings.ignored().forEach(builder::ignore);
    return new Preview(builder.start());
  }

  private static SiteBuild builds(Badgesmith generator) {
    return (site, output) -> {
      AtomicReference<Site> published = new AtomicReference<>();
      Report report = generator.build(site, output, published::set);
      return new SiteBuild.Built(
          report.diagnostics(),
          report.filesWritten(),
          Report.count(report.errorCount(), "error"),
          Optional.ofNullable(published.get()));
    };
  }

  /** The address of the site's home page. */
  public URI url() {
    return server.url();
  }

  /** Blocks until the preview is stopped. */
  public void await() throws InterruptedException {
    server.awaitStop();
  }

  /** Stops watching and serving, waits for a running build, and removes a temporary output. */
  public void stop() {
    server.close();
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Serves until the preview is stopped, the thread interrupted or the process stopped (Ctrl-C),
   * then stops it: what the {@code serve} command and the Maven goal do once it has started.
   */
  public void serveUntilStopped() {
    // Ctrl-C: the JVM runs this hook, which stops the server and releases await below.
    Thread hook = new Thread(this::stop, "badgesmith-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already stopping, and the hook has run.
      }
    }
  }
}
