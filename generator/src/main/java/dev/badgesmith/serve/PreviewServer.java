package dev.badgesmith.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.doctor.Hosting;
import dev.badgesmith.write.PublishedManifest;
import dev.badgesmith.write.SiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A local preview of a badge site: builds it once, serves the build on 127.0.0.1, rebuilds when a
 * file of the site is saved, and reloads open pages. A failed build leaves the last good one
 * served, with its diagnostics over every page and in the log.
 *
 * <p>The site is built with its base URL moved to the server's origin ({@link
 * Badgesmith.Builder#previewOrigin}), so its absolute links stay on the machine; the path of {@code
 * baseUrl} is kept, and served as is. The reload script is added to HTML as it is sent, never to
 * the files on disk.
 *
 * <pre>{@code
 * try (PreviewServer server = PreviewServer.builder(site, Badgesmith.builder()).port(0).start()) {
 *   System.out.println(server.url());
 *   server.awaitStop();
 * }
 * }</pre>
 */
public final class PreviewServer implements AutoCloseable {
  /** How long the site folder must be still before a rebuild starts. */
  private static final Duration QUIET_PERIOD = Duration.ofMillis(150);

  /** The port the command line and the Maven goal use when none is given. */
  public static final int DEFAULT_PORT = 1313;

  /** Paths of the server itself, not of the site. */
  static final String INTERNAL_PATH = "/__badgesmith/";

  static final String EVENTS_PATH = INTERNAL_PATH + "events";

  private static final Duration PING_INTERVAL = Duration.ofSeconds(15);
  private static final Duration BUILD_STOP_WAIT = Duration.ofSeconds(30);

  /** What the server serves: the latest build's number, where the site is, what went wrong. */
  private record State(long generation, Optional<String> basePath, List<String> problems) {}

  private final Path site;
  private final Path output;
  private final Optional<Path> temporary;
  private final Badgesmith generator;
  private final PreviewLog log;
  private final HttpServer server;
  private final URI origin;
  private final ExecutorService handlers;
  private final ScheduledExecutorService pinger;
  private final ReloadChannel reload = new ReloadChannel();
  private final SiteWatcher watcher;
  private final Thread buildThread;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Object lock = new Object();
  private boolean buildRequested;
  private boolean closing;
  private volatile State state = new State(0, Optional.empty(), List.of());

  private PreviewServer(Builder b, HttpServer server, Path output, Optional<Path> temporary) {
    this.site = b.site;
    this.output = output;
    this.temporary = temporary;
    this.log = b.log;
    this.server = server;
    this.origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    this.generator = b.generator.previewOrigin(origin).build();
    List<Path> ignored = new ArrayList<>(b.ignored);
    // The output, and the staging folders the writer keeps beside it.
    String name = output.getFileName().toString();
    ignored.add(output);
    ignored.add(output.resolveSibling("." + name + ".staging"));
    ignored.add(output.resolveSibling("." + name + ".previous"));
    this.watcher = new SiteWatcher(site, ignored, QUIET_PERIOD, this::requestBuild);
    this.handlers = Executors.newFixedThreadPool(8, daemon("badgesmith-serve"));
    this.pinger = Executors.newSingleThreadScheduledExecutor(daemon("badgesmith-ping"));
    this.buildThread = daemon("badgesmith-build").newThread(this::buildLoop);
  }

  /**
   * A preview of {@code site}, built by a generator with these settings (the preview sets its
   * origin).
   */
  public static Builder builder(Path site, Badgesmith.Builder generator) {
    return new Builder(site, generator);
  }

  /** The address of the site's home page. */
  public URI url() {
    return origin.resolve(state.basePath().orElse("/"));
  }

  /** The folder the preview is built into. */
  public Path output() {
    return output;
  }

