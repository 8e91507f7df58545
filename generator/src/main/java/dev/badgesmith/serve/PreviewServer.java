package dev.badgesmith.serve;

import com.sun.net.httpserver.HttpServer;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.write.SiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local preview of a badge site: builds it once, serves the build on 127.0.0.1, rebuilds when a
 * file of the site is saved, and reloads open pages. A failed build leaves the last good one
 * served, with its diagnostics over every page and in the log.
 *
 * <p>The site is built with its base URL moved to the server's origin (what the builder's function
 * of the origin gives), so its absolute links stay on the machine; the path of {@code baseUrl} is
 * kept, and served as is. The reload script is added to HTML as it is sent, never to the files on
 * disk. Started through the facade ({@code Badgesmith.serve}).
 */
public final class PreviewServer implements AutoCloseable {
  /** How long the site folder must be still before a rebuild starts. */
  private static final Duration QUIET_PERIOD = Duration.ofMillis(150);

  static final String EVENTS_PATH = PreviewHandler.EVENTS_PATH;

  private static final Duration PING_INTERVAL = Duration.ofSeconds(15);
  private static final Duration BUILD_STOP_WAIT = Duration.ofSeconds(30);

  private final Path output;
  private final Optional<Path> temporary;
  private final HttpServer server;
  private final URI origin;
  private final ExecutorService handlers;
  private final ScheduledExecutorService pinger;
  private final ReloadChannel reload = new ReloadChannel();
  private final Rebuilds rebuilds;
  private final SiteWatcher watcher;
  private final Thread buildThread;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private PreviewServer(Builder b, HttpServer server, Path output, Optional<Path> temporary) {
    this.output = output;
    this.temporary = temporary;
    this.server = server;
    this.origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    this.rebuilds = new Rebuilds(b.site, output, b.builds.apply(origin), b.log, reload::broadcast);
    List<Path> ignored = new ArrayList<>(b.ignored);
    // The output, and the staging folders the writer keeps beside it.
    String name = output.getFileName().toString();
    ignored.add(output);
    ignored.add(output.resolveSibling("." + name + ".staging"));
    ignored.add(output.resolveSibling("." + name + ".previous"));
    this.watcher = new SiteWatcher(b.site, ignored, QUIET_PERIOD, rebuilds::request);
    this.handlers = Executors.newFixedThreadPool(8, daemon("badgesmith-serve"));
    this.pinger = Executors.newSingleThreadScheduledExecutor(daemon("badgesmith-ping"));
    this.buildThread = daemon("badgesmith-build").newThread(rebuilds::loop);
  }

  /**
   * A preview of {@code site}, built by what {@code builds} gives for the server's origin (known
   * once the port is bound).
   */
  public static Builder builder(Path site, Function<URI, SiteBuild> builds) {
    return new Builder(site, builds);
  }

  /** The address of the site's home page. */
  public URI url() {
    return origin.resolve(rebuilds.state().basePath().orElse("/"));
  }

  /** Blocks until the server is closed. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Stops watching and serving, waits for a running build, and removes a temporary output. */
  @Override
  public void close() {
    if (!rebuilds.close()) {
      return;
    }
    watcher.close();
    try {
      buildThread.join(BUILD_STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pinger.shutdownNow();
    reload.close();
    server.stop(0);
    handlers.shutdownNow();
    temporary.ifPresent(PreviewServer::deleteTree);
    stopped.countDown();
  }

  private void startServing() {
    server.createContext(
        "/", new PreviewHandler(output, server.getAddress().getPort(), rebuilds::state, reload));
    server.setExecutor(handlers);
    server.start();
    watcher.start();
    buildThread.start();
    long ping = PING_INTERVAL.toMillis();
    pinger.scheduleAtFixedRate(reload::ping, ping, ping, TimeUnit.MILLISECONDS);
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void deleteTree(Path root) {
    try {
      SiteWriter.deleteTree(root);
    } catch (IOException e) {
      // A temporary folder the system cleans up in time; nothing to stop for.
    }
  }

  /** Settings of a preview; every one but the site, its builds and the port has a default. */
  public static final class Builder {
    private final Path site;
    private final Function<URI, SiteBuild> builds;
    private int port;
    private Optional<Path> output = Optional.empty();
    private final List<Path> ignored = new ArrayList<>();
    private PreviewLog log =
        new PreviewLog() {
          @Override
          public void info(String line) {}

          @Override
          public void warn(String line) {}

          @Override
          public void error(String line) {}
        };

    private Builder(Path site, Function<URI, SiteBuild> builds) {
      this.site = Objects.requireNonNull(site, "site");
      this.builds = Objects.requireNonNull(builds, "builds");
    }

    /** The port on 127.0.0.1; 0 for any free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Where the preview is built. Its links name the preview's address, so it is no site to deploy.
     * By default a temporary folder, removed when the server stops.
     */
    public Builder output(Path output) {
      this.output = Optional.of(output.toAbsolutePath().normalize());
      return this;
    }

    /** A folder inside the site whose changes make no rebuild, such as a cache. */
    public Builder ignore(Path folder) {
      this.ignored.add(folder.toAbsolutePath().normalize());
      return this;
    }

    public Builder log(PreviewLog log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * Builds the site once, then serves it and watches it.
     *
     * @throws BadgesmithException when there is no site folder, the port is taken, or the first
     *     build meets a setup problem (a missing signing key, an output folder it must not
     *     replace); content errors do not stop it
     */
    public PreviewServer start() {
      if (!Files.isDirectory(site)) {
        throw new BadgesmithException("no site folder at " + site);
      }
      Optional<Path> temporary = Optional.empty();
      Path out;
      if (output.isPresent()) {
        out = output.get();
      } else {
        try {
          temporary = Optional.of(Files.createTempDirectory("badgesmith-serve-"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        out = temporary.get().resolve("site");
      }
      HttpServer http = bind(port);
      PreviewServer preview;
      try {
        preview = new PreviewServer(this, http, out, temporary);
      } catch (RuntimeException e) {
        http.stop(0);
        temporary.ifPresent(PreviewServer::deleteTree);
        throw e;
      }
      try {
        preview.rebuilds.build(true);
        preview.startServing();
      } catch (RuntimeException e) {
        preview.close();
        throw e;
      }
      log.info("Serving " + site + " at " + preview.url() + " (Ctrl-C to stop)");
      log.info("The designs of its badges: " + preview.origin.resolve(DesignGallery.PATH));
      return preview;
    }

    private static HttpServer bind(int port) {
      try {
        InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        return HttpServer.create(new InetSocketAddress(loopback, port), 0);
      } catch (BindException e) {
        throw new BadgesmithException(
            "port "
                + port
                + " on 127.0.0.1 is in use; choose another with --port, or --port 0 for a free"
                + " one");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
