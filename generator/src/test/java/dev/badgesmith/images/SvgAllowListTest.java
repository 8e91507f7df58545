package dev.badgesmith.images;

import static dev.badgesmith.images.Svgs.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.badgesmith.diag.Code;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * An SVG may hold the SVG elements and attributes of the allow-list, and nothing else: each case
 * here is a way in that a deny-list by name let through (issue 15, item 1).
 */
class SvgAllowListTest {
  private static final long BUDGET = 1_000_000;
  private static final String OPEN =
      "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'"
          + " viewBox='0 0 9 9'>\n";

  private final ImageInspector inspector = new ImageInspector();

  @Test
  void refusesAnHtmlIframeWithSrcdocPlacedInTheSvgUnderAPrefix() {
    String svg =
        OPEN
            + "  <circle r='4'/>\n"
            + "  <html:iframe xmlns:html='http://www.w3.org/1999/xhtml'\n"
            + "      srcdoc='&lt;script&gt;parent.alert(document.domain)&lt;/script&gt;'/>\n"
            + "</svg>";

    assertThat(problems(svg))
        .containsExactly(
            tuple(
                Code.IMAGE_UNSAFE,
                3,
                3,
                "the <html:iframe> element is not SVG (its namespace is"
                    + " http://www.w3.org/1999/xhtml): it can embed a page that runs code"));
    assertNotPublished(svg);
  }

  @Test
  void refusesForeignObjectOnceWhateverItHolds() {
    String svg =
        OPEN
            + "<foreignObject width='9' height='9'>\n"
            + "  <body xmlns='http://www.w3.org/1999/xhtml'><script>alert(1)</script>\n"
            + "  <iframe srcdoc='x'/></body>\n"
            + "</foreignObject></svg>";

    assertThat(problems(svg))
        .containsExactly(
            tuple(
                Code.IMAGE_UNSAFE,
                2,
                1,
                "the <foreignObject> element embeds content that can load and run anything"));
  }

  @Test
  void refusesElementsOfAMadeUpNamespaceOrOfNone() {
    String svg =
        OPEN
            + "<x:widget xmlns:x='urn:example:made-up' onload='alert(1)'><rect/></x:widget>\n"
            + "<g><iframe xmlns='' src='https://example.org/'/></g></svg>";

    assertThat(problems(svg))
        .containsExactly(
            tuple(
                Code.IMAGE_UNSAFE,
                2,
                1,
                "the <x:widget> element is not SVG (its namespace is urn:example:made-up): it can"
                    + " embed a page that runs code"),
            tuple(
                Code.IMAGE_UNSAFE,
                3,
                4,
                "the <iframe> element is not SVG (it has no namespace): it can embed a page that"
                    + " runs code"));
  }

  @Test
  void refusesALinkWhateverItPointsAt() {
    assertThat(problems(OPEN + "<a href='javascript:alert(document.cookie)'><rect/></a></svg>"))
        .extracting(p -> p.toList().get(3))
        .containsExactly(
            "the <a> element is a link: it can lead anywhere, and run code as a javascript: URL");
    assertThat(problems(OPEN + "<a xlink:href='#r'><rect id='r'/></a></svg>")).hasSize(1);
  }

  @Test
  void refusesAnimationThatCouldSetALinkOrAnythingElse() {
    String svg =
        OPEN
            + "<rect id='d'/>\n"
            + "<use href='#d'><set attributeName='href' to='javascript:alert(1)'/></use>\n"
            + "<use href='#d'><animate attributeName='xlink:href' values='javascript:alert(1)'"
            + " dur='1s'/></use>\n"
            + "<rect><animateTransform attributeName='transform' type='rotate'/></rect></svg>";

    assertThat(problems(svg))
        .extracting(p -> p.toList().subList(1, 3))
        .containsExactly(List.of(3, 16), List.of(4, 16), List.of(5, 7));
    assertThat(problems(svg))
        .extracting(p -> p.toList().get(3))
        .allSatisfy(m -> assertThat((String) m).contains("element animates the image"));
  }