  /** Blocks until the server is closed. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Serves until the server is closed or the process is stopped (Ctrl-C), then closes it: what the
   * {@code serve} command and the Maven goal do once the server has started.
   */
  public void serveUntilStopped() {
    // Ctrl-C: the JVM runs this hook, which stops the server and releases awaitStop below.
    Thread hook = new Thread(this::close, "badgesmith-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      awaitStop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already stopping, and the hook has run.
      }
    }
  }

  /** Stops watching and serving, waits for a running build, and removes a temporary output. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closing) {
        return;
      }
      closing = true;
      lock.notifyAll();
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
    server.createContext("/", this::handle);
    server.setExecutor(handlers);
    server.start();
    watcher.start();
    buildThread.start();
    long ping = PING_INTERVAL.toMillis();
    pinger.scheduleAtFixedRate(reload::ping, ping, ping, TimeUnit.MILLISECONDS);
  }

  // ---- building -------------------------------------------------------------------------------

  private void requestBuild() {
    synchronized (lock) {
      buildRequested = true;
      lock.notifyAll();
    }
  }

  /** One build at a time; changes saved during a build make one more build after it. */
  private void buildLoop() {
    while (true) {
      synchronized (lock) {
        while (!buildRequested && !closing) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closing) {
          return;
        }
        buildRequested = false;
      }
      build(false);
    }
  }

  /** Builds, logs the outcome, and tells open pages. Setup problems are thrown only at start. */
  private void build(boolean first) {
    long start = System.nanoTime();
    State before = state;
    List<String> problems = new ArrayList<>();
    Optional<String> basePath = before.basePath();
    try {
      Report report = generator.build(site, output);
      for (Diagnostic d : report.diagnostics()) {
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
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info(
            (first ? "Built " : "Rebuilt ")
                + report.filesWritten()
                + " files in "
                + millis
                + " ms");
      } else {
        log.error(
            "The build failed with "
                + Report.count(report.errorCount(), "error")
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
    state = new State(before.generation() + 1, basePath, List.copyOf(problems));
    reload.broadcast(state.generation());
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

  // ---- serving --------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) {
    boolean keepOpen = false;
    try {
      State current = state;
      if (!hostAllowed(exchange)) {
        // Another host name resolving here (DNS rebinding) must not read the preview.
        sendText(exchange, 403, "forbidden: unknown host");
        return;
      }
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        sendText(exchange, 405, "method not allowed");
        return;
      }
      String rawPath = exchange.getRequestURI().getRawPath();
      if (rawPath.equals(EVENTS_PATH) && method.equals("GET")) {
        reload.open(exchange, current.generation());
        keepOpen = true;
        return;
      }
      if (rawPath.startsWith(INTERNAL_PATH)) {
        sendText(exchange, 404, "not found");
        return;
      }
      if (current.basePath().isEmpty()) {
        sendHtml(exchange, 503, PreviewPages.failurePage(current.generation(), current.problems()));
        return;
      }
      StaticFiles.Lookup found = StaticFiles.lookup(output, current.basePath().get(), rawPath);
      if (found instanceof StaticFiles.Found file) {
        sendFile(exchange, 200, file.file(), current);
      } else if (found instanceof StaticFiles.Redirect redirect) {
        exchange.getResponseHeaders().set("Location", redirect.location());
        sendText(exchange, 301, "moved to " + redirect.location());
      } else if (found instanceof StaticFiles.Forbidden) {
        sendText(exchange, 403, "forbidden: the path leaves the site");
      } else {
        notFound(exchange, current);
      }
    } catch (IOException e) {
      // The browser went away; nothing to tell it.
    } finally {
      if (!keepOpen) {
        exchange.close();
      }
    }
  }

  /** The site's own 404 page when it has one. */
  private void notFound(HttpExchange exchange, State current) throws IOException {
    Path page = output.resolve("404.html");
    if (Files.isRegularFile(page)) {
      try {
        sendFile(exchange, 404, page, current);
        return;
      } catch (NoSuchFileException e) {
        // Replaced by a build just now: fall through to the plain page.
      }
    }
    sendHtml(exchange, 404, PreviewPages.notFoundPage(current.generation(), current.problems()));
  }

  private void sendFile(HttpExchange exchange, int status, Path file, State current)
      throws IOException {
    String type = StaticFiles.contentType(file);
    byte[] body = Files.readAllBytes(file);
    String path = output.toRealPath().relativize(file).toString().replace('\\', '/');
    if (Hosting.crossOrigin(path)) {
      // As GitHub Pages sends it: browser verifiers read badge documents from any origin.
      exchange.getResponseHeaders().set("Access-Control-Allow-Origin", Hosting.ANY_ORIGIN);
    }
    // The reload script goes to browsers only, so tools read the pages as the build wrote them.
    if (StaticFiles.isHtml(type) && acceptsHtml(exchange)) {
      String html = new String(body, StandardCharsets.UTF_8);
      body =
          PreviewPages.inject(html, current.generation(), current.problems())
              .getBytes(StandardCharsets.UTF_8);
    }
    send(exchange, status, type, body);
  }

  /** Whether the request asks for HTML by name, as a browser's page loads do. */
  private static boolean acceptsHtml(HttpExchange exchange) {
    return exchange.getRequestHeaders().getOrDefault("Accept", List.of()).stream()
        .anyMatch(accept -> accept.toLowerCase(Locale.ROOT).contains("text/html"));
  }

  private static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
    send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    send(
        exchange,
        status,
        "text/plain; charset=utf-8",
        (text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", type);
    // A preview changes at every save: the browser must never show an old copy.
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  private boolean hostAllowed(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null) {
      return true; // HTTP/1.0
    }
    int port = server.getAddress().getPort();
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port);
  }

  // ---- helpers --------------------------------------------------------------------------------

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

  /** Settings of a preview; every one but the site has a default. */
  public static final class Builder {
    private final Path site;
    private final Badgesmith.Builder generator;
    private int port = DEFAULT_PORT;
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

    private Builder(Path site, Badgesmith.Builder generator) {
      this.site = Objects.requireNonNull(site, "site");
      this.generator = Objects.requireNonNull(generator, "generator");
    }

    /** The port on 127.0.0.1; {@value #DEFAULT_PORT} by default, 0 for any free one. */
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
        preview.build(true);
        preview.startServing();
      } catch (RuntimeException e) {
        preview.close();
        throw e;
      }
      preview.log.info("Serving " + site + " at " + preview.url() + " (Ctrl-C to stop)");
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
