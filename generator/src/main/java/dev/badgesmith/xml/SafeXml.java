package dev.badgesmith.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's XML parsers, set up once for untrusted XML (SVG designs, baked SVG badges): no external
 * DTD or entity is ever read, and entity expansion is bounded (no XXE, no billion laughs). Every
 * XML parser of the generator is made here.
 */
public final class SafeXml {
  private static final String FEATURES = "http://xml.org/sax/features/";
  private static final String LOAD_EXTERNAL_DTD =
      "http://apache.org/xml/features/nonvalidating/load-external-dtd";

  private SafeXml() {}

  /** A namespace-aware SAX parser; factories are not thread-safe, so one per call. */
  public static SAXParser saxParser() {
    try {
      // The JDK's own, as the class says: no service lookup through the class path per parser.
      SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature(FEATURES + "external-general-entities", false);
      factory.setFeature(FEATURES + "external-parameter-entities", false);
      factory.setFeature(LOAD_EXTERNAL_DTD, false);
      SAXParser parser = factory.newSAXParser();
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      parser.getXMLReader().setEntityResolver((publicId, systemId) -> emptyEntity());
      return parser;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be made safe", e);
    }
  }

  /** Parses a whole document into a namespace-aware DOM. */
  public static Document parse(byte[] xml) throws SAXParseException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature(FEATURES + "external-general-entities", false);
      factory.setFeature(FEATURES + "external-parameter-entities", false);
      factory.setFeature(LOAD_EXTERNAL_DTD, false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setEntityResolver((publicId, systemId) -> emptyEntity());
      builder.setErrorHandler(new ThrowingErrorHandler());
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      throw e;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be made safe", e);
    } catch (SAXException | IOException e) {
      throw new SAXParseException(e.getMessage(), null, null, -1, -1, e);
    }
  }

  /**
   * A namespace-aware StAX reader that coalesces text and reads no DTD at all: for SVG that is read
   * and written again as it streams (baking).
   */
  public static XMLStreamReader streamReader(byte[] xml) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory.createXMLStreamReader(new ByteArrayInputStream(xml));
  }

  /** "line 3, column 7: message", for a parse error. */
  public static String describe(SAXParseException e) {
    String where =
        e.getLineNumber() > 0
            ? "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
            : "";
    return where + e.getMessage();
  }

  private static InputSource emptyEntity() {
    return new InputSource(new StringReader(""));
  }

  private static final class ThrowingErrorHandler implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXParseException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      throw e;
    }
  }
}
