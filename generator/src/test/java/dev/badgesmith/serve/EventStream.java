package dev.badgesmith.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A browser's side of the reload channel: the data of each {@code reload} event, in order. */
final class EventStream implements AutoCloseable {
  private final BlockingQueue<String> reloads = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private final Thread reader;

  EventStream(HttpClient client, URI events) throws IOException, InterruptedException {
    response =
        client.send(
            HttpRequest.newBuilder(events).header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.ofLines());
    reader =
        new Thread(
            () -> {
              String event = "message";
              String data = "";
              try (Stream<String> lines = response.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                  if (line.isEmpty()) {
                    if (event.equals("reload")) {
                      reloads.add(data);
                    }
                    event = "message";
                    data = "";
                  } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                  } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                  }
                }
              } catch (RuntimeException e) {
                // The stream was closed.
              }
            },
            "event-stream");
    reader.setDaemon(true);
    reader.start();
  }

  HttpResponse<Stream<String>> response() {
    return response;
  }

  /** The next reload event's data, waiting at most {@code timeout}; fails when none came. */
  String next(Duration timeout) throws InterruptedException {
    String data = reloads.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (data == null) {
      throw new AssertionError("no reload event within " + timeout);
    }
    return data;
  }

  /** A reload event that came within {@code wait}, or null. */
  String poll(Duration wait) throws InterruptedException {
    return reloads.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    response.body().close();
  }
}
