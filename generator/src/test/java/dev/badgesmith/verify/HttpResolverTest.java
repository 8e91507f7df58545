package dev.badgesmith.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.badgesmith.verify.Check.Step;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live verification against a local server that serves a built site as a static host would. */
class HttpResolverTest {
  private static final String BASE = "https://badges.example.org/guild/";

  @TempDir static Path tmp;
  static Path out;
  static HttpServer server;
  static final Set<String> gone = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void serve() throws IOException {
    Path site = VerifierTest.signedSite(tmp.resolve("site"));
    var env = new java.util.HashMap<String, String>();
    VerifierTest.addKey(site, "rsa-1", dev.badgesmith.sign.KeyAlgorithm.RS256, env);
    VerifierTest.addKey(site, "ed-1", dev.badgesmith.sign.KeyAlgorithm.Ed25519, env);
    out = tmp.resolve("out");
    VerifierTest.build(site, out, env);

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/guild/",
        exchange -> {
          String relative = exchange.getRequestURI().getPath().substring("/guild/".length());
          Path file = out.resolve(relative).normalize();
          int status =
              gone.contains(relative)
                  ? 410
                  : file.startsWith(out) && Files.isRegularFile(file) ? 200 : 404;
          byte[] body = status == 200 ? Files.readAllBytes(file) : new byte[0];
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Where the local server answers for a URL of the site, or for its did:web. */
  static String local(String url) {
    String target = DidWeb.isDidWeb(url) ? DidWeb.documentUrl(url) : url;
    return "http://127.0.0.1:" + server.getAddress().getPort() + URI.create(target).getRawPath();
  }

  /**
   * A client of the local server as the product makes one: plain http allowed as an import allows
   * it, 127.0.0.1 as {@code --allow-private-addresses} allows it.
   */
  static HttpResolver.Builder http() {
    return HttpResolver.builder().allowHttp().allowPrivateAddresses();
  }

  /** What a verifier fetches of the site: each of its URLs from the local server. */
  static Resolver resolver() {
    HttpResolver http = http().build();
    return url -> http.fetch(local(url));
  }

  @Test
  void everyPublishedFormPassesAgainstTheLiveSite() {
    Verifier verifier = VerifierTest.verifier(resolver());
    for (String path :
        List.of(
            "assertions/intro/jane.png",
            "assertions/intro/jane.json",
            "credentials/intro/jane.svg",
            "credentials/intro/jane.jwt")) {
      VerifierTest.assertPasses(verifier.verifyUrl(BASE + path, Optional.empty()));
    }
    // A file given locally, checked against the live site.
    VerifierTest.assertPasses(
        verifier.verify(
            VerifierTest.read(out.resolve("credentials/intro/jane.json")),
            "jane.json",
            Optional.of("jane@example.org")));
  }

  @Test
  void aHostedAssertionAnsweringGoneIsRevoked() {
    Verifier verifier = VerifierTest.verifier(resolver());
    gone.add("assertions/intro/jane.json");
    try {
      VerificationReport report =
          verifier.verify(
              VerifierTest.read(out.resolve("assertions/intro/jane.png")),
              "jane.png",
              Optional.empty());
      Check failed = VerifierTest.failure(report);
      assertThat(failed.step()).isEqualTo(Step.STATUS);
      assertThat(failed.message()).isEqualTo("revoked: the hosted assertion is gone (HTTP 410)");
    } finally {
      gone.clear();
    }
  }

  @Test
  void refusesOtherSchemesAndBodiesOverTheLimit() throws Exception {
    assertThatThrownBy(
            () -> HttpResolver.builder().build().fetch("http://badges.example.org/guild/x.json"))
        .isInstanceOf(ResolveException.class)
        .hasMessageContaining("only https URLs");
    assertThatThrownBy(
            () -> http().maxBytes(100).build().fetch(local(BASE + "credentials/intro/jane.json")))
        .isInstanceOf(ResolveException.class)
        .hasMessageContaining("larger than 100 bytes")
        .extracting(e -> ((ResolveException) e).reason())
        .isEqualTo(ResolveException.Reason.FAILED);
    assertThatThrownBy(() -> http().build().fetch(local(BASE + "nothing.json")))
        .extracting(e -> ((ResolveException) e).reason())
        .isEqualTo(ResolveException.Reason.NOT_FOUND);
    assertThat(resolver().fetch("did:web:badges.example.org:guild"))
        .isEqualTo(Files.readAllBytes(out.resolve("did.json")));
  }

  @Test
  void aServerThatDoesNotAnswerTimesOut() throws Exception {
    try (var silent = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String x = "http://127.0.0.1:" + silent.getLocalPort() + "/x";
      assertThatThrownBy(() -> http().build().fetch(x))
          .isInstanceOf(ResolveException.class)
          .hasMessage("fetching " + x + " took longer than 10000 ms")
          .extracting(e -> ((ResolveException) e).reason())
          .isEqualTo(ResolveException.Reason.FAILED);
    }
  }

  @Test
  void aServerThatTricklesItsBodyIsCutOffAtTheDeadline() throws Exception {
    HttpServer trickle =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    trickle.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    trickle.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (var body = exchange.getResponseBody()) {
            for (int i = 0; i < 300; i++) {
              body.write('{');
              body.flush();
              Thread.sleep(100);
            }
          } catch (InterruptedException | IOException e) {
            // the client gave up
          }
        });
    trickle.start();
    try {
      String x = "http://127.0.0.1:" + trickle.getAddress().getPort() + "/x";
      long start = System.nanoTime();
      assertThatThrownBy(() -> http().build().fetch(x))
          .isInstanceOf(ResolveException.class)
          .hasMessageContaining("took longer than 10000 ms");
      // At the deadline, well before the thirty seconds the server would take.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    } finally {
      trickle.stop(0);
    }
  }

