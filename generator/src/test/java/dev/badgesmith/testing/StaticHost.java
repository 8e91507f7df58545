package dev.badgesmith.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.badgesmith.doctor.Hosting;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A static host on 127.0.0.1 serving a built site folder as GitHub Pages does (media type by
 * extension, {@code Access-Control-Allow-Origin: *}, a folder by its {@code index.html}), each of
 * whose paths can be made to go wrong in one of the ways real hosts do.
 */
public final class StaticHost implements AutoCloseable {
  /** What a host gets wrong about one path. */
  public enum Fault {
    /** Sends the file as {@code text/plain}. */
    WRONG_TYPE,
    /** Leaves out {@code Access-Control-Allow-Origin}. */
    NO_CORS,
    /** Answers 301 to the same path with a slash. */
    REDIRECT,
    /** Sends other bytes than the file's: a space more at the end. */
    CHANGED,
    /** Answers 404. */
    MISSING
  }

  private final HttpServer server;
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private volatile Path root;
  private volatile String basePath = "/";

  private StaticHost(HttpServer server) {
    this.server = server;
  }

  /** A host on a free port of 127.0.0.1, serving nothing until {@link #serve} names a folder. */
  public static StaticHost start() throws IOException {
    return start(InetAddress.getLoopbackAddress());
  }

  /** A host on a free port of {@code address}, an IPv4 address of this machine. */
  public static StaticHost start(InetAddress address) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
    StaticHost host = new StaticHost(server);
    server.createContext("/", host::handle);
    // A few requests at once, as a real host answers them.
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    return host;
  }

  /** {@code http://127.0.0.1:PORT}, or the address it was started at. */
  public URI origin() {
    InetSocketAddress bound = server.getAddress();
    return URI.create("http://" + bound.getAddress().getHostAddress() + ":" + bound.getPort());
  }

  /** Serves this folder under {@code basePath} ({@code /} or {@code /guild/}). */
  public StaticHost serve(Path folder, String basePath) {
    this.root = folder;
    this.basePath = basePath;
    return this;
  }

  /** Makes one path (relative to the root, as the manifest names it) go wrong. */
  public StaticHost fault(String path, Fault fault) {
    faults.put(path, fault);
    return this;
  }

  /** Every path served right again. */
  public void heal() {
    faults.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requested = exchange.getRequestURI().getPath();
      String path = requested.startsWith(basePath) ? requested.substring(basePath.length()) : "";
      Path file =
          root == null || !requested.startsWith(basePath) ? null : root.resolve(path).normalize();
      if (file != null && file.startsWith(root) && Files.isDirectory(file)) {
        file = file.resolve("index.html");
        path = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path + "/index.html";
      }
      Fault fault = faults.get(path);
      if (file == null
          || !file.startsWith(root)
          || !Files.isRegularFile(file)
          || fault == Fault.MISSING) {
        send(exchange, 404, "text/html; charset=utf-8", "<h1>Not found</h1>".getBytes(UTF8));
        return;
      }
      if (fault == Fault.REDIRECT) {
        exchange.getResponseHeaders().set("Location", exchange.getRequestURI().getPath() + "/");
        send(exchange, 301, "text/html; charset=utf-8", new byte[0]);
        return;
      }
      if (fault != Fault.NO_CORS) {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
      }
      List<String> types = Hosting.acceptedTypes(path);
      String type =
          fault == Fault.WRONG_TYPE
              ? "text/plain; charset=utf-8"
              : types.isEmpty() ? "application/octet-stream" : types.get(0);
      byte[] body = Files.readAllBytes(file);
      if (fault == Fault.CHANGED) {
        body = (new String(body, UTF8) + " ").getBytes(UTF8);
      }
      send(exchange, 200, type, body);
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
