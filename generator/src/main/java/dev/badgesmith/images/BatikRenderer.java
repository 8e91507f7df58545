package dev.badgesmith.images;

import dev.badgesmith.xml.SafeXml;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.batik.anim.dom.SVGDOMImplementation;
import org.apache.batik.bridge.BridgeException;
import org.apache.batik.bridge.EmbededExternalResourceSecurity;
import org.apache.batik.bridge.ExternalResourceSecurity;
import org.apache.batik.bridge.NoLoadScriptSecurity;
import org.apache.batik.bridge.ScriptSecurity;
import org.apache.batik.bridge.UserAgent;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.batik.util.ParsedURL;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/**
 * The one place that drives Batik: renders an SVG document to PNG bytes, fitted into a box of a
 * given size, centred, on a transparent background. Loaded only when the cache misses.
 *
 * <p>Nothing is fetched and nothing runs: the document is parsed by the JDK's parser with external
 * entities off ({@link SafeXml}), scripts are refused, and the only external resources allowed are
 * {@code data:} URIs embedded in the document itself.
 *
 * <p>The PNG is encoded by the JDK's ImageIO writer without metadata: it writes IHDR, IDAT and IEND
 * only (no tIME, no gAMA), so the same SVG gives the same bytes on the same machine.
 */
final class BatikRenderer {
  private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*([a-z]*)\\s*");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

  private static final String BASE_URI = "https://badgesmith.invalid/design.svg";
  private static final String XLINK = "http://www.w3.org/1999/xlink";

  private BatikRenderer() {}

  static byte[] render(byte[] svg, int boxWidth, int boxHeight) {
    Document document;
    try {
      document = SafeXml.parse(svg);
    } catch (SAXParseException e) {
      throw new ImageRenderException("the SVG is not well-formed XML: " + SafeXml.describe(e), e);
    }
    Element root = document.getDocumentElement();
    if (!"svg".equals(root.getLocalName())
        || !SVGDOMImplementation.SVG_NAMESPACE_URI.equals(root.getNamespaceURI())) {
      throw new ImageRenderException(
          "the document is not SVG: its root element is <" + root.getTagName() + ">");
    }
    useXlinkHref(root);
    FittingTranscoder transcoder = new FittingTranscoder(boxWidth, boxHeight, intrinsicSize(root));
    TranscoderInput input = new TranscoderInput(document);
    // Batik needs a base URI; this one names no place that could be fetched (.invalid is reserved),
    // and the user agent refuses it anyway.
    input.setURI(BASE_URI);
    try {
      transcoder.transcode(input, new TranscoderOutput());
    } catch (TranscoderException | RuntimeException e) {
      throw new ImageRenderException(reason(e), elementIndex(e), e);
    }
    return encodePng(centre(transcoder.image, boxWidth, boxHeight));
  }

