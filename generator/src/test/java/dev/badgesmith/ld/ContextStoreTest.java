package dev.badgesmith.ld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextStoreTest {
  private static final String OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

  @TempDir Path tmp;
  private Path spec;
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    spec = LdFixtures.spec();
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void pinsTheDigestOfEveryReferenceCopy() throws IOException {
    for (ContextStore.PinnedContext pin : ContextStore.pinned()) {
      assertThat(ContextStore.sha256(Files.readAllBytes(spec.resolve(pin.file()))))
          .as(pin.url())
          .isEqualTo(pin.sha256());
    }
  }

  @Test
  void servesEveryPinnedContextFromTheFolder() {
    ContextStore store = ContextStore.builder().folder(spec).build();

    for (ContextStore.PinnedContext pin : ContextStore.pinned()) {
      assertThat(store.context(pin.url()).getJsonContent()).as(pin.url()).isPresent();
    }
  }

  @Test
  void parsesEachContextOnce() {
    ContextStore store = ContextStore.builder().folder(spec).build();

    assertThat(store.context(OB3)).isSameAs(store.context(OB3));
  }

  @Test
  void rejectsAContextWhoseDigestDoesNotMatch() throws IOException {
    Path folder = tmp.resolve("contexts");
    TestSites.copy(spec, folder);
    Path file = folder.resolve("ob3/context-3.0.3.json");
    Files.writeString(file, Files.readString(file).replace("\"id\": \"@id\"", "\"id\":\"@id\""));
    ContextStore store = ContextStore.builder().folder(folder).build();

    assertThatThrownBy(() -> store.context(OB3))
        .isInstanceOf(ContextException.class)
        .hasMessageContaining(OB3)
        .hasMessageContaining("ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761")
        .hasMessageContaining(ContextStore.sha256(Files.readAllBytes(file)))
        .hasMessageContaining(file.toString());
  }

  @Test
  void rejectsAnUnknownUrl() {
    ContextStore store = ContextStore.builder().folder(spec).build();

    assertThatThrownBy(() -> store.context("https://w3id.org/security/v2"))
        .isInstanceOf(ContextException.class)
        .hasMessageContaining("unknown JSON-LD context https://w3id.org/security/v2")
        .extracting(e -> ((ContextException) e).url())
        .isEqualTo("https://w3id.org/security/v2");
  }

  @Test
  void fetchesNothingUnlessAllowed() {
    ContextStore store = ContextStore.builder().cacheFolder(tmp.resolve("cache")).build();

    assertThatThrownBy(() -> store.context(OB3))
        .isInstanceOf(ContextException.class)
        .hasMessageContaining("not available offline")
        .hasMessageContaining("ob3/context-3.0.3.json");
  }

  @Test
  void fetchesOnFirstUseThenServesFromTheCache() throws IOException {
    URI base = serve(Files.readAllBytes(spec.resolve("ob3/context-3.0.3.json")));
    Path cache = tmp.resolve("cache");

    ContextStore first = fetching(cache, base);
    assertThat(first.context(OB3).getJsonContent()).isPresent();
    assertThat(requests).containsExactly("/spec/ob/v3p0/context-3.0.3.json");
    assertThat(cache.resolve("ob3/context-3.0.3.json"))
        .hasSameBinaryContentAs(spec.resolve("ob3/context-3.0.3.json"));

    server.stop(0);
    server = null;
    ContextStore second = fetching(cache, base);
    assertThat(second.context(OB3).getJsonContent()).isPresent();
    assertThat(requests).hasSize(1);
  }

  @Test
  void rejectsAFetchedContextWhoseDigestDoesNotMatch() throws IOException {
    URI base = serve("{\"@context\":{}}".getBytes(StandardCharsets.UTF_8));
    Path cache = tmp.resolve("cache");

    assertThatThrownBy(() -> fetching(cache, base).context(OB3))
        .isInstanceOf(ContextException.class)
        .hasMessageContaining("does not match its pinned digest");
    assertThat(cache.resolve("ob3/context-3.0.3.json")).doesNotExist();
  }

  @Test
  void fetchesNothingWhenTheFolderHasTheContext() throws IOException {
    URI base = serve("{}".getBytes(StandardCharsets.UTF_8));
    ContextStore store =
        ContextStore.builder()
            .folder(spec)
            .cacheFolder(tmp.resolve("cache"))
            .fetch(true)
            .fetchAddress(url -> base.resolve(url.getPath()))
            .build();

    for (ContextStore.PinnedContext pin : ContextStore.pinned()) {
      store.context(pin.url());
    }
    assertThat(requests).isEmpty();
    assertThat(tmp.resolve("cache")).doesNotExist();
  }

  private ContextStore fetching(Path cache, URI base) {
    return ContextStore.builder()
        .cacheFolder(cache)
        .fetch(true)
        .timeout(Duration.ofSeconds(5))
        .fetchAddress(url -> base.resolve(url.getPath()))
        .build();
  }

  /** Serves {@code body} at every path on 127.0.0.1, recording the paths asked for. */
  private URI serve(byte[] body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestURI().getPath());
          exchange.getResponseHeaders().add("Content-Type", "application/ld+json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }
}
