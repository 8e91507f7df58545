package dev.badgesmith.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.testing.SignedSite;
import dev.badgesmith.testing.StaticHost;
import dev.badgesmith.testing.StaticHost.Fault;
import dev.badgesmith.testing.TestSites;
import dev.badgesmith.verify.HttpResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor against a signed did:web site built for, and served by, a static host on 127.0.0.1:
 * first served right, then with one fault at a time, each found with a line of its own.
 */
class SiteDoctorTest {
  @TempDir static Path tmp;
  static StaticHost host;
  static String site;
  static String did;
  static Path out;

  @BeforeAll
  static void deploy() throws IOException {
    host = StaticHost.start();
    out = tmp.resolve("out");
    SignedSite.unpack(tmp.resolve("site")).buildAt(host.origin(), out);
    host.serve(out, "/guild/");
    site = host.origin() + "/guild/";
    did = "did:web:127.0.0.1%3A" + host.origin().getPort() + ":guild";
  }

  @AfterAll
  static void stop() {
    if (host != null) {
      host.close();
    }
  }

  @AfterEach
  void heal() {
    host.heal();
  }

  static HttpResolver.Builder http() {
    // The host is on 127.0.0.1: allowed here as --allow-private-addresses allows it.
    return HttpResolver.builder().allowPrivateAddresses();
  }

  static DoctorReport examine() {
    return new SiteDoctor(http(), OptionalInt.empty()).examine(site);
  }

  static List<String> problems(DoctorReport report) {
    return report.findings().stream().filter(Finding::problem).map(Finding::line).toList();
  }

  @Test
  void findsNothingWrongWithASiteServedRight() {
    DoctorReport report = examine();

    assertThat(problems(report)).isEmpty();
    assertThat(report.hasProblems()).isFalse();
    // Only that a preview on this machine is served over http.
    assertThat(report.findings())
        .extracting(Finding::line)
        .containsExactly(
            site
                + ": warning: served over http: fine for a local preview, but verifiers need https");
    assertThat(report.listed()).isGreaterThan(30);
    // Every listed file, the manifest, and the criteria page's own address (badges/intro/),
    // which the badge class names and the manifest lists as badges/intro/index.html.
    assertThat(report.checked()).isEqualTo(report.listed() + 2);
  }

  @Test
  void findsAWrongContentType() {
    host.fault("assertions/intro/jane.json", Fault.WRONG_TYPE);

    assertThat(problems(examine()))
        .containsExactly(
            site
                + "assertions/intro/jane.json: Content-Type text/plain; charset=utf-8, expected"
                + " application/json or application/ld+json");
  }

  @Test
  void findsADocumentWithoutCors() {
    host.fault("credentials/intro/jane.json", Fault.NO_CORS);

    assertThat(problems(examine()))
        .containsExactly(
            site
                + "credentials/intro/jane.json: no Access-Control-Allow-Origin, expected *: browser"
                + " verifiers cannot read it from another origin");
  }

  @Test
  void findsARedirectOnAnId() {
    host.fault("badges/intro.json", Fault.REDIRECT);

    assertThat(problems(examine()))
        .containsExactly(
            site
                + "badges/intro.json: redirects (HTTP 301) to /guild/badges/intro.json/; expected"
                + " 200 with the file manifest.json lists at exactly this URL: verifiers fetch ids"
                + " without following redirects");
  }

  @Test
  void findsAChangedFile() {
    host.fault("assertions/intro/ada.json", Fault.CHANGED);

    List<String> problems = problems(examine());

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith(site + "assertions/intro/ada.json: SHA-256 ")
        .contains(" bytes), expected ")
        .endsWith("as manifest.json lists: the host serves other bytes than the build wrote");
  }

  @Test
  void findsAMissingFile() {
    host.fault("assertions/intro/jane.png", Fault.MISSING);

    assertThat(problems(examine()))
        .containsExactly(
            site
                + "assertions/intro/jane.png: HTTP 404; expected 200 with the file manifest.json"
                + " lists at exactly this URL");
  }

  @Test
  void findsTheDidDocumentMissingWhereDidWebLooksForIt() {
    host.fault("did.json", Fault.MISSING);

    assertThat(problems(examine()))
        .containsExactly(
            site
                + "did.json: HTTP 404; expected 200 with the DID document of "
                + did
                + ", where did:web resolution looks for it");
  }

  @Test
  void findsEveryFaultAtOnceEachOnItsOwnLine() {
    host.fault("assertions/intro/jane.json", Fault.WRONG_TYPE)
        .fault("credentials/intro/jane.jwt", Fault.NO_CORS)
        .fault("issuers/guild.json", Fault.REDIRECT)
        .fault("badges/intro/index.html", Fault.CHANGED)
        .fault("credentials/intro/ada.png", Fault.MISSING)
        .fault("did.json", Fault.MISSING);

    DoctorReport report = examine();

    assertThat(problems(report))
        .hasSize(6)
        .satisfiesExactly(
            l -> assertThat(l).startsWith(site + "assertions/intro/jane.json: Content-Type"),
            l -> assertThat(l).startsWith(site + "badges/intro/index.html: SHA-256"),
            l -> assertThat(l).startsWith(site + "credentials/intro/ada.png: HTTP 404"),
            l ->
                assertThat(l)
                    .startsWith(
                        site + "credentials/intro/jane.jwt: no Access-Control-Allow-Origin"),
            l -> assertThat(l).startsWith(site + "did.json: HTTP 404").contains(did),
            l -> assertThat(l).startsWith(site + "issuers/guild.json: redirects (HTTP 301)"));
    assertThat(report.problemCount()).isEqualTo(6);
  }

