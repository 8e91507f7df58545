package dev.badgesmith.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endorsements a badge class and issuer list, hosted by another site: the build never fetches
 * them; verifying a badge does, through the live HTTP client, here from a server on 127.0.0.1 that
 * stands in for the endorser's host.
 */
class EndorsementVerificationTest {
  private static final String SITE = "https://badges.example.org/guild/";
  private static final String ENDORSER = "https://endorsers.example";
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  private final Map<String, String> served = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private Path out;

  @BeforeEach
  void serveAndBuild(@TempDir Path tmp) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          String body = served.get(exchange.getRequestURI().getPath());
          byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/ld+json");
          exchange.sendResponseHeaders(
              body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    served.put(
        "/issuer.json",
        """
        {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer",
         "id": "https://endorsers.example/issuer.json", "name": "The Smiths' Union",
         "url": "https://endorsers.example/", "email": "board@endorsers.example",
         "verification": {"type": "VerificationObject",
                          "startsWith": "https://endorsers.example/endorsements/"}}
        """);
    endorsement("/endorsements/intro.json", SITE + "badges/intro.json");
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.unpack(
        site,
        """
        -- badges/intro.md
        ---
        name: Intro
        description: Took the intro.
        endorsements:
          - https://endorsers.example/endorsements/intro.json
        ---
        Finish the **intro** course.
        """);
    out = tmp.resolve("out");
    Report report = Badgesmith.builder().build().build(site, out);
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    assertThat(requests.get()).as("the build fetches nothing").isZero();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void endorsement(String path, String claimId) {
    served.put(
        path,
        """
        {"@context": "https://w3id.org/openbadges/v2", "type": "Endorsement",
         "id": "https://endorsers.example%s", "issuer": "https://endorsers.example/issuer.json",
         "claim": {"id": "%s", "endorsementComment": "A sound course."},
         "issuedOn": "2025-05-01T00:00:00Z", "verification": {"type": "hosted"}}
        """
            .formatted(path, claimId));
  }

  /**
   * Verifies the award's hosted assertion: the site's documents from its folder, the endorser's
   * from the local server, through {@link HttpResolver} as {@code --allow-private-addresses} lets
   * it reach one.
   */
  private VerificationReport verifyAward() {
    SiteFolderResolver folder = new SiteFolderResolver(out);
    HttpResolver http = HttpResolver.builder().allowHttp().allowPrivateAddresses().build();
    String local = "http://127.0.0.1:" + server.getAddress().getPort();
    Resolver resolver =
        url ->
            url.startsWith(ENDORSER + "/")
                ? http.fetch(local + url.substring(ENDORSER.length()))
                : folder.fetch(url);
    return Verifier.builder()
        .resolver(resolver)
        .clock(NOW)
        .build()
        .verifyUrl(SITE + "assertions/intro/jane.json", Optional.empty());
  }

  private static List<String> lines(VerificationReport report) {
    return report.checks().stream().map(Check::line).toList();
  }

  @Test
  void anEndorsementAboutTheBadgeClassHolds() {
    VerificationReport report = verifyAward();
    assertThat(report.passed()).as(String.join("\n", lines(report))).isTrue();
    assertThat(lines(report))
        .contains("PASS endorsements: 1 endorsement(s) hold, by The Smiths' Union");
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void anEndorsementOfSomethingElseFails() {
    endorsement("/endorsements/intro.json", "https://elsewhere.example/badges/intro.json");
    VerificationReport report = verifyAward();
    assertThat(report.passed()).isFalse();
    assertThat(report.firstFailure().orElseThrow().line())
        .isEqualTo(
            "FAIL endorsements: https://endorsers.example/endorsements/intro.json: it endorses"
                + " https://elsewhere.example/badges/intro.json, not "
                + SITE
                + "badges/intro.json");
  }

  @Test
  void aRevokedOrMissingEndorsementFails() {
    served.put(
        "/endorsements/intro.json",
        """
        {"@context": "https://w3id.org/openbadges/v2",
         "id": "https://endorsers.example/endorsements/intro.json",
         "revoked": true, "revocationReason": "The course changed"}
        """);
    VerificationReport revoked = verifyAward();
    assertThat(revoked.firstFailure().orElseThrow().line())
        .isEqualTo(
            "FAIL endorsements: https://endorsers.example/endorsements/intro.json: revoked: The"
                + " course changed");
    served.remove("/endorsements/intro.json");
    assertThat(verifyAward().firstFailure().orElseThrow().line())
        .startsWith(
            "FAIL endorsements: https://endorsers.example/endorsements/intro.json: cannot fetch"
                + " it:");
  }

  @Test
  void anEndorsementOutsideItsIssuersScopeFails() {
    // The issuer vouches only for what it hosts under /own/.
    served.put(
        "/issuer.json",
        served
            .get("/issuer.json")
            .replace("https://endorsers.example/endorsements/", "https://endorsers.example/own/"));
    VerificationReport report = verifyAward();
    assertThat(report.firstFailure().orElseThrow().line())
        .contains("is outside its issuer's verification.startsWith https://endorsers.example/own/");
  }

  @Test
  void offlineTheEndorsementsHostedElsewhereAreListedNotFetched() {
    VerificationReport report =
        Verifier.builder()
            .resolver(new SiteFolderResolver(out))
            .clock(NOW)
            .build()
            .verifyUrl(SITE + "assertions/intro/jane.json", Optional.empty());
    assertThat(report.passed()).isTrue();
    assertThat(lines(report))
        .contains(
            "PASS endorsements: listed, not fetched: 1 endorsement(s) out of reach"
                + " (https://endorsers.example/endorsements/intro.json); verify with network access"
                + " to check them");
    assertThat(requests.get()).isZero();
  }
}
