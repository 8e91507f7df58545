package dev.badgesmith.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Preview;
import dev.badgesmith.PreviewSettings;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's gallery of designs, asked for over HTTP on 127.0.0.1 as a browser asks: every badge
 * class's design with what its {@code design:} block chose and its contrast, redrawn after a save,
 * and never part of the built site.
 */
class DesignGalleryTest {
  private static final Duration BUILD = Duration.ofSeconds(60);
  private static final String GALLERY = "/__badgesmith/designs/";

  private static final String DESIGNS =
      """
      -- badges/gold.md
      ---
      name: Gold <Star>
      description: A gold hexagon.
      design:
        shape: hexagon
        colors: [navy, white]
        icon: award
        label: Gold & Co
        tier: gold
      ---
      Shine.
      -- badges/pale.md
      ---
      name: Pale
      description: A label hard to read.
      design:
        shape: ribbon
        colors: ["#ffffff", "#dddddd"]
        label: Pale
      ---
      Squint.
      """;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final List<String> log = new ArrayList<>();
  private Preview server;

  @TempDir Path tmp;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Path start() {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.unpack(site, DESIGNS);
    server =
        Badgesmith.builder()
            .threads(1)
            .build()
            .serve(
                site,
                new PreviewSettings(
                    0,
                    Optional.of(tmp.resolve("out")),
                    List.of(),
                    new Preview.Log() {
                      @Override
                      public void info(String line) {
                        log.add(line);
                      }

                      @Override
                      public void warn(String line) {}

                      @Override
                      public void error(String line) {}
                    }));
    return site;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(server.url().resolve(path)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Element card(Document page, String id) {
    Element card = page.getElementById("badge-" + id);
    assertThat(card).as(id).isNotNull();
    return card;
  }

  @Test
  void showsEveryDesignWithItsChoicesAndContrast() throws Exception {
    start();
    URI gallery = server.url().resolve(GALLERY);
    assertThat(log).contains("The designs of its badges: " + gallery);

    HttpResponse<String> response = get(GALLERY);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    String html = response.body();
    // Reloads after every build, as the site's pages do; names are escaped.
    assertThat(html)
        .contains("<script id=\"" + PreviewPages.SCRIPT_MARKER + "\">")
        .contains("Gold &lt;Star&gt;")
        .doesNotContain("<Star>");
    Document page = Jsoup.parse(html, gallery.toString());
    assertThat(page.select(".card")).hasSize(3);
    assertThat(page.select("header p").get(1).text())
        .contains("3 badge classes, 2 drawn from a design: block")
        .contains("Shapes used: hexagon (1), ribbon (1)")
        .contains("Tiers used: gold (1), no tier (1)");

    Element gold = card(page, "gold");
    assertThat(gold.select("dd").eachText())
        .contains(
            "hexagon",
            "gold",
            "award",
            "“Gold & Co”",
            "background #1f3a5f, foreground #ffffff",
            "11.48:1, passes WCAG AA for text (4.50:1)");
    Element pale = card(page, "pale");
    assertThat(pale.select(".fail").text())
        .isEqualTo("1.35:1, fails WCAG AA for text (4.50:1): warning BSG305");
    assertThat(card(page, "intro").select("dd").eachText())
        .contains("badges/intro.svg (SVG file)")
        .doesNotContain("none");

    // Every image is the build's own, served by the preview; the catalogue is drawn inline.
    for (Element img : page.select(".card img")) {
      String src = img.absUrl("src");
      assertThat(src).startsWith(server.url().toString());
      HttpResponse<byte[]> image =
          client.send(
              HttpRequest.newBuilder(URI.create(src)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(image.statusCode()).as(src).isEqualTo(200);
      assertThat(image.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    }
    assertThat(page.select("#catalogue ~ div img")).hasSize(5 * 4);
    assertThat(page.select("#catalogue ~ div img").eachAttr("alt"))
        .contains("circle", "shield, gold", "rounded-square, bronze", "ribbon, silver");

    assertThat(get("/__badgesmith/designs").headers().firstValue("Location")).hasValue(GALLERY);
    // The build never publishes it.
    assertThat(TestSites.read(tmp.resolve("out")))
        .allSatisfy(
            (path, bytes) ->
                assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                    .as(path)
                    .doesNotContain("Every shape and tier"));
  }

  @Test
  void aSavedDesignIsRedrawnAndABrokenOneKeepsTheLastGoodGallery() throws Exception {
    Path site = start();
    try (EventStream events =
        new EventStream(client, server.url().resolve(PreviewServer.EVENTS_PATH))) {
      assertThat(events.next(BUILD)).isEqualTo("1");
      Path gold = site.resolve("badges/gold.md");
      Files.writeString(gold, Files.readString(gold).replace("shape: hexagon", "shape: shield"));
      assertThat(events.next(BUILD)).isEqualTo("2");
      Document page = Jsoup.parse(get(GALLERY).body());
      assertThat(card(page, "gold").select("dd").eachText()).contains("shield");

      Files.writeString(gold, Files.readString(gold).replace("shape: shield", "shape: star"));
      assertThat(events.next(BUILD)).isEqualTo("3");
      String failed = get(GALLERY).body();
      assertThat(failed)
          .contains("id=\"" + PreviewPages.BANNER_ID + "\"")
          .contains("unknown shape");
      assertThat(card(Jsoup.parse(failed), "gold").select("dd").eachText()).contains("shield");
    }
  }

  @Test
  void galleryImagesAreNamedByThePreviewsOrigin() throws Exception {
    start();
    Matcher src = Pattern.compile("<img src=\"([^\"]+)\"").matcher(get(GALLERY).body());
    assertThat(src.find()).isTrue();
    assertThat(src.group(1)).isEqualTo(server.url() + "badges/gold.svg");
  }
}
