package dev.badgesmith.bake;

import static dev.badgesmith.bake.Images.ASSERTION;
import static dev.badgesmith.bake.Images.ASSERTION_URL;
import static dev.badgesmith.bake.Images.CREDENTIAL;
import static dev.badgesmith.bake.Images.SVG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgBakerTest {
  private final byte[] svg = Images.utf8(SVG);

  @Test
  void insertsTheAssertionAsTheFirstChildWithItsVerifyUrl() {
    String baked = bake(svg, BadgeVersion.OB2, "{\"a\":1}", Optional.of(ASSERTION_URL));

    assertThat(baked)
        .isEqualTo(
            SVG.replace(
                "data-note=\"a > b\">",
                "data-note=\"a > b\" xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion"
                    + " verify=\""
                    + ASSERTION_URL
                    + "\"><![CDATA[{\"a\":1}]]></openbadges:assertion>"));
  }

  @Test
  void aTemplateBakesEachPayloadAloneIntoTheFileAsItWas() {
    byte[] rebaked = SvgBaker.bake(svg, BadgeVersion.OB3, CREDENTIAL, Optional.empty());
    SvgBaker.Template template = SvgBaker.template(rebaked, BadgeVersion.OB3);

    String first = new String(template.bake("{\"n\":1}", Optional.empty()), StandardCharsets.UTF_8);
    String second =
        new String(template.bake("{\"n\":2}", Optional.empty()), StandardCharsets.UTF_8);

    assertThat(first).contains("{\"n\":1}").doesNotContain("{\"n\":2}").doesNotContain(CREDENTIAL);
    assertThat(second).contains("{\"n\":2}").doesNotContain("{\"n\":1}");
    assertThat(second).isEqualTo(bake(svg, BadgeVersion.OB3, "{\"n\":2}", Optional.empty()));
  }

  @Test
  void writesACredentialWithoutVerify() {
    String baked = bake(svg, BadgeVersion.OB3, CREDENTIAL, Optional.empty());

    assertThat(baked)
        .contains(
            " xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"><openbadges:credential><![CDATA["
                + CREDENTIAL
                + "]]></openbadges:credential>\n  <!-- a drawing -->");
  }

  @Test
  void writesACompactJwsAsTheVerifyAttributeOfAnEmptyElement() {
    String baked = bake(svg, BadgeVersion.OB3, "eyJ.eyJ.sig", Optional.empty());

    assertThat(baked).contains("<openbadges:credential verify=\"eyJ.eyJ.sig\"/>");
    assertThat(BakedImages.extract(Images.utf8(baked)))
        .containsExactly(
            new Baked(
                BadgeVersion.OB3,
                "svg",
                "<openbadges:credential>",
                "eyJ.eyJ.sig",
                Optional.of("eyJ.eyJ.sig")));
  }

  @Test
  void roundTripsBothVersions() {
    byte[] ob2 = SvgBaker.bake(svg, BadgeVersion.OB2, ASSERTION, Optional.of(ASSERTION_URL));
    byte[] ob3 = SvgBaker.bake(svg, BadgeVersion.OB3, CREDENTIAL, Optional.empty());

    assertThat(BakedImages.extract(ob2))
        .containsExactly(
            new Baked(
                BadgeVersion.OB2,
                "svg",
                "<openbadges:assertion>",
                ASSERTION.strip(),
                Optional.of(ASSERTION_URL)));
    assertThat(BakedImages.extract(ob3))
        .containsExactly(
            new Baked(
                BadgeVersion.OB3, "svg", "<openbadges:credential>", CREDENTIAL, Optional.empty()));
  }

  @Test
  void escapesTheCdataEndMarkerInsideAJsonStringSoReadersSeeOneSection() throws Exception {
    String payload = "{\"narrative\":\"a]]>b \\\" ]]]]> c\"}";
    String baked = bake(svg, BadgeVersion.OB3, payload, Optional.empty());

    assertThat(baked)
        .contains("<![CDATA[{\"narrative\":\"a]]\\u003eb \\\" ]]]]\\u003e c\"}]]>")
        .containsOnlyOnce("<![CDATA[");
    String extracted = BakedImages.extract(Images.utf8(baked)).get(0).payload();
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(extracted)).isEqualTo(json.readTree(payload));
  }

  @Test
  void splitsTheCdataEndMarkerOutsideAJsonStringAcrossTwoSections() {
    String payload = "{not json]]>x";
    String baked = bake(svg, BadgeVersion.OB2, payload, Optional.empty());

    assertThat(baked).contains("<![CDATA[{not json]]]]><![CDATA[>x]]>");
    assertThat(BakedImages.extract(Images.utf8(baked)))
        .extracting(Baked::payload)
        .containsExactly(payload);
    assertThat(text(parse(baked), BadgeVersion.OB2)).isEqualTo(payload);
  }

  @Test
  void keepsEveryOtherByteOfTheDrawing() {
    String baked = bake(svg, BadgeVersion.OB2, ASSERTION, Optional.of(ASSERTION_URL));

    String element =
        baked.substring(
            baked.indexOf("<openbadges:assertion"),
            baked.indexOf("</openbadges:assertion>") + "</openbadges:assertion>".length());
    assertThat(
            baked.replace(element, "").replace(" xmlns:openbadges=\"http://openbadges.org\"", ""))
        .isEqualTo(SVG);
  }

  @Test
  void producesWellFormedXmlWithTheElementInItsNamespace() {
    byte[] both =
        SvgBaker.bake(
            SvgBaker.bake(svg, BadgeVersion.OB2, ASSERTION, Optional.of(ASSERTION_URL)),
            BadgeVersion.OB3,
            CREDENTIAL,
            Optional.empty());

    Document document = parse(new String(both, StandardCharsets.UTF_8));
    Element root = document.getDocumentElement();
    Element first = (Element) root.getElementsByTagNameNS("*", "*").item(0);
    assertThat(first.getNamespaceURI()).isEqualTo(BadgeVersion.OB3.svgNamespace());
    assertThat(first.getLocalName()).isEqualTo("credential");
    assertThat(text(document, BadgeVersion.OB2)).isEqualTo(ASSERTION.strip());
    Element assertion =
        (Element)
            document.getElementsByTagNameNS(BadgeVersion.OB2.svgNamespace(), "assertion").item(0);
    assertThat(assertion.getAttribute("verify")).isEqualTo(ASSERTION_URL);
  }

  @Test
  void usesAnotherPrefixWhenTheRootBindsOpenbadgesToTheOtherVersion() {
    String both =
        new String(
            SvgBaker.bake(
                SvgBaker.bake(svg, BadgeVersion.OB2, ASSERTION, Optional.empty()),
                BadgeVersion.OB3,
                CREDENTIAL,
                Optional.empty()),
            StandardCharsets.UTF_8);

    assertThat(both)
        .contains(
            "xmlns:openbadges=\"http://openbadges.org\""
                + " xmlns:openbadges2=\"https://purl.imsglobal.org/ob/v3p0\">"
                + "<openbadges2:credential>");
    assertThat(BakedImages.extract(Images.utf8(both)))
        .extracting(Baked::version, Baked::carrier)
        .containsExactly(
            tuple(BadgeVersion.OB3, "<openbadges2:credential>"),
            tuple(BadgeVersion.OB2, "<openbadges:assertion>"));
  }

  @Test
  void rebakingReplacesTheElementOfThatVersion() {
    byte[] once = SvgBaker.bake(svg, BadgeVersion.OB2, "{\"old\":1}", Optional.empty());
    byte[] twice = SvgBaker.bake(once, BadgeVersion.OB2, ASSERTION, Optional.of(ASSERTION_URL));

    assertThat(twice)
        .isEqualTo(SvgBaker.bake(svg, BadgeVersion.OB2, ASSERTION, Optional.of(ASSERTION_URL)));
    assertThat(BakedImages.extract(twice)).hasSize(1);
  }

  @Test
  void bakesARootWithoutChildren() {
    byte[] empty =
        Images.utf8("<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\" width=\"1\" />\n");
    String baked = bake(empty, BadgeVersion.OB3, CREDENTIAL, Optional.empty());

    assertThat(baked)
        .isEqualTo(
            "<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\" width=\"1\""
                + " xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\" >"
                + "<openbadges:credential><![CDATA["
                + CREDENTIAL
                + "]]></openbadges:credential></svg:svg>\n");
    assertThat(text(parse(baked), BadgeVersion.OB3)).isEqualTo(CREDENTIAL);
  }

  @Test
  void escapesTheVerifyUrl() {
    String baked = bake(svg, BadgeVersion.OB2, "{}", Optional.of("https://e.org/a?b=1&c=\"2\""));
    assertThat(baked).contains("verify=\"https://e.org/a?b=1&amp;c=&quot;2&quot;\"");
    assertThat(BakedImages.extract(Images.utf8(baked)).get(0).verify())
        .contains("https://e.org/a?b=1&c=\"2\"");
  }

  @Test
  void keepsSvgWithinTheFirst256Bytes() {
    String baked = bake(svg, BadgeVersion.OB2, ASSERTION, Optional.of(ASSERTION_URL));
    assertThat(baked.substring(0, 256)).contains("<svg");

    String longProlog = "<!-- " + "x".repeat(260) + " -->\n" + SVG.substring(SVG.indexOf("<svg"));
    assertThatThrownBy(
            () ->
                SvgBaker.bake(
                    Images.utf8(longProlog), BadgeVersion.OB2, ASSERTION, Optional.empty()))
        .isInstanceOf(BakeException.class)
        .hasMessage(
            "the root <svg> element starts at byte 270; readers look for it in the first 256"
                + " bytes, so shorten what comes before it (comments, DOCTYPE)");
  }

  @Test
  void refusesAnSvgThatIsNotWellFormed() {
    assertThatThrownBy(
            () ->
                SvgBaker.bake(
                    Images.utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>"),
                    BadgeVersion.OB2,
                    ASSERTION,
                    Optional.empty()))
        .isInstanceOf(BakeException.class)
        .hasMessageStartingWith("not well-formed XML at line 1, column ")
        .hasMessageContaining("must be terminated by the matching end-tag");
  }

  @Test
  void refusesAFileThatIsNotAnSvg() {
    assertThatThrownBy(
            () -> SvgBaker.bake(Images.utf8("hello"), BadgeVersion.OB2, "{}", Optional.empty()))
        .isInstanceOf(BakeException.class)
        .hasMessage("not an SVG file (it does not start with '<')");
    assertThatThrownBy(
            () ->
                SvgBaker.bake(
                    Images.utf8("<html><svg/></html>"), BadgeVersion.OB2, "{}", Optional.empty()))
        .hasMessage(
            "not an SVG file: the root element is <html> in namespace (none), not <svg> in"
                + " http://www.w3.org/2000/svg");
  }

  @Test
  void refusesAnExternalEntityWithoutFetchingIt() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE svg [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/never-fetched">]>
        <svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>
        """;
    assertThatThrownBy(
            () -> SvgBaker.bake(Images.utf8(xxe), BadgeVersion.OB2, "{}", Optional.empty()))
        .isInstanceOf(BakeException.class)
        .hasMessage(
            "the SVG has a DOCTYPE with an internal subset (entity declarations); Badgesmith"
                + " reads no DTDs: remove the DOCTYPE");
    assertThatThrownBy(() -> BakedImages.extract(Images.utf8(xxe)))
        .isInstanceOf(BakeException.class)
        .hasMessageContaining("internal subset");
  }

  @Test
  void ignoresAnExternalDtdAndRefusesAnUndeclaredEntity() {
    String doctype =
        "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://127.0.0.1:9/svg11.dtd\">\n";
    String withDtd = doctype + SVG.substring(SVG.indexOf("<svg"));
    String baked = bake(Images.utf8(withDtd), BadgeVersion.OB2, "{}", Optional.empty());
    assertThat(baked).startsWith(doctype + "<svg");

    String entity = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&nbsp;</text></svg>";
    assertThatThrownBy(
            () -> SvgBaker.bake(Images.utf8(entity), BadgeVersion.OB2, "{}", Optional.empty()))
        .isInstanceOf(BakeException.class)
        .hasMessageContaining("nbsp");
  }

  @Test
  void refusesAnSvgNotEncodedInUtf8() {
    byte[] latin1 =
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> SvgBaker.bake(latin1, BadgeVersion.OB2, "{}", Optional.empty()))
        .isInstanceOf(BakeException.class)
        .hasMessage("the SVG is encoded in ISO-8859-1; only UTF-8 SVG files can be baked and read");
  }

  @Test
  void refusesAVerifyUrlWithACredential() {
    assertThatThrownBy(
            () -> SvgBaker.bake(svg, BadgeVersion.OB3, CREDENTIAL, Optional.of(ASSERTION_URL)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String bake(
      byte[] svg, BadgeVersion version, String payload, Optional<String> verifyUrl) {
    return new String(SvgBaker.bake(svg, version, payload, verifyUrl), StandardCharsets.UTF_8);
  }

  /** Parses with the JDK's DOM parser, independently of the code under test. */
  static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
    }
  }

  static String text(Document document, BadgeVersion version) {
    NodeList found = document.getElementsByTagNameNS(version.svgNamespace(), version.svgElement());
    assertThat(found.getLength()).isEqualTo(1);
    return found.item(0).getTextContent().strip();
  }
}
