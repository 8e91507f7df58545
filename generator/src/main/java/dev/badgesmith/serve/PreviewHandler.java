package dev.badgesmith.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.badgesmith.doctor.Hosting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Answers a preview's requests: the latest good build's files (HTML with the reload script, for
 * browsers), the reload events, the gallery of its designs ({@link DesignGallery}), and pages that
 * show what the latest build found.
 */
final class PreviewHandler implements HttpHandler {
  /** Paths of the server itself, not of the site. */
  static final String INTERNAL_PATH = "/__badgesmith/";

  static final String EVENTS_PATH = INTERNAL_PATH + "events";

  private final Path output;
  private final int port;
  private final Supplier<PreviewState> state;
  private final ReloadChannel reload;

  PreviewHandler(Path output, int port, Supplier<PreviewState> state, ReloadChannel reload) {
    this.output = output;
    this.port = port;
    this.state = state;
    this.reload = reload;
  }

  @Override
  public void handle(HttpExchange exchange) {
    boolean keepOpen = false;
    try {
      PreviewState current = state.get();
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
      if (rawPath.equals(DesignGallery.PATH)) {
        designs(exchange, current);
        return;
      }
      if (rawPath.equals(DesignGallery.PATH.substring(0, DesignGallery.PATH.length() - 1))) {
        exchange.getResponseHeaders().set("Location", DesignGallery.PATH);
        sendText(exchange, 301, "moved to " + DesignGallery.PATH);
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

  /** The gallery of the latest good build's designs, which reloads after each build. */
  private void designs(HttpExchange exchange, PreviewState current) throws IOException {
    if (current.site().isEmpty()) {
      sendHtml(exchange, 503, PreviewPages.failurePage(current.generation(), current.problems()));
      return;
    }
    String page = DesignGallery.page(current.site().get());
    sendHtml(exchange, 200, PreviewPages.inject(page, current.generation(), current.problems()));
  }

  /** The site's own 404 page when it has one. */
  private void notFound(HttpExchange exchange, PreviewState current) throws IOException {
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

  private void sendFile(HttpExchange exchange, int status, Path file, PreviewState current)
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
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port);
  }
}