  @Test
  void looksForTheDidDocumentOfADidWebSiteEvenWhenTheManifestDoesNotListIt() throws IOException {
    // The site as deployed without its DID document, which its manifest no longer lists.
    Path copy = tmp.resolve("without-did");
    TestSites.copy(out, copy);
    Files.delete(copy.resolve("did.json"));
    ObjectNode manifest =
        (ObjectNode) new ObjectMapper().readTree(copy.resolve("manifest.json").toFile());
    ArrayNode files = (ArrayNode) manifest.path("files");
    for (int i = files.size() - 1; i >= 0; i--) {
      if (files.get(i).path("path").asText().equals("did.json")) {
        files.remove(i);
      }
    }
    new ObjectMapper().writeValue(copy.resolve("manifest.json").toFile(), manifest);
    host.serve(copy, "/guild/");
    try {
      assertThat(problems(examine()))
          .containsExactly(
              site
                  + "did.json: HTTP 404; expected 200 with the DID document of "
                  + did
                  + ", where did:web resolution looks for it");
    } finally {
      host.serve(out, "/guild/");
    }
  }

  @Test
  void checksAnEvenSampleOfALargeSite() {
    host.fault("did.json", Fault.MISSING);

    DoctorReport report = new SiteDoctor(http(), OptionalInt.of(5)).examine(site);

    // Five files spread over the list, the DID document always (once, should the sample hold it),
    // and the manifest.
    List<dev.badgesmith.write.PublishedFile> files =
        dev.badgesmith.write.PublishedManifest.read(out.resolve("manifest.json"))
            .orElseThrow()
            .files();
    java.util.Set<String> sampled = new java.util.HashSet<>();
    SiteDoctor.sample(files, OptionalInt.of(5)).forEach(f -> sampled.add(f.path()));
    assertThat(sampled).hasSize(5);
    sampled.add("did.json");
    assertThat(report.checked()).isEqualTo(sampled.size() + 1);
    assertThat(problems(report)).singleElement().asString().startsWith(site + "did.json:");
  }

  @Test
  void findsASiteServedAtAnotherAddressThanItWasBuiltFor() {
    String elsewhere = site.replace("127.0.0.1", "localhost");

    DoctorReport report = new SiteDoctor(http(), OptionalInt.empty()).examine(elsewhere);

    assertThat(problems(report))
        .containsExactly(
            elsewhere
                + "manifest.json: the site was built for "
                + site
                + " but is served at "
                + elsewhere
                + ": its ids name the other address (ids are not checked further)");
  }

  @Test
  void findsNoManifestAtAnAddressThatIsNoSite() {
    DoctorReport report = new SiteDoctor(http(), OptionalInt.empty()).examine(site + "badges/");

    assertThat(problems(report))
        .containsExactly(
            site
                + "badges/manifest.json: HTTP 404, expected 200 with the site's manifest.json: is"
                + " this its baseUrl?");
  }

  @Test
  void refusesThisMachineUnlessPrivateAddressesAreAllowed() {
    assertThatThrownBy(
            () -> new SiteDoctor(HttpResolver.builder(), OptionalInt.empty()).examine(site))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("is at a local or private address (127.0.0.1)");
  }

  @Test
  void cannotExamineAHostThatDoesNotAnswer() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String nowhere = "http://127.0.0.1:" + closed + "/";

    assertThatThrownBy(() -> new SiteDoctor(http(), OptionalInt.empty()).examine(nowhere))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageStartingWith("cannot examine " + nowhere + ": ");
  }

  @Test
  void takesOnlyTheAddressOfASite() {
    assertThat(SiteAddress.baseUrl("https://badges.example.org/guild"))
        .isEqualTo("https://badges.example.org/guild/");
    assertThat(SiteAddress.baseUrl("HTTPS://badges.example.org"))
        .isEqualTo("https://badges.example.org/");
    for (String bad :
        List.of("ftp://x.example/", "https://x.example/?a=1", "https://x.example/#top", "x")) {
      assertThatThrownBy(() -> SiteAddress.baseUrl(bad)).isInstanceOf(BadgesmithException.class);
    }
  }

  @Test
  void findsASiteOnAnotherHostServedOverHttp() throws IOException {
    // 127.0.0.2 is this machine too, but not an address a local preview is served at.
    StaticHost other;
    try {
      other = StaticHost.start(InetAddress.getByName("127.0.0.2"));
    } catch (IOException e) {
      assumeTrue(false, "skipped: this machine does not answer at 127.0.0.2: " + e.getMessage());
      return;
    }
    try (other) {
      other.serve(out, "/guild/");
      String base = other.origin() + "/guild/";

      DoctorReport report = new SiteDoctor(http(), OptionalInt.empty()).examine(base);

      assertThat(problems(report))
          .contains(
              base + ": served over http, expected https: verifiers fetch ids over https only");
    }
  }

  @Test
  void namesTheDidOfASiteAsTheBuildDoes() {
    assertThat(SiteAddress.siteDid(java.net.URI.create("https://badges.example.org/")))
        .isEqualTo("did:web:badges.example.org");
    assertThat(SiteAddress.siteDid(java.net.URI.create("http://127.0.0.1:8080/a/b/")))
        .isEqualTo("did:web:127.0.0.1%3A8080:a:b");
  }

  @Test
  void asksForPathsPercentEncoded() {
    assertThat(SiteAddress.encode("static/a b/é.png")).isEqualTo("static/a%20b/%C3%A9.png");
    assertThat(SiteAddress.decode("static/a%20b/%C3%A9.png")).isEqualTo("static/a b/é.png");
  }
}
