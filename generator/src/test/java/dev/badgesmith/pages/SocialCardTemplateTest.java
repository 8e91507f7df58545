package dev.badgesmith.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SocialCardTemplateTest {
  private static final String ART = "data:image/png;base64,iVBORw0KGgo=";

  private final SocialCardTemplate template = new SocialCardTemplate(java.util.Optional.empty());

  @Test
  void makesA1200By630SvgWithTheBadgeItsIssuerAndTheSite() throws Exception {
    Document card =
        parse(
            template.render(
                new SocialCardView("Code Reviewer", "Rust Guild", "Guild Badges", ART)));

    Element root = card.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 1200 630");
    assertThat(texts(card)).containsExactly("Guild Badges", "Code Reviewer", "Rust Guild");
    Element image = (Element) card.getElementsByTagNameNS("*", "image").item(0);
    assertThat(image.getAttributeNS("http://www.w3.org/1999/xlink", "href")).isEqualTo(ART);
  }

  @Test
  void escapesAHostileBadgeName() throws Exception {
    String hostile = "<script>&\"'";

    Document card =
        parse(template.render(new SocialCardView(hostile, "<b>&amp;", "]]> <!--", ART)));

    assertThat(card.getElementsByTagNameNS("*", "script").getLength()).isZero();
    assertThat(card.getElementsByTagNameNS("*", "b").getLength()).isZero();
    assertThat(String.join(" ", texts(card)))
        .contains(hostile)
        .contains("<b>&amp;")
        .contains("]]> <!--");
  }

  @Test
  void dropsCharactersXmlCannotHold() throws Exception {
    Document card =
        parse(template.render(new SocialCardView("Bell\u0007 \uD800Badge", "I", "S", ART)));

    assertThat(texts(card)).contains("Bell Badge");
  }

  @Test
  void wrapsALongNameOnThreeLinesAtMostAndShortensTheRest() throws Exception {
    String name =
        "Outstanding Contribution to the Documentation of the Internationalisation Subsystem"
            + " in the Year of the Great Rewrite";

    Document card = parse(template.render(new SocialCardView(name, "I", "S", ART)));

    NodeList lines = card.getElementsByTagNameNS("*", "tspan");
    assertThat(lines.getLength()).isEqualTo(3);
    for (int i = 0; i < lines.getLength(); i++) {
      assertThat(lines.item(i).getTextContent()).hasSizeLessThanOrEqualTo(18);
    }
    assertThat(lines.item(2).getTextContent()).endsWith("…");
    assertThat(lines.item(0).getTextContent()).isEqualTo("Outstanding");
  }

  @Test
  void shortensAWordLongerThanALine() throws Exception {
    Document card =
        parse(template.render(new SocialCardView("Supercalifragilistic", "I", "S", ART)));

    assertThat(card.getElementsByTagNameNS("*", "tspan").item(0).getTextContent())
        .isEqualTo("Supercalifrag…");
  }

  @Test
  void refusesBadgeArtThatIsNotEmbedded() {
    assertThatThrownBy(() -> new SocialCardView("B", "I", "S", "https://example.org/b.png"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data:image/");
  }

  /** The text of every text element, one entry per element, tspans joined by a space. */
  private static List<String> texts(Document card) {
    List<String> texts = new ArrayList<>();
    NodeList nodes = card.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element text = (Element) nodes.item(i);
      NodeList spans = text.getElementsByTagNameNS("*", "tspan");
      if (spans.getLength() == 0) {
        texts.add(text.getTextContent().strip());
      } else {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < spans.getLength(); j++) {
          parts.add(spans.item(j).getTextContent());
        }
        texts.add(String.join(" ", parts));
      }
    }
    return texts;
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try {
      return factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new AssertionError(svg, e);
    }
  }
}
