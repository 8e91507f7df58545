package dev.badgesmith.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.DoctorResult;
import dev.badgesmith.Network;
import dev.badgesmith.Preview;
import dev.badgesmith.PreviewSettings;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.testing.SignedSite;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewServerTest {
  /** Builds render images with Batik: generous on a loaded two-core machine. */
  private static final Duration BUILD = Duration.ofSeconds(60);

  private static final String SCRIPT = PreviewPages.SCRIPT_MARKER;

  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private Preview server;

  @TempDir Path tmp;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Preview start(Path site, Path out) {
    return start(site, out, Badgesmith.builder());
  }

  private Preview start(Path site, Path out, Badgesmith.Builder generator) {
    server =
        generator
            .threads(1)
            .build()
            .serve(
                site,
                new PreviewSettings(0, Optional.of(out), List.of(tmp.resolve("cache")), log()));
    return server;
  }

  private Preview.Log log() {
    return new Preview.Log() {
      @Override
      public void info(String line) {
        log.add("info: " + line);
      }

      @Override
      public void warn(String line) {
        log.add("warn: " + line);
      }

      @Override
      public void error(String line) {
        log.add("error: " + line);
      }
    };
  }

  private Path minimalSite() {
    return TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = server.url().resolve(path);
    // As a browser loads a page: the reload script goes to requests that ask for HTML.
    return client.send(
        HttpRequest.newBuilder(uri).header("Accept", BROWSER_ACCEPT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The preview's temporary output folders in the system's temporary folder. */
  private static List<Path> temporaryOutputs() throws IOException {
    try (var all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return all.filter(p -> p.getFileName().toString().startsWith("badgesmith-serve-")).toList();
    }
  }

  private EventStream events() throws IOException, InterruptedException {
    return new EventStream(client, server.url().resolve(PreviewServer.EVENTS_PATH));
  }

  private long logged(String prefix) {
    return log.stream().filter(l -> l.startsWith(prefix)).count();
  }

  @Test
  void passesTheDoctorWithASignedSite() {
    SignedSite signed = SignedSite.unpack(tmp.resolve("signed"));
    start(signed.folder(), tmp.resolve("out"), signed.generator());

    DoctorResult report =
        Badgesmith.builder()
            .build()
            .doctor(server.url().toString(), new Network(true), OptionalInt.empty());

    // Types, CORS on badge documents, every file as built, the DID document where did:web looks.
    assertThat(report.findings())
        .containsExactly(
            server.url()
                + ": warning: served over http: fine for a local preview, but verifiers need"
                + " https");
    assertThat(report.listed()).isGreaterThan(30);
  }

  @Test
  void sendsPagesToToolsAsTheBuildWroteThem() throws Exception {
    start(minimalSite(), tmp.resolve("out"));

    HttpResponse<byte[]> page =
        client.send(
            HttpRequest.newBuilder(server.url().resolve("/guild/badges/intro/")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<String> json = get("/guild/assertions/intro/jane.json");

    assertThat(page.body())
        .isEqualTo(Files.readAllBytes(tmp.resolve("out/badges/intro/index.html")));
    assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(json.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
  }

  @Test
  void servesTheSiteAtItsBaseUrlPathWithTheRightContentTypes() throws Exception {
    Path site = minimalSite();
    TestSites.write(site.resolve("static/sample.jwt"), "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
    start(site, tmp.resolve("out"));
    int port = server.url().getPort();

    assertThat(server.url().toString()).isEqualTo("http://127.0.0.1:" + port + "/guild/");
    assertThat(log).contains("info: Serving " + site + " at " + server.url() + " (Ctrl-C to stop)");
    HttpResponse<String> home = get("/guild/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");
    // Links of the preview stay on the machine.
    assertThat(home.body())
        .contains("href=\"http://127.0.0.1:" + port + "/guild/")
        .doesNotContain("https://badges.example.org/")
        .contains("<script id=\"" + SCRIPT + "\">");
    assertThat(home.body().indexOf(SCRIPT)).isLessThan(home.body().lastIndexOf("</body>"));

    Map<String, String> types =
        Map.of(
            "/guild/badges/intro.json", "application/json",
            "/guild/badges/intro.svg", "image/svg+xml",
            "/guild/badges/intro.png", "image/png",
            "/guild/assertions/intro/jane.json", "application/json",
            "/guild/assertions/intro/jane.png", "image/png",
            "/guild/feed.xml", "application/xml",
            "/guild/sample.jwt", "text/plain; charset=utf-8");
    for (Map.Entry<String, String> e : types.entrySet()) {
      HttpResponse<String> response = get(e.getKey());
      assertThat(response.statusCode()).as(e.getKey()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(e.getKey())
          .hasValue(e.getValue());
      assertThat(response.body()).as(e.getKey()).doesNotContain(SCRIPT);
    }
    HttpResponse<String> css = get(stylesheet(home.body()));
    assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    // JSON is served byte for byte as built, its id the URL it is served at.
    HttpResponse<String> badge = get("/guild/badges/intro.json");
    assertThat(badge.body())
        .isEqualTo(Files.readString(tmp.resolve("out/badges/intro.json")))
        .contains("\"id\": \"http://127.0.0.1:" + port + "/guild/badges/intro.json\"");

    HttpResponse<String> awardPage = get("/guild/assertions/intro/jane");
    assertThat(awardPage.statusCode()).isEqualTo(301);
    assertThat(awardPage.headers().firstValue("Location"))
        .hasValue("/guild/assertions/intro/jane/");
    assertThat(get("/").headers().firstValue("Location")).hasValue("/guild/");
    HttpResponse<String> missing = get("/guild/no-such-page.html");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains(SCRIPT);
    HttpResponse<String> head =
        client.send(
            HttpRequest.newBuilder(server.url().resolve("/guild/badges/intro.json"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();

    // The reload script is added as pages are sent: no file on disk has it.
    assertThat(TestSites.read(tmp.resolve("out")))
        .allSatisfy(
            (path, bytes) ->
                assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                    .as(path)
                    .doesNotContain(SCRIPT)
                    .doesNotContain("EventSource"));
  }

  @Test
  void servesTheSitesOwn404Page() throws Exception {
    start(minimalSite(), tmp.resolve("out"));
    // A build may not write a 404 page (yet); one put there stands for it.
    Files.writeString(
        tmp.resolve("out/404.html"), "<html><body><h1>Lost badge</h1></body></html>\n");

    HttpResponse<String> missing = get("/guild/badges/nothing.json");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(missing.body()).contains("<h1>Lost badge</h1>").contains(SCRIPT);
  }

  @Test
  void refusesPathsThatLeaveTheOutputFolder() throws Exception {
    Path out = tmp.resolve("out");
    start(minimalSite(), out);
    Files.writeString(tmp.resolve("secret.txt"), "the secret");
    Files.createSymbolicLink(out.resolve("leak.txt"), tmp.resolve("secret.txt"));
    Files.createSymbolicLink(out.resolve("leak-folder"), tmp);

    for (String path :
        List.of(
            "/guild/../secret.txt",
            "/guild/badges/../../secret.txt",
            "/guild/%2e%2e/secret.txt",
            "/guild/%2E%2E/secret.txt",
            "/guild/..%2fsecret.txt",
            "/guild/..%2Fsecret.txt",
            "/guild/..%5csecret.txt",
            "/guild/%2e%2e%5csecret.txt",
            "/guild/.%2e/secret.txt",
            "/guild/badges/%00",
            "/guild/%c0%ae%c0%ae/secret.txt",
            "/guild/leak.txt",
            "/guild/leak-folder/secret.txt")) {
      String response = raw(path, "127.0.0.1:" + server.url().getPort());
      assertThat(response).as(path).startsWith("HTTP/1.1 403 ").doesNotContain("the secret");
    }
    // A name that only resolves here (DNS rebinding) reads nothing.
    assertThat(raw("/guild/", "attacker.example:" + server.url().getPort()))
        .startsWith("HTTP/1.1 403 ");
    assertThat(raw("/guild/", "localhost:" + server.url().getPort())).startsWith("HTTP/1.1 200 ");
  }

  /** Sends a request line exactly as written, as no HTTP client library would. */
  private String raw(String path, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.url().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void savingAnAwardRebuildsOnceAndReloadsOpenPages() throws Exception {
    Path site = minimalSite();
    start(site, tmp.resolve("out"));
    try (EventStream events = events()) {
      assertThat(events.response().headers().firstValue("Content-Type"))
          .hasValue("text/event-stream; charset=utf-8");
      assertThat(events.next(BUILD)).isEqualTo("1"); // the build the page was served from

      TestSites.write(
          site.resolve("awards/intro/jane.yaml"),
          "recipient:\n  email: jane@example.org\n  name: Jane Q.\nissuedOn: 2025-03-14\n");

      assertThat(events.next(BUILD)).isEqualTo("2");
      // One save, one build: nothing more comes once the folder is quiet.
      assertThat(events.poll(Duration.ofSeconds(1))).isNull();
      assertThat(logged("info: Rebuilt ")).isEqualTo(1);
      assertThat(get("/guild/assertions/intro/jane/").body()).contains("Jane Q.");
    }
  }

  @Test
  void watchesFoldersMadeWhileServing() throws Exception {
    Path site = minimalSite();
    start(site, tmp.resolve("out"));
    try (EventStream events = events()) {
      assertThat(events.next(BUILD)).isEqualTo("1");
      TestSites.write(
          site.resolve("badges/second.md"), "---\nname: Second\ndescription: Came back.\n---\n");
      Files.copy(site.resolve("badges/intro.svg"), site.resolve("badges/second.svg"));
      TestSites.write(
          site.resolve("awards/second/joe.yaml"),
          "recipient:\n  email: joe@example.org\nissuedOn: 2025-03-14\n");
      String built = events.next(BUILD);
      assertThat(get("/guild/assertions/second/joe.json").statusCode()).isEqualTo(200);

      // The new folder is watched too: a save in it rebuilds.
      TestSites.write(
          site.resolve("awards/second/joe.yaml"),
          "recipient:\n  email: joe@example.org\n  name: Joe R.\nissuedOn: 2025-03-14\n");

      assertThat(Long.parseLong(events.next(BUILD))).isGreaterThan(Long.parseLong(built));
      assertThat(get("/guild/assertions/second/joe/").body()).contains("Joe R.");
    }
  }

  @Test
  void aBrokenFileKeepsTheLastGoodSiteAndShowsTheDiagnosticUntilItIsFixed() throws Exception {
    Path site = minimalSite();
    start(site, tmp.resolve("out"));
    String goodAward = get("/guild/assertions/intro/jane.json").body();
    try (EventStream events = events()) {
      assertThat(events.next(BUILD)).isEqualTo("1");

      TestSites.write(
          site.resolve("awards/intro/jane.yaml"),
          "recipient:\n  email: jane@example.org\nissuedOn: 2025-03-14\n\"<b>note</b>\": 1\n");

      assertThat(events.next(BUILD)).isEqualTo("2");
      String diagnostic = "awards/intro/jane.yaml:4:1: error[BSG102]: unknown key '<b>note</b>'";
      assertThat(log).contains("error: " + diagnostic);
      assertThat(get("/guild/assertions/intro/jane.json").body()).isEqualTo(goodAward);
      HttpResponse<String> page = get("/guild/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("id=\"" + PreviewPages.BANNER_ID + "\"")
          .contains("unknown key &#39;&lt;b&gt;note&lt;/b&gt;&#39;")
          .doesNotContain("<b>note</b>");

      TestSites.write(
          site.resolve("awards/intro/jane.yaml"),
          "recipient:\n  email: jane@example.org\nissuedOn: 2025-03-14\nnarrative: Fixed.\n");

      assertThat(events.next(BUILD)).isEqualTo("3");
      assertThat(get("/guild/").body()).doesNotContain(PreviewPages.BANNER_ID).contains(SCRIPT);
      assertThat(get("/guild/assertions/intro/jane.json").body()).contains("Fixed.");
    }
  }

  @Test
  void aSiteThatNeverBuiltShowsItsDiagnosticsUntilItBuilds() throws Exception {
    Path site = minimalSite();
    TestSites.write(site.resolve("site.yaml"), "title: Test Guild\nbaseUrl: http://insecure/\n");
    start(site, tmp.resolve("out"));
    try (EventStream events = events()) {
      assertThat(events.next(BUILD)).isEqualTo("1");
      HttpResponse<String> page = get("/anything");
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.body()).contains("site.yaml:2:").contains("BSG108").contains(SCRIPT);
      assertThat(tmp.resolve("out")).doesNotExist();

      TestSites.write(
          site.resolve("site.yaml"),
          "title: Test Guild\nbaseUrl: https://badges.example.org/guild/\n");

      assertThat(events.next(BUILD)).isEqualTo("2");
      assertThat(server.url().getPath()).isEqualTo("/guild/");
      assertThat(get("/guild/").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void changesToTheOutputAndCacheFoldersInsideTheSiteMakeNoBuild() throws Exception {
    Path site = minimalSite();
    start(site, site.resolve("preview"));
    try (EventStream events = events()) {
      assertThat(events.next(BUILD)).isEqualTo("1");

      TestSites.write(site.resolve("preview/extra.txt"), "written by someone else");
      TestSites.write(site.resolve(".badgesmith/cache/x"), "cached");
      TestSites.write(site.resolve(".git/index"), "git");

      assertThat(events.poll(Duration.ofSeconds(1))).isNull();
      assertThat(logged("info: Rebuilt ")).isZero();
    }
  }

  @Test
  void stopsCleanlyAndRemovesItsTemporaryOutput() throws Exception {
    Path site = minimalSite();
    List<Path> before = temporaryOutputs();
    server =
        Badgesmith.builder()
            .threads(1)
            .build()
            .serve(site, new PreviewSettings(0, Optional.empty(), List.of(), log()));
    // The temporary folders that appeared with this preview, a built site in each.
    List<Path> made =
        temporaryOutputs().stream()
            .filter(p -> !before.contains(p))
            .filter(p -> Files.exists(p.resolve("site/manifest.json")))
            .toList();
    assertThat(made).isNotEmpty();
    EventStream events = events();
    assertThat(events.next(BUILD)).isEqualTo("1");

    server.stop();
    server.await();

    assertThat(made).anyMatch(p -> !Files.exists(p));
    assertThatThrownBy(() -> get("/guild/")).isInstanceOf(IOException.class);
  }

  @Test
  void refusesAPortInUse() {
    start(minimalSite(), tmp.resolve("out"));
    int taken = server.url().getPort();

    assertThatThrownBy(
            () ->
                Badgesmith.builder()
                    .build()
                    .serve(
                        tmp.resolve("site"),
                        new PreviewSettings(
                            taken, Optional.of(tmp.resolve("out2")), List.of(), log())))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("port " + taken + " on 127.0.0.1 is in use");
  }

  private static String stylesheet(String html) {
    int at = html.indexOf("rel=\"stylesheet\" href=\"");
    String rest = html.substring(at + "rel=\"stylesheet\" href=\"".length());
    return URI.create(rest.substring(0, rest.indexOf('"'))).getPath();
  }
}
