package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.TestSites;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
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

    assertThat(report.diagnostics()).isEmpty();
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
  void aBrokenSiteTemplateIsASetupErrorAndWritesNothing(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(site.resolve("templates/index.ftlh"), "<p>${noSuchVariable}</p>\n");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Badgesmith.builder().build().build(site, tmp.resolve("out")))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("index.ftlh");
    assertThat(Files.exists(tmp.resolve("out"))).isFalse();
  }
}
