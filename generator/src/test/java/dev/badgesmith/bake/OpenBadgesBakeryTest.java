package dev.badgesmith.bake;

import static dev.badgesmith.bake.Images.ASSERTION;
import static dev.badgesmith.bake.Images.ASSERTION_URL;
import static dev.badgesmith.bake.Images.CREDENTIAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.testing.NodePackages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our baked Open Badges 2.0 images, read by an extractor nobody here wrote: the reference
 * JavaScript baker, npm {@code openbadges-bakery} 1.0.5 (its extract; its bake fails on Node 20).
 * It is installed into {@code target/node} on first use, and the test skips without Node or npm.
 */
class OpenBadgesBakeryTest {
  private static Path nodeDir;
  private static final Path SCRIPT = Path.of("src/test/node/extract.js").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @BeforeAll
  static void installTheReferenceBaker() {
    Optional<Path> installed = NodePackages.install("target/node", "openbadges-bakery@1.0.5");
    Assumptions.assumeTrue(
        installed.isPresent(),
        "skipped: node and npm are needed to install openbadges-bakery@1.0.5 (see the log)");
    nodeDir = installed.get();
  }

  @Test
  void readsEveryBakedImageOfTheExampleSite() throws Exception {
    Path out = tmp.resolve("site");
    dev.badgesmith.Report report = dev.badgesmith.testing.TestSites.buildExample(out);
    assertThat(report.hasErrors()).isFalse();
    int read = 0;
    for (var file : dev.badgesmith.testing.TestSites.read(out.resolve("assertions")).entrySet()) {
      String name = file.getKey();
      if (name.endsWith(".png") || name.endsWith(".svg")) {
        Path hosted = out.resolve("assertions").resolve(name.replaceAll("\\.(png|svg)$", ".json"));
        assertSameJson(
            extract(name.replace('/', '-'), file.getValue()),
            Files.readString(hosted, StandardCharsets.UTF_8));
        read++;
      }
    }
    assertThat(read).as("baked images read").isGreaterThanOrEqualTo(20);
  }

  @Test
  void readsOurAssertionInADesignDrawnFromADesignBlock() throws Exception {
    byte[] svg =
        new dev.badgesmith.images.ImageInspector()
            .publishedSvg(
                dev.badgesmith.images.DesignSvg.render(
                    new dev.badgesmith.images.BadgeDesign(
                        dev.badgesmith.images.BadgeDesign.Shape.RIBBON,
                        "#1f3a5f",
                        "#ffffff",
                        Optional.of("award"),
                        Optional.of("A & B"),
                        Optional.of(dev.badgesmith.images.BadgeDesign.Tier.GOLD))));
    assertSameJson(
        extract(
            "designed.svg",
            SvgBaker.bake(svg, BadgeVersion.OB2, ASSERTION, Optional.of(ASSERTION_URL))),
        ASSERTION);
    byte[] png =
        new dev.badgesmith.images.SvgRasterizer(dev.badgesmith.images.PngStore.NONE)
            .toPng(svg, 128);
    assertSameJson(
        extract("designed.png", PngBaker.bake(png, BadgeVersion.OB2, ASSERTION)), ASSERTION);
  }

  @Test
  void readsOurPngAssertion() throws Exception {
    byte[] baked = PngBaker.bake(Images.noisyPng(64, 64, 3), BadgeVersion.OB2, ASSERTION);
    assertSameJson(extract("baked.png", baked), ASSERTION);
  }

  @Test
  void readsOurAssertionInTheReferencePngBesideACredential() throws Exception {
    byte[] png = Images.reference("unbaked.png");
    byte[] both =
        PngBaker.bake(
            PngBaker.bake(png, BadgeVersion.OB3, CREDENTIAL), BadgeVersion.OB2, ASSERTION);
    assertSameJson(extract("both.png", both), ASSERTION);
  }

  @Test
  void readsOurSvgAssertionFromItsCdataRatherThanItsVerifyUrl() throws Exception {
    byte[] baked =
        SvgBaker.bake(
            Images.utf8(Images.SVG), BadgeVersion.OB2, ASSERTION, Optional.of(ASSERTION_URL));
    assertSameJson(extract("baked.svg", baked), ASSERTION);
  }

  @Test
  void readsTheWholeAssertionWhenAStringHoldsTheCdataEndMarker() throws Exception {
    String assertion = "{\"id\":\"x\",\"narrative\":\"a ]]> b\"}";
    byte[] baked =
        SvgBaker.bake(Images.utf8(Images.SVG), BadgeVersion.OB2, assertion, Optional.empty());
    assertThat(JSON.readTree(extract("cdata.svg", baked))).isEqualTo(JSON.readTree(assertion));
  }

  @Test
  void readsOurAssertionInTheReferenceSvg() throws Exception {
    byte[] baked =
        SvgBaker.bake(
            Images.reference("unbaked.svg"), BadgeVersion.OB2, ASSERTION, Optional.empty());
    assertSameJson(extract("reference.svg", baked), ASSERTION);
  }

  @Test
  void readsASignedAssertionFromTheVerifyAttribute() throws Exception {
    String jws = "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6IngifQ.c2ln";
    byte[] baked = SvgBaker.bake(Images.utf8(Images.SVG), BadgeVersion.OB2, jws, Optional.empty());
    assertThat(extract("signed.svg", baked)).isEqualTo(jws);
  }

  private String extract(String name, byte[] image) throws Exception {
    Path file = Files.write(tmp.resolve(name), image);
    return NodePackages.run(nodeDir, SCRIPT, file.toString());
  }

  private static void assertSameJson(String extracted, String baked) throws IOException {
    assertThat(JSON.readTree(extracted)).isEqualTo(JSON.readTree(baked));
    assertThat(extracted.strip()).isEqualTo(baked.strip());
  }
}
