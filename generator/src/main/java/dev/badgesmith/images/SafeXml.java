package dev.badgesmith.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's XML parser, set up for untrusted SVG: a DOCTYPE is allowed (editors write one), but no
 * external DTD or entity is ever read, and entity expansion is bounded (no XXE, no billion laughs).
 */
final class SafeXml {
  private static final String FEATURES = "http://xml.org/sax/features/";
  private static final String LOAD_EXTERNAL_DTD =
      "http://apache.org/xml/features/nonvalidating/load-external-dtd";

  private SafeXml() {}

  /** A namespace-aware SAX parser; factories are not thread-safe, so one per call. */
  static SAXParser saxParser() {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
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
  static Document parse(byte[] xml) throws SAXParseException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
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

  /** "line 3, column 7: message", for a parse error. */
  static String describe(SAXParseException e) {
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
