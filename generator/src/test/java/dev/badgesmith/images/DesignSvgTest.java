package dev.badgesmith.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.images.BadgeDesign.Shape;
import dev.badgesmith.images.BadgeDesign.Tier;
import dev.badgesmith.testing.SiteSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Designs drawn from a {@code design:} block: the same bytes every time, held to every rule a drawn
 * SVG design is held to (the allow-list, the rendering budget, Batik), the label inside the safe
 * area and escaped.
 */
class DesignSvgTest {
  private static final Pattern TEXT = Pattern.compile("<text [^>]*>([^<]*)</text>");
  private static final Pattern FONT_SIZE = Pattern.compile("font-size=\"([0-9.]+)\"");

  private static BadgeDesign design(Shape shape, Optional<String> icon, String label) {
    return new BadgeDesign(
        shape, "#1f3a5f", "#ffffff", icon, Optional.of(label), Optional.of(Tier.SILVER));
  }

  private static String svg(BadgeDesign design) {
    return new String(DesignSvg.render(design), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void everyShapeIsACleanSvgDesignThatBatikDraws(Shape shape) throws IOException {
    for (Optional<Tier> tier : List.of(Optional.<Tier>empty(), Optional.of(Tier.GOLD))) {
      BadgeDesign design =
          new BadgeDesign(
              shape, "#0f766e", "#ffffff", Optional.of("award"), Optional.of("Mentor"), tier);
      byte[] svg = DesignSvg.render(design);
      assertThat(new ImageInspector().inspect(svg, "svg", 100_000))
          .as("allow-list, rendering budget, square")
          .isEmpty();
      assertThat(new ImageInspector().publishedSvg(svg)).isNotEmpty();
      assertThat(new SvgRasterizer(PngStore.NONE).check(svg, 128)).isEmpty();
    }
  }

  @Test
  void theSameDesignGivesTheSameBytes() {
    BadgeDesign design = design(Shape.SHIELD, Optional.of("star-fill"), "Code Reviewer");
    assertThat(DesignSvg.render(design)).isEqualTo(DesignSvg.render(design));
    assertThat(svg(design)).doesNotContainPattern("id=\"(?!metal\")");
  }

  @Test
  void eachShapeDrawsItsOwnOutline() {
    assertThat(svg(design(Shape.CIRCLE, Optional.empty(), "A"))).contains("<circle cx=\"256\"");
    assertThat(svg(design(Shape.HEXAGON, Optional.empty(), "A")))
        .contains("<polygon points=\"256,24");
    assertThat(svg(design(Shape.SHIELD, Optional.empty(), "A"))).contains("<path d=\"M256 28");
    assertThat(svg(design(Shape.ROUNDED_SQUARE, Optional.empty(), "A"))).contains("rx=\"96\"");
    assertThat(svg(design(Shape.RIBBON, Optional.empty(), "A")))
        .contains("<circle cx=\"256\" cy=\"208\"", "<polygon points=\"168,328");
  }

  @Test
  void aTierDrawsAMetalRingAndNoTierNone() {
    assertThat(svg(design(Shape.CIRCLE, Optional.empty(), "A")))
        .contains("stroke=\"url(#metal)\"", "stop-color=\"#c0c0c0\"");
    BadgeDesign plain =
        new BadgeDesign(
            Shape.CIRCLE,
            "#1f3a5f",
            "#ffffff",
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(svg(plain)).doesNotContain("metal", "<text");
  }

  @Test
  void aShortLabelIsOneLineAndALongOneTwoWithinTheSafeArea() {
    List<String> shortLines = lines(svg(design(Shape.CIRCLE, Optional.of("award"), "Intro")));
    assertThat(shortLines).containsExactly("Intro");
    String longSvg =
        svg(design(Shape.CIRCLE, Optional.of("award"), "Welcome to the Guild of Makers"));
    assertThat(lines(longSvg)).containsExactly("Welcome to the", "Guild of Makers");
    for (Shape shape : Shape.values()) {
      DesignSvg.SafeArea area = DesignSvg.safeArea(shape);
      for (String label : List.of("I", "Intro", "Mentor of the Year", "WWWWWWWWWWWWWWWWWWWW")) {
        LabelFit fit = LabelFit.fit(label, area.width(), area.height() / 3);
        assertThat(fit.widths()).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(area.width()));
        assertThat(fit.lines().size() * fit.fontSize() * LabelFit.LEADING)
            .isLessThanOrEqualTo(area.height() / 3 + 1e-9);
      }
    }
    // A label as wide as the area is squeezed into it whatever font the renderer finds.
    assertThat(svg(design(Shape.CIRCLE, Optional.empty(), "WWWWWWWWWWWWWWWWWWWW")))
        .contains("textLength=\"288\" lengthAdjust=\"spacingAndGlyphs\"");
    Matcher size = FONT_SIZE.matcher(longSvg);
    assertThat(size.find()).isTrue();
    assertThat(Double.parseDouble(size.group(1))).isGreaterThan(20);
  }

  @Test
  void theLabelIsEscapedAndHoldsOnlyWhatXmlCan() {
    String svg = svg(design(Shape.CIRCLE, Optional.empty(), "<A & \"B\" 'C'>\u0001"));
    assertThat(String.join(" ", lines(svg)))
        .isEqualTo("&lt;A &amp; &quot;B&quot; &apos;C&apos;&gt;");
    assertThat(new ImageInspector().inspect(svg.getBytes(StandardCharsets.UTF_8), "svg", 100_000))
        .isEmpty();
  }

  @Test
  void theLabelNamesFontsAndEmbedsNone() {
    assertThat(svg(design(Shape.CIRCLE, Optional.empty(), "Intro")))
        .contains("font-family=\"'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif\"")
        .doesNotContain("@font-face", "<font", "data:");
  }

  @Test
  void theSchemaListsTheShapesTiersAndPalette() {
    JsonNode design = SiteSchemas.schemaDocument("badge.schema.json").at("/definitions/design");
    assertThat(texts(design.at("/properties/shape/enum"))).isEqualTo(Shape.names());
    assertThat(texts(design.at("/properties/tier/enum"))).isEqualTo(Tier.names());
    JsonNode color = SiteSchemas.schemaDocument("badge.schema.json").at("/definitions/color");
    assertThat(texts(color.at("/anyOf/1/enum"))).isEqualTo(DesignColors.names());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> lines(String svg) {
    List<String> out = new ArrayList<>();
    Matcher m = TEXT.matcher(svg);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