  /** Batik 1.19 knows only SVG 1.1's xlink:href; SVG 2 editors write plain href. */
  private static void useXlinkHref(Element element) {
    if (element.hasAttributeNS(null, "href") && !element.hasAttributeNS(XLINK, "href")) {
      element.setAttributeNS(XLINK, "xlink:href", element.getAttributeNS(null, "href"));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        useXlinkHref(e);
      }
    }
  }

  /**
   * The size the document asks for, for its aspect ratio: its width and height when both are plain
   * lengths in one unit, else its viewBox; null to let Batik decide.
   */
  private static float[] intrinsicSize(Element root) {
    Matcher w = LENGTH.matcher(root.getAttribute("width"));
    Matcher h = LENGTH.matcher(root.getAttribute("height"));
    if (w.matches() && h.matches() && w.group(2).equals(h.group(2))) {
      float width = Float.parseFloat(w.group(1));
      float height = Float.parseFloat(h.group(1));
      if (width > 0 && height > 0) {
        return new float[] {width, height};
      }
    }
    String[] box = SEPARATORS.split(root.getAttribute("viewBox").trim());
    if (box.length == 4) {
      try {
        float width = Float.parseFloat(box[2]);
        float height = Float.parseFloat(box[3]);
        if (width > 0 && height > 0) {
          return new float[] {width, height};
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static BufferedImage centre(BufferedImage image, int boxWidth, int boxHeight) {
    if (image.getWidth() == boxWidth && image.getHeight() == boxHeight) {
      return image;
    }
    BufferedImage box = new BufferedImage(boxWidth, boxHeight, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = box.createGraphics();
    try {
      g.drawImage(
          image, (boxWidth - image.getWidth()) / 2, (boxHeight - image.getHeight()) / 2, null);
    } finally {
      g.dispose();
    }
    return box;
  }

  private static byte[] encodePng(BufferedImage image) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IllegalStateException("the JDK has no PNG writer");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // In memory: ImageIO's default stream for an OutputStream buffers it in a temporary file.
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      // No metadata: ImageIO then writes no tIME, no gAMA, no pHYs.
      writer.write(null, new IIOImage(image, null, null), null);
    } catch (IOException e) {
      throw new IllegalStateException("PNG encoding failed in memory", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /**
   * The element Batik's error is about, as its index among the document's elements in document
   * order (Batik works on a copy of the document, in the same order); -1 when it names none, or one
   * that is not in the document (a copy it made for a {@code <use>}).
   */
  private static int elementIndex(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BridgeException b && b.getElement() != null) {
        return indexOf(b.getElement());
      }
      if (t instanceof TranscoderException te && te.getException() != null) {
        int found = elementIndex(te.getException());
        if (found >= 0) {
          return found;
        }
      }
    }
    return -1;
  }

  private static int indexOf(Element element) {
    Node top = element;
    while (top.getParentNode() != null) {
      top = top.getParentNode();
    }
    if (!(top instanceof Document document)) {
      return -1;
    }
    int index = 0;
    Node node = document.getDocumentElement();
    while (node != null) {
      if (node == element) {
        return index;
      }
      if (node instanceof Element) {
        index++;
      }
      node = next(node);
    }
    return -1;
  }

  /** The node after this one in document order, without recursion. */
  private static Node next(Node node) {
    if (node.getFirstChild() != null) {
      return node.getFirstChild();
    }
    for (Node n = node; n != null; n = n.getParentNode()) {
      if (n.getNextSibling() != null) {
        return n.getNextSibling();
      }
    }
    return null;
  }

  private static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    if (message == null) {
      return cause.getClass().getSimpleName();
    }
    // Batik prefixes messages with the document's URI and line, which here says nothing.
    return message
        .replace(BASE_URI + ":-1", "")
        .replace(BASE_URI + ":", "")
        .strip()
        .replaceAll("\\s+", " ");
  }

  /** Fits the document into the box, keeping its aspect ratio, and keeps the image in memory. */
  private static final class FittingTranscoder extends ImageTranscoder {
    private final int boxWidth;
    private final int boxHeight;
    private final float[] intrinsic;
    private BufferedImage image;

    FittingTranscoder(int boxWidth, int boxHeight, float[] intrinsic) {
      this.boxWidth = boxWidth;
      this.boxHeight = boxHeight;
      this.intrinsic = intrinsic;
      addTranscodingHint(KEY_EXECUTE_ONLOAD, Boolean.FALSE);
      addTranscodingHint(KEY_ALLOWED_SCRIPT_TYPES, "");
      addTranscodingHint(KEY_CONSTRAIN_SCRIPT_ORIGIN, Boolean.TRUE);
      addTranscodingHint(KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
      addTranscodingHint(KEY_DOM_IMPLEMENTATION, SVGDOMImplementation.getDOMImplementation());
      addTranscodingHint(
          KEY_DOCUMENT_ELEMENT_NAMESPACE_URI, SVGDOMImplementation.SVG_NAMESPACE_URI);
      addTranscodingHint(KEY_DOCUMENT_ELEMENT, "svg");
    }

    @Override
    protected void setImageSize(float docWidth, float docHeight) {
      float w = intrinsic != null ? intrinsic[0] : docWidth;
      float h = intrinsic != null ? intrinsic[1] : docHeight;
      if (!(w > 0 && h > 0)) {
        w = boxWidth;
        h = boxHeight;
      }
      float scale = Math.min(boxWidth / w, boxHeight / h);
      width = Math.min(boxWidth, w * scale);
      height = Math.min(boxHeight, h * scale);
    }

    @Override
    protected UserAgent createUserAgent() {
      return new ClosedUserAgent();
    }

    @Override
    public BufferedImage createImage(int w, int h) {
      return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    }

    @Override
    public void writeImage(BufferedImage img, TranscoderOutput output) {
      this.image = img;
    }

    /**
     * Loads only what the document embeds, runs no script, and turns every error into an exception
     * instead of printing it.
     */
    private final class ClosedUserAgent extends SVGAbstractTranscoderUserAgent {

      @Override
      public ExternalResourceSecurity getExternalResourceSecurity(
          ParsedURL resourceURL, ParsedURL docURL) {
        return new EmbededExternalResourceSecurity(resourceURL);
      }

      @Override
      public void checkLoadExternalResource(ParsedURL resourceURL, ParsedURL docURL) {
        if (resourceURL == null || !"data".equals(resourceURL.getProtocol())) {
          throw new SecurityException(
              "refused to load "
                  + resourceURL
                  + ": only data: URIs embedded in the SVG are allowed");
        }
      }

      @Override
      public ScriptSecurity getScriptSecurity(
          String scriptType, ParsedURL scriptURL, ParsedURL docURL) {
        return new NoLoadScriptSecurity(scriptType);
      }

      @Override
      public void checkLoadScript(String scriptType, ParsedURL scriptURL, ParsedURL docURL) {
        throw new SecurityException("refused to run a script: badge images cannot run code");
      }

      @Override
      public boolean isAllowExternalResources() {
        return false;
      }

      @Override
      public void displayError(Exception e) {
        throw new ImageRenderException(reason(e), elementIndex(e), e);
      }

      @Override
      public void displayError(String message) {
        throw new ImageRenderException(message);
      }

      @Override
      public void displayMessage(String message) {}
    }
  }
}