  @Test
  void refusesAttributesOffTheListAndEventHandlers() {
    String svg =
        OPEN
            + "<rect frob='1'/>\n"
            + "<rect xml:base='https://example.org/'/>\n"
            + "<rect xmlns:x='urn:example:made-up' x:title='t'/>\n"
            + "<rect xlink:title='t'/>\n"
            + "<circle href='#c'/>\n"
            + "<rect ONMOUSEOVER='x()'/></svg>";

    assertThat(problems(svg))
        .extracting(p -> p.toList().get(3))
        .containsExactly(
            "the frob attribute of <rect> is not one of the attributes a badge image may give"
                + " <rect>",
            "the xml:base attribute of <rect> is not one of the attributes a badge image may give"
                + " <rect>",
            "the x:title attribute of <rect> is not SVG (its namespace is urn:example:made-up)",
            "the xlink:title attribute of <rect> is not one of the attributes a badge image may"
                + " give <rect>",
            "the href attribute of <circle> is not one of the attributes a badge image may give"
                + " <circle>",
            "the ONMOUSEOVER attribute of <rect> is an event handler that runs code");
  }

  @Test
  void refusesAnImportHoweverItIsWritten() {
    String[] styles = {
      "@import url(https://x.example/a.css);",
      "@\\69mport 'https://x.example/a.css';",
      "@\\000069 mport \"https://x.example/a.css\";",
      "@IMPORT \"https://x.example/a.css\";",
      ".a { font-family: \"/*\" } @import url(https://x.example/a.css); .b { } /* \" */",
    };
    for (String style : styles) {
      assertThat(problems(OPEN + "<style>" + style + "</style></svg>"))
          .as(style)
          .extracting(p -> p.toList().get(3))
          .containsExactly(
              "the <style> element imports 'https://x.example/a.css' from outside the image");
    }
    assertThat(problems(OPEN + "<style><![CDATA[@import 'data:text/css,*{}';]]></style></svg>"))
        .extracting(p -> p.toList().get(3))
        .containsExactly("the <style> element imports 'data:text/css,*{}' from outside the image");
  }

  @Test
  void refusesAUrlOutsideTheImageHoweverItIsEscaped() {
    String[] styles = {
      "fill: u\\72l(https://x.example/p.svg#g)",
      "fill: \\75 rl( 'https://x.example/p.svg#g' )",
      "fill: URL(https://x.example/p.svg#g)",
      "fill: url(https\\3a //x.example/p.svg#g)",
    };
    for (String style : styles) {
      assertThat(problems(OPEN + "<rect style=\"" + style + "\"/></svg>"))
          .as(style)
          .extracting(p -> p.toList().get(3))
          .containsExactly(
              "the style attribute of <rect> refers to url(https://x.example/p.svg#g) outside"
                  + " the image");
    }
    assertThat(
            problems(
                OPEN + "<style>@font-face { src: url(data:font/woff2;base64,AAAA) }</style></svg>"))
        .extracting(p -> p.toList().get(3))
        .containsExactly(
            "the <style> element refers to url(data:font/woff2;base64,AAAA) outside the image");
  }

  @Test
  void acceptsTheCssOfABadgeWhichBatikDraws() {
    String svg =
        OPEN
            + "<style>@namespace svg url(http://www.w3.org/2000/svg);\n"
            + "@media (prefers-color-scheme: dark) { .plate { fill: rgb(20, 20, 20) } }\n"
            + ".ring:not(.thin) { stroke: url(#g) !important; stroke-width: 2px }</style>\n"
            + "<linearGradient id='g'/><rect class='ring plate' width='9' height='9'"
            + " clip='rect(0, 9, 9, 0)' style='fill: rgb(20, 20, 20); transform: rotate(45deg)'"
            + " role='img' aria-label='A ring'/></svg>";

    assertThat(problems(svg)).isEmpty();
    assertThat(BatikRenderer.render(inspector.publishedSvg(utf8(svg)), 16, 16)).isNotEmpty();
  }

  @Test
  void refusesCssFunctionsAndAtRulesOffTheListAndUrlsWhereNoElementBelongs() {
    String svg =
        OPEN
            + "<rect style='background-image: image-set(\"https://x.example/a.png\" 1x)'/>\n"
            + "<style>@layer base;</style>\n"
            + "<rect id='c' cursor='url(#c), auto'/></svg>";

    assertThat(problems(svg))
        .extracting(p -> p.toList().get(3))
        .containsExactly(
            "the style attribute of <rect> uses the CSS function image-set(), which a badge image"
                + " may not",
            "the <style> element uses the at-rule @layer, which a badge image may not",
            "the cursor attribute of <rect> uses url(#c) in cursor, where only fill, stroke,"
                + " clip-path, mask and filter may refer to an element");
  }

