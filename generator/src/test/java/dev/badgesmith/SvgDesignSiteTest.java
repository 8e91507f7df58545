package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.bake.Baked;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.images.ImageInspector;
import dev.badgesmith.images.PngStore;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site publishes an SVG design as the check accepted it, written again from its allowed elements
 * and attributes: the design file, every baked SVG, and the PNG drawn from it, which looks exactly
 * as the file the author wrote.
 */
class SvgDesignSiteTest {

  @Test
  void publishesADesignWithGradientsAndTextAsCheckedAndDrawsItAsWritten(@TempDir Path tmp)
      throws IOException {
    byte[] design =
        Files.readAllBytes(TestSites.resources("designs").resolve("gradients-and-text.svg"));
    Path site = tmp.resolve("site");
    TestSites.unpack(site, TestSites.MINIMAL);
    Files.write(site.resolve("badges/intro.svg"), design);

    Path out = tmp.resolve("out");
    Report report = Badgesmith.builder().build().build(site, out);

    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    assertThat(TestSites.withoutSaltWarning(Badgesmith.builder().build().check(site).diagnostics()))
        .isEmpty();
    byte[] published = Files.readAllBytes(out.resolve("badges/intro.svg"));
    assertThat(published).isEqualTo(new ImageInspector().publishedSvg(design));
    assertThat(new String(published, StandardCharsets.UTF_8))
        .doesNotContain("<!--", "<?xml")
        .contains("<linearGradient id=\"rim\"", "<textPath href=\"#arc\"");
    assertThat(Files.readAllBytes(out.resolve("badges/intro.png")))
        .as("drawn exactly as the file the author wrote")
        .isEqualTo(new SvgRasterizer(PngStore.NONE).toPng(design, 512));

    byte[] baked = Files.readAllBytes(out.resolve("assertions/intro/jane.svg"));
    assertThat(BakedImages.extract(baked))
        .extracting(Baked::payload)
        .singleElement()
        .satisfies(json -> assertThat(json).contains("assertions/intro/jane.json"));
    assertThat(new String(baked, StandardCharsets.UTF_8))
        .as("the baked badge is the published design with its assertion")
        .contains("<textPath href=\"#arc\"")
        .doesNotContain("<!--");
  }
}
