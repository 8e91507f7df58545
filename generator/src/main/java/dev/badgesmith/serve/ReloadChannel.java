package dev.badgesmith.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Server-Sent Events stream open pages listen to. Each event carries the number of the latest
 * build; a page reloads when it differs from the build it was served from, so a build that ends
 * between serving a page and its connecting is not missed.
 */
final class ReloadChannel {
  static final String EVENT = "reload";

  private final Set<Client> clients = ConcurrentHashMap.newKeySet();

  /** Keeps the exchange open as an event stream, starting with the current build. */
  void open(HttpExchange exchange, long generation) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    Client client = new Client(exchange);
    clients.add(client);
    // A browser reconnects after a second when the server restarts.
    if (!client.send("retry: 1000\n" + event(generation))) {
      clients.remove(client);
    }
  }

  /** Tells every open page about a finished build. */
  void broadcast(long generation) {
    sendAll(event(generation));
  }

  /** A comment line, to find and drop the streams of pages that were closed. */
  void ping() {
    sendAll(": ping\n\n");
  }

  void close() {
    for (Client client : clients) {
      client.close();
    }
    clients.clear();
  }

  private void sendAll(String text) {
    for (Client client : clients) {
      if (!client.send(text)) {
        clients.remove(client);
      }
    }
  }

  private static String event(long generation) {
    return "event: " + EVENT + "\ndata: " + generation + "\n\n";
  }

  private static final class Client {
    private final HttpExchange exchange;
    private final OutputStream body;

    Client(HttpExchange exchange) {
      this.exchange = exchange;
      this.body = exchange.getResponseBody();
    }

    synchronized boolean send(String text) {
      try {
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
        return true;
      } catch (IOException e) {
        close();
        return false;
      }
    }

    synchronized void close() {
      exchange.close();
    }
  }
}