  @Test
  void embedsOnlyWholePngAndJpegPicturesWithinThePixelLimit() throws IOException {
    assertThat(problems(image("data:image/gif;base64,R0lGODlhAQABAAAAACw=")))
        .extracting(p -> p.toList().get(3))
        .containsExactly(
            "the href attribute of <image> embeds image/gif; an <image> may embed a PNG or a JPEG"
                + " only");
    assertThat(problems(image("data:image/svg+xml;base64,PHN2Zy8+")))
        .extracting(p -> p.toList().get(3))
        .containsExactly(
            "the href attribute of <image> embeds image/svg+xml; an <image> may embed a PNG or a"
                + " JPEG only");
    assertThat(problems(image("data:image/png;base64,iVBORw0KGgo=")))
        .extracting(p -> p.toList().get(3))
        .containsExactly(
            "the href attribute of <image> embeds a PNG that is corrupt: it is truncated (no IEND"
                + " chunk)");
    // IHDR says 40000 x 40000 and the pixel data is four bytes: refused from the header.
    String huge =
        "iVBORw0KGgoAAAANSUhEUgAAnEAAAJxACAYAAABRDA4FAAAABElEQVR42mNgx9SGrgAAAABJRU5ErkJggg==";
    assertThat(problems(image("data:image/png;base64," + huge)))
        .containsExactly(
            tuple(
                Code.IMAGE_OVER_LIMITS,
                2,
                1,
                "the href attribute of <image> embeds a PNG that is 40000 x 40000 px"
                    + " (1,600,000,000 pixels), over the limit of 16,777,216 pixels (4096 x 4096)"));
    assertThat(problems(image("#r")))
        .extracting(p -> p.toList().get(3))
        .containsExactly(
            "the href attribute of <image> names an element, where an <image> shows a picture it"
                + " embeds");

    String jpeg = Base64.getMimeEncoder().encodeToString(jpeg(8, 8));
    assertThat(problems(image("data:image/jpeg;base64,\n" + jpeg))).isEmpty();
    String published =
        new String(inspector.publishedSvg(utf8(image("data:image/jpeg;base64,\n" + jpeg))), UTF8);
    assertThat(published)
        .as("published with its base64 on one line")
        .contains("href=\"data:image/jpeg;base64," + jpeg.replaceAll("\\s", "") + "\"");
  }

  @Test
  void leavesEditorDataOutOfThePublishedFileUnchecked() {
    String svg =
        """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <!-- Created with Inkscape (http://www.inkscape.org/) -->
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg"
           xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
           xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
           xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
           xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"
           width="64" height="64" viewBox="0 0 64 64" version="1.1" id="svg1"
           inkscape:version="1.3" sodipodi:docname="badge.svg">
          <sodipodi:namedview id="namedview1" pagecolor="#ffffff" inkscape:zoom="8"/>
          <metadata id="metadata1"><rdf:RDF><cc:Work rdf:about=""><dc:title>Badge</dc:title>
          </cc:Work></rdf:RDF></metadata>
          <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1" data-name="Layer 1">
            <svg:circle cx="32" cy="32" r="30" style="fill:#1d4e89;stroke:none"
               sodipodi:type="arc" data-name="plate"/>
          </g>
        </svg>
        """;

    assertThat(inspector.inspect(utf8(svg), "svg", BUDGET)).isEmpty();
    String published = new String(inspector.publishedSvg(utf8(svg)), UTF8);
    assertThat(published)
        .isEqualTo(
            """
            <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" \
            version="1.1" id="svg1">
              <metadata id="metadata1"/>
              <g id="layer1">
                <circle cx="32" cy="32" r="30" style="fill:#1d4e89;stroke:none"/>
              </g>
            </svg>
            """);
  }

  /** The code, line, column and message of each problem. */
  private List<org.assertj.core.groups.Tuple> problems(String svg) {
    return inspector.inspect(utf8(svg), "svg", BUDGET).stream()
        .map(p -> tuple(p.code(), p.line(), p.column(), p.message()))
        .toList();
  }

  private void assertNotPublished(String svg) {
    assertThatThrownBy(() -> inspector.publishedSvg(utf8(svg)))
        .isInstanceOf(ImageRenderException.class)
        .hasMessageStartingWith("the SVG cannot be published (line ");
  }

  private static String image(String href) {
    return OPEN + "<image id='r' width='9' height='9' href='" + href + "'/></svg>";
  }

  private static byte[] jpeg(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0xcc8800);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
