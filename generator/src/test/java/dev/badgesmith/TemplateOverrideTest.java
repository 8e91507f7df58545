package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.TestSites;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's {@code templates/} folder replaces the default theme file by file. */
class TemplateOverrideTest {

  @Test
  void aSiteTemplateReplacesOnlyTheFileOfItsName(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(
        site.resolve("templates/index.ftlh"),
        "<!doctype html><html lang=\"${frame.language}\"><title>${title}</title>"
            + "<h1>Our own home page</h1></html>\n");
    TestSites.write(site.resolve("templates/style.css"), "body { color: rebeccapurple; }\n");

    Report report = Badgesmith.builder().build().build(site, tmp.resolve("out"));

    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    assertThat(tmp.resolve("out/index.html"))
        .content()
        .contains("<h1>Our own home page</h1>", "<title>Test Guild</title>");
    assertThat(tmp.resolve("out/badges/intro/index.html"))
        .content()
        .contains("Finish the <strong>intro</strong> course.");
    assertThat(tmp.resolve("out/assets/style.css")).hasContent("body { color: rebeccapurple; }");
  }

  @Test
  void aSiteTemplateDrawsTheSocialCards(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(
        site.resolve("templates/social-card.svg.ftlx"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\""
            + " viewBox=\"0 0 1200 630\"><rect width=\"1200\" height=\"630\" fill=\"#ff0000\"/>"
            + "<title>${view.badgeName}</title></svg>\n");

    Badgesmith.builder().build().build(site, tmp.resolve("out"));

    BufferedImage card = ImageIO.read(tmp.resolve("out/badges/intro/card.png").toFile());
    assertThat(card.getWidth()).isEqualTo(1200);
    assertThat(card.getHeight()).isEqualTo(630);
    assertThat(card.getRGB(600, 300) & 0xffffff).isEqualTo(0xff0000);
  }

  @Test
  void aBrokenSiteTemplateIsADiagnosticOfCheckAndBuildAndWritesNothing(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(site.resolve("templates/index.ftlh"), "<p>${noSuchVariable}</p>\n");

    Report build = Badgesmith.builder().build().build(site, tmp.resolve("out"));

    assertThat(TestSites.withoutSaltWarning(build.diagnostics()))
        .extracting(d -> d.format().lines().findFirst().orElseThrow())
        .containsExactly(
            "templates/index.ftlh:1:6: error[BSG009]: 'noSuchVariable' is null or missing");
    assertThat(Badgesmith.builder().build().check(site).diagnostics())
        .isEqualTo(build.diagnostics());
    assertThat(Files.exists(tmp.resolve("out"))).isFalse();
  }

  @Test
  void aSiteTemplateReachesNoJavaObjectBeyondTheViews(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    // The views' own members work; what Object gives every class (getClass) does not.
    TestSites.write(
        site.resolve("templates/index.ftlh"), "<p>${frame.siteTitle}</p><p>${frame.class}</p>\n");

    Report build = Badgesmith.builder().build().build(site, tmp.resolve("out"));

    assertThat(TestSites.withoutSaltWarning(build.diagnostics()))
        .extracting(d -> d.format().lines().findFirst().orElseThrow())
        .containsExactly(
            "templates/index.ftlh:1:31: error[BSG009]: 'frame.class' is null or missing");
    assertThat(Files.exists(tmp.resolve("out"))).isFalse();
  }

  @Test
  void anErrorInTheThemeOnlyThroughAnOverriddenLayoutIsPlacedInTheLayout(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    // The theme's pages call layout.page with frame=...: this layout's macro takes no frame.
    TestSites.write(
        site.resolve("templates/layout.ftlh"),
        "<#macro page title><html>${title}<#nested></html></#macro>\n");

    Report check = Badgesmith.builder().build().check(site);

    assertThat(TestSites.withoutSaltWarning(check.diagnostics()))
        .extracting(d -> d.format().lines().findFirst().orElseThrow())
        .first()
        .isEqualTo(
            "templates/layout.ftlh:1:1: error[BSG009]: the theme's 404.ftlh fails with this"
                + " layout.ftlh: Macro \"page\" has no parameter with name \"frame\". Valid"
                + " parameter names are: title");
    assertThat(TestSites.withoutSaltWarning(check.diagnostics()))
        .allSatisfy(d -> assertThat(d.path()).isEqualTo("templates/layout.ftlh"));
    assertThat(Badgesmith.builder().build().build(site, tmp.resolve("out")).diagnostics())
        .isEqualTo(check.diagnostics());
  }

  @Test
  void anOverrideImportsTheDefaultUnderDefaultAndChangesOneMacro(@TempDir Path tmp)
      throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(
        site.resolve("templates/layout.ftlh"),
        """
        <#import "/_default/layout.ftlh" as default>
        <#macro page frame><@default.page frame=frame footer=footer><#nested></@default.page></#macro>
        <#macro footer frame><footer class="site-footer"><p>Our footer &amp; ${frame.siteTitle}</p></footer></#macro>
        """);

    Report report = Badgesmith.builder().build().build(site, tmp.resolve("out"));

    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    for (String page :
        List.of("index.html", "badges/intro/index.html", "assertions/intro/jane/index.html")) {
      Document html = Jsoup.parse(tmp.resolve("out").resolve(page).toFile());
      assertThat(html.select("footer").text()).as(page).isEqualTo("Our footer & Test Guild");
      assertThat(html.select("footer")).as(page).hasSize(1);
      // The rest of the frame is the default's: head, skip link, header and the page itself.
      assertThat(html.select("link[rel=stylesheet]")).as(page).hasSize(1);
      assertThat(html.select("body > a.skip-link")).as(page).hasSize(1);
      assertThat(html.select("body > header .site-title").text()).as(page).isEqualTo("Test Guild");
      assertThat(html.select("main h1")).as(page).hasSize(1);
    }
  }

