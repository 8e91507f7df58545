package dev.badgesmith.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.badgesmith.jackson.Jackson;
import dev.badgesmith.verify.HttpResolver;
import dev.badgesmith.verify.HttpResolver.Answer;
import dev.badgesmith.verify.ResolveException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends statements to a learning record store's statements resource (xAPI 1.0.3, Communication,
 * 2.1.2): POSTed in batches, with the xAPI version header and Basic credentials, through the one
 * HTTP client ({@link HttpResolver}, its deadline and size limit).
 *
 * <p>The statements carry ids that follow from their awards, so sending them again is safe: an LRS
 * must not change anything for a statement id it already holds, and answers {@code 200}/{@code 204}
 * or {@code 409 Conflict} (2.1.2.s2.b4). Since many stores reject a whole batch with {@code 409}
 * when one statement conflicts, such a batch is sent again one statement at a time, and a statement
 * the store still answers {@code 409} for is reported, not failed: the store keeps the version it
 * has, as xAPI requires.
 *
 * <p>The LRS is a destination the user names, unlike the documents a badge points at, so it may be
 * on this machine or a private network. Credentials go over {@code https} only, or plain {@code
 * http} to this machine (a local LRS).
 */
public final class LrsClient {
  /** Statements per request. */
  public static final int BATCH = 50;

  /** The longest answer read: a store's list of ids, or its error message. */
  private static final long MAX_ANSWER_BYTES = 1024 * 1024;

  /** The most of an error answer a message repeats. */
  private static final int MAX_QUOTED = 500;

  private final HttpResolver http;

  /** A client whose every request must be answered within {@code timeout}. */
  public LrsClient(Duration timeout) {
    this.http =
        HttpResolver.builder()
            .allowHttp()
            .allowPrivateAddresses()
            .timeout(timeout)
            .maxBytes(MAX_ANSWER_BYTES)
            .build();
  }

  /**
   * Sends the statements, in their order, {@value #BATCH} to a request.
   *
   * @throws XapiException when the store cannot be reached, refuses the credentials or rejects a
   *     statement; statements of earlier batches stay sent
   */
  public SendResult send(LrsDestination lrs, List<? extends JsonNode> statements)
      throws XapiException {
    String url = lrs.statements();
    checkTransport(url);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Experience-API-Version", OpenBadgesProfile.XAPI_VERSION);
    headers.put("Content-Type", "application/json");
    headers.put("Authorization", basic(lrs));
    int accepted = 0;
    int requests = 0;
    List<String> conflicts = new ArrayList<>();
    for (int from = 0; from < statements.size(); from += BATCH) {
      List<? extends JsonNode> batch =
          statements.subList(from, Math.min(statements.size(), from + BATCH));
      requests++;
      if (post(url, headers, batch)) {
        accepted += batch.size();
        continue;
      }
      if (batch.size() == 1) {
        conflicts.add(batch.get(0).path("id").asText());
        continue;
      }
      for (JsonNode statement : batch) {
        requests++;
        if (post(url, headers, List.of(statement))) {
          accepted++;
        } else {
          conflicts.add(statement.path("id").asText());
        }
      }
    }
    return new SendResult(accepted, requests, conflicts);
  }

  /** One POST: true when accepted, false on {@code 409 Conflict}. */
  private boolean post(String url, Map<String, String> headers, List<? extends JsonNode> batch)
      throws XapiException {
    Answer answer;
    try {
      answer = http.post(url, headers, body(batch));
    } catch (ResolveException e) {
      throw new XapiException("cannot reach the learning record store: " + e.getMessage());
    }
    int status = answer.status();
    if (status == 200 || status == 204) {
      return true;
    }
    if (status == 409) {
      return false;
    }
    throw new XapiException(refusal(url, answer));
  }

  private static String refusal(String url, Answer answer) {
    int status = answer.status();
    String said = quoted(answer.body());
    if (status == 401) {
      return "the learning record store at "
          + url
          + " refused the user name and password (HTTP 401)"
          + said;
    }
    if (status >= 300 && status < 400) {
      return "the learning record store at "
          + url
          + " redirects (HTTP "
          + status
          + ") to "
          + answer.header("Location").orElse("nowhere")
          + ": give the address it redirects to";
    }
    if (status == 400) {
      return "the learning record store at " + url + " rejected the statements (HTTP 400)" + said;
    }
    return "the learning record store at " + url + " answered HTTP " + status + said;
  }

  /** The start of an answer's text, as ": ..." after a message, or nothing for an empty one. */
  private static String quoted(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return "";
    }
    return ": " + (text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text);
  }

  private static byte[] body(List<? extends JsonNode> batch) {
    ArrayNode array = Jackson.json().createArrayNode();
    batch.forEach(array::add);
    try {
      return Jackson.json().writeValueAsBytes(array);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static String basic(LrsDestination lrs) {
    byte[] pair = (lrs.user() + ":" + lrs.password()).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(pair);
  }

  /** Credentials never cross a network in the clear: https, or http to this machine only. */
  private static void checkTransport(String url) throws XapiException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new XapiException("not a URL: " + url);
    }
    String scheme = uri.getScheme();
    if ("https".equals(scheme)) {
      return;
    }
    if (!"http".equals(scheme) || uri.getHost() == null) {
      throw new XapiException("a learning record store is reached by https, not " + url);
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
        if (!address.isLoopbackAddress()) {
          throw new XapiException(
              "the password would cross the network unencrypted to "
                  + uri.getHost()
                  + ": give the learning record store's https address (plain http only reaches"
                  + " this machine)");
        }
      }
    } catch (UnknownHostException e) {
      throw new XapiException("cannot resolve the host of " + url + ": " + uri.getHost());
    }
  }
}
