package dev.badgesmith.images;

import static dev.badgesmith.images.Svgs.decode;
import static dev.badgesmith.images.Svgs.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.Baked;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.bake.SvgBaker;
import dev.badgesmith.diag.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A published SVG is the checked one written again from its allowed elements and attributes: it is
 * accepted again, written again to the same bytes, and drawn exactly as the file it came from.
 */
class PublishedSvgTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final long BUDGET = 4_000_000;

  /** A design with what badges use: gradients, a filter, a clip path, a symbol, text on a path. */
  static final Path GRADIENTS_AND_TEXT =
      REPOSITORY.resolve("generator/src/test/resources/designs/gradients-and-text.svg");

  private final ImageInspector inspector = new ImageInspector();

  static Stream<String> repositorySvgs() throws IOException {
    List<Path> roots =
        List.of(
            REPOSITORY.resolve("example-site/badges"),
            REPOSITORY.resolve("example-site/issuers"),
            REPOSITORY.resolve("generator/src/test/resources"),
            REPOSITORY.resolve("generator/src/main/resources/badgesmith/init"),
            REPOSITORY.resolve("maven-plugin/src/it"));
    List<String> svgs = new java.util.ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".svg"))
            .map(f -> REPOSITORY.relativize(f).toString().replace('\\', '/'))
            .forEach(svgs::add);
      }
    }
    assertThat(svgs).as("the example site's designs and the test SVGs").hasSizeGreaterThan(15);
    return svgs.stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositorySvgs")
  void publishesEverySvgOfTheRepositoryAcceptedAndDrawnAsItsSource(String path) throws IOException {
    byte[] source = Files.readAllBytes(REPOSITORY.resolve(path));
    assertThat(errors(source)).as("the source is accepted").isEmpty();

    byte[] published = inspector.publishedSvg(source);

    assertThat(errors(published)).as("the published SVG is accepted").isEmpty();
    assertThat(inspector.publishedSvg(published))
        .as("and written again unchanged")
        .isEqualTo(published);
    assertThat(BatikRenderer.render(published, 128, 128))
        .as("drawn as the source is")
        .isEqualTo(BatikRenderer.render(source, 128, 128));
  }

  @Test
  void publishesADesignWithGradientsAndTextDrawnAsItIsAndBakesIt() throws IOException {
    byte[] source = Files.readAllBytes(GRADIENTS_AND_TEXT);
    assertThat(inspector.inspect(source, "svg", BUDGET)).isEmpty();

    byte[] published = inspector.publishedSvg(source);

    String text = new String(published, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=")
        .doesNotContain("<?xml", "<!--")
        .contains("<title>Gradients &amp; text</title>", "RUST &lt;101&gt;", "</tspan>  1</text>")
        .endsWith("</svg>\n");
    byte[] drawn = BatikRenderer.render(published, 256, 256);
    assertThat(drawn).isEqualTo(BatikRenderer.render(source, 256, 256));
    assertThat(decode(drawn).getRGB(128, 14)).as("the gradient rim is drawn").isNotZero();
    assertThat(inspector.publishedSvg(source)).as("the same bytes every time").isEqualTo(published);

    String assertion = "{\"id\": \"https://badges.example.org/assertions/a.json\"}";
    byte[] baked =
        SvgBaker.bake(
            published,
            BadgeVersion.OB2,
            assertion,
            Optional.of("https://badges.example.org/assertions/a.json"));
    assertThat(BakedImages.extract(baked)).extracting(Baked::payload).containsExactly(assertion);
    assertThat(errors(baked))
        .as("a baked design is accepted: its badge data is left out")
        .isEmpty();
  }

  @Test
  void writesAttributeValuesAndTextSoTheyReadBackTheSame() {
    String svg =
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 9 9'><desc id='a&amp;b'"
            + " class='&quot;q&quot; &lt;x&gt; &#9;tab&#10;line'>1 &lt; 2 &amp;&amp; 3 &gt; 2"
            + " <![CDATA[<b>]]></desc></svg>";

    String published = new String(inspector.publishedSvg(utf8(svg)), StandardCharsets.UTF_8);

    assertThat(published)
        .isEqualTo(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 9 9\"><desc id=\"a&amp;b\""
                + " class=\"&quot;q&quot; &lt;x&gt; &#9;tab&#10;line\">1 &lt; 2 &amp;&amp; 3 &gt; 2"
                + " &lt;b&gt;</desc></svg>\n");
  }

  private List<ImageProblem> errors(byte[] svg) {
    return inspector.inspect(svg, "svg", BUDGET).stream()
        .filter(p -> p.severity() == Severity.ERROR)
        .toList();
  }
}