  @Test
  void refusesLocalAddressesUnlessAllowedAndChecksEveryRedirect() throws Exception {
    int port = server.getAddress().getPort();
    HttpResolver strict = HttpResolver.builder().allowHttp().build();
    assertThatThrownBy(() -> strict.fetch(local(BASE + "credentials/intro/jane.json")))
        .isInstanceOf(ResolveException.class)
        .hasMessageContaining("is at a local or private address (127.0.0.1)")
        .extracting(e -> ((ResolveException) e).reason())
        .isEqualTo(ResolveException.Reason.OUT_OF_REACH);
    for (String local :
        List.of("10.1.2.3", "192.168.0.1", "169.254.169.254", "100.64.0.1", "::1")) {
      assertThat(HttpResolver.isLocal(InetAddress.getByName(local))).as(local).isTrue();
    }
    assertThat(HttpResolver.isLocal(InetAddress.getByName("93.184.216.34"))).isFalse();

    // A redirect is followed hop by hop: to a site path here, allowed; to another scheme, not.
    HttpServer redirecting =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    redirecting.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          exchange
              .getResponseHeaders()
              .add(
                  "Location",
                  path.endsWith("old.json")
                      ? "http://127.0.0.1:" + port + "/guild/credentials/intro/jane.json"
                      : "file:///etc/passwd");
          exchange.sendResponseHeaders(path.endsWith("jane.json") ? 200 : 301, -1);
          exchange.close();
        });
    redirecting.start();
    try {
      String moving = "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/guild/";
      HttpResolver follow = http().build();
      assertThat(follow.fetch(moving + "old.json"))
          .isEqualTo(Files.readAllBytes(out.resolve("credentials/intro/jane.json")));
      assertThatThrownBy(() -> follow.fetch(moving + "elsewhere.json"))
          .isInstanceOf(ResolveException.class)
          .hasMessageContaining("only https URLs are fetched, not file:///etc/passwd");

      // An answer is the host's own: the redirect not followed, its status and headers kept.
      HttpResolver.Answer moved = follow.answer(moving + "old.json");
      assertThat(moved.status()).isEqualTo(301);
      assertThat(moved.header("Location"))
          .hasValue("http://127.0.0.1:" + port + "/guild/credentials/intro/jane.json");
      assertThat(moved.uri()).hasToString(moving + "old.json");
      assertThat(follow.answer(local(BASE + "nothing-here.json")).status()).isEqualTo(404);
    } finally {
      redirecting.stop(0);
    }
  }
}