  @Test
  void aDefaultTemplateUnderDefaultIgnoresTheSitesOverrides(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    // A home page that wraps the default one; the site's layout.ftlh must not reach it.
    TestSites.write(
        site.resolve("templates/index.ftlh"),
        "<#include \"/_default/index.ftlh\">\n<!-- wrapped -->\n");
    TestSites.write(
        site.resolve("templates/layout.ftlh"),
        "<#macro page frame><p>the site's frame</p><#nested></#macro>\n");

    Badgesmith.builder().build().build(site, tmp.resolve("out"));

    assertThat(tmp.resolve("out/index.html"))
        .content()
        .startsWith("<!doctype html>")
        .contains("<!-- wrapped -->")
        .doesNotContain("the site's frame");
    assertThat(tmp.resolve("out/badges/intro/index.html"))
        .content()
        .startsWith("<p>the site's frame</p>");
  }

  @Test
  void aFileThatReplacesNothingIsAWarningAndTheSiteStillBuilds(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(site.resolve("templates/awrad.ftlh"), "<p>misspelt</p>\n");
    TestSites.write(site.resolve("templates/_macros.ftlh"), "<#macro x>x</#macro>\n");

    Report report = Badgesmith.builder().build().build(site, tmp.resolve("out"));

    assertThat(TestSites.withoutSaltWarning(report.diagnostics()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.format())
                  .startsWith(
                      "templates/awrad.ftlh:1:1: warning[BSG005]: 'awrad.ftlh' is not a file of"
                          + " the theme")
                  .contains("hint: did you mean 'award.ftlh'?", "badge.ftlh", "earner.ftlh");
            });
    assertThat(report.hasErrors()).isFalse();
    assertThat(tmp.resolve("out/index.html")).exists();
  }

  @Test
  void theListOfThemeFilesIsExactlyTheTheme() throws IOException {
    Path theme = Path.of("../templates/src/main/resources/badgesmith/theme");
    // vendor/ holds third-party files the theme ships unchanged, which no override replaces.
    try (var files = Files.list(theme).filter(Files::isRegularFile)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactlyElementsOf(
              dev.badgesmith.pages.PageRenderer.THEME_FILES.stream().sorted().toList());
    }
  }
}
