package dev.badgesmith.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A learning record store's statements resource on 127.0.0.1, as strict as the xAPI 1.0.3 rules a
 * sender must meet: the version header, Basic credentials and a JSON body, or an error answer. It
 * stores statements by id, answers 200 with their ids, keeps a statement it holds unchanged, and
 * rejects a whole batch with 409 when a statement's id is held with other content.
 */
public final class StandInLrs implements AutoCloseable {
  static final String PATH = "/xapi/statements";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String authorization;
  private final Map<String, JsonNode> stored = new LinkedHashMap<>();
  private final List<Integer> batchSizes = new ArrayList<>();
  private Optional<String> badRequest = Optional.empty();

  public StandInLrs(String user, String password) throws IOException {
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(PATH, this::handle);
    server.start();
  }

  /** The xAPI endpoint. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/xapi/";
  }

  public synchronized Map<String, JsonNode> stored() {
    return new LinkedHashMap<>(stored);
  }

  public synchronized List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }

  /** Stores a statement as if an earlier sender had. */
  public synchronized void hold(JsonNode statement) {
    stored.put(statement.path("id").asText(), statement);
  }

  /** Answers every request with 400 and this body from now on. */
  synchronized void rejectWith(String body) {
    badRequest = Optional.of(body);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, "only POST");
        return;
      }
      if (!"1.0.3".equals(exchange.getRequestHeaders().getFirst("X-Experience-API-Version"))) {
        answer(exchange, 400, "X-Experience-API-Version 1.0.3 is required");
        return;
      }
      if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, "{\"error\":\"unauthorised\"}");
        return;
      }
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (type == null || !type.startsWith("application/json")) {
        answer(exchange, 400, "statements without data attachments are application/json");
        return;
      }
      if (badRequest.isPresent()) {
        answer(exchange, 400, badRequest.get());
        return;
      }
      JsonNode received = JSON.readTree(body);
      List<JsonNode> batch = new ArrayList<>();
      received.forEach(batch::add);
      batchSizes.add(batch.size());
      for (JsonNode statement : batch) {
        JsonNode held = stored.get(statement.path("id").asText());
        if (statement.path("id").asText().isEmpty()) {
          answer(exchange, 400, "every statement here has an id");
          return;
        }
        if (held != null && !held.equals(statement)) {
          answer(exchange, 409, "statement " + statement.path("id").asText() + " differs");
          return;
        }
      }
      ArrayNode ids = JSON.createArrayNode();
      for (JsonNode statement : batch) {
        stored.putIfAbsent(statement.path("id").asText(), statement);
        ids.add(statement.path("id").asText());
      }
      answer(exchange, 200, JSON.writeValueAsString(ids));
    }
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("X-Experience-API-Version", "1.0.3");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
