package dev.badgesmith.certificate;

import dev.badgesmith.hash.Sha256;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Writes certificates as PDF/A-3u documents with PDFBox: the layout's marks on one page, the font
 * embedded (a subset), an sRGB output intent, XMP metadata that matches the document information,
 * and the award's credential as the document's associated file ({@code /AF}, relationship {@code
 * Source}), so the paper's PDF carries what verifies it.
 *
 * <p>The same certificate gives the same bytes: the dates are the award's, the document ID is a
 * digest of what it holds, and nothing else varies. Thread-safe: each call makes its own document
 * from bytes read once.
 */
public final class CertificatePdf {
  /**
   * Liberation Sans (SIL Open Font License 1.1), as the PDFBox jar ships it for its own fallback: a
   * font from a Maven artifact the build already has, metric-compatible with Arial, with Latin,
   * Greek and Cyrillic.
   */
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private static final String PRODUCER = "Badgesmith";
  private static final String SRGB = "sRGB IEC61966-2.1";

  private final byte[] font;
  private final byte[] srgb;

  /**
   * The font parsed once per thread: parsing it took a tenth of a certificate, and a parsed font is
   * not to be shared between threads. A document only reads it; closing the document leaves it
   * open.
   */
  private final ThreadLocal<TrueTypeFont> parsedFont = ThreadLocal.withInitial(this::parseFont);

  /** One XMP writer per thread: making one looks up and sets up XML factories. */
  private final ThreadLocal<XmpSerializer> xmpWriter = ThreadLocal.withInitial(XmpSerializer::new);

  /** Reads the font and the colour profile, once for every certificate this writer draws. */
  public CertificatePdf() {
    try (InputStream in = CertificatePdf.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("PDFBox's font " + FONT + " is not on the class path");
      }
      this.font = withoutLayoutTables(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("PDFBox's font cannot be read", e);
    }
    // The JDK's own sRGB profile, the colour space every mark is drawn in.
    this.srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  }

  /**
   * The font with every glyph its character map reaches, but without its OpenType layout tables
   * (GSUB, GPOS, kern): PDFBox would apply the substitutions to each text, which took half the time
   * of a certificate, for ligatures a certificate's few lines do not need.
   */
  private static byte[] withoutLayoutTables(byte[] ttf) throws IOException {
    try (TrueTypeFont full = new TTFParser().parse(new RandomAccessReadBuffer(ttf))) {
      TTFSubsetter subsetter =
          new TTFSubsetter(
              full,
              List.of(
                  "head", "hhea", "maxp", "OS/2", "name", "post", "cmap", "glyf", "loca", "hmtx",
                  "cvt ", "fpgm", "prep"));
      CmapLookup cmap = full.getUnicodeCmapLookup();
      for (int c = 0x20; c <= 0xFFFF; c++) {
        if (cmap.getGlyphId(c) != 0) {
          subsetter.add(c);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(ttf.length);
      subsetter.writeToStream(out);
      return out.toByteArray();
    }
  }

  /**
   * The certificate's PDF.
   *
   * @throws CertificateException if the layout cannot be drawn
   */
  public byte[] write(CertificateLayout layout, Certificate certificate) throws IOException {
    TrueTypeFont ttf = parsedFont.get();
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle(layout.width(), layout.height()));
      doc.addPage(page);
      PDType0Font type0 = PDType0Font.load(doc, ttf, true);
      PDImageXObject art = art(doc, certificate.art());
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        new Marks(content, type0, layout.height(), art).draw(layout.marks(), certificate.url());
      }
      if (!certificate.art().opaque()) {
        // The art's transparency is blended in sRGB, as the output intent says.
        COSDictionary group = new COSDictionary();
        group.setItem(COSName.TYPE, COSName.GROUP);
        group.setItem(COSName.S, COSName.TRANSPARENCY);
        group.setItem(COSName.CS, COSName.DEVICERGB);
        page.getCOSObject().setItem(COSName.GROUP, group);
      }
      catalog(doc, certificate);
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** Parsed from memory: five times faster than PDFBox reading a stream. */
  private TrueTypeFont parseFont() {
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(font));
    } catch (IOException e) {
      throw new UncheckedIOException("the font read at start cannot be parsed", e);
    }
  }

  private static PDImageXObject art(PDDocument doc, CertificateArt art) throws IOException {
    PDImageXObject image =
        new PDImageXObject(
            doc,
            new ByteArrayInputStream(art.rgb()),
            COSName.FLATE_DECODE,
            art.width(),
            art.height(),
            8,
            PDDeviceRGB.INSTANCE);
    if (!art.opaque()) {
      PDImageXObject mask =
          new PDImageXObject(
              doc,
              new ByteArrayInputStream(art.alpha()),
              COSName.FLATE_DECODE,
              art.width(),
              art.height(),
              8,
              PDDeviceGray.INSTANCE);
      image.getCOSObject().setItem(COSName.SMASK, mask);
    }
    return image;
  }

  /** The document's metadata, output intent, language, ID and associated file. */
  private void catalog(PDDocument doc, Certificate certificate) throws IOException {
    PDDocumentCatalog catalog = doc.getDocumentCatalog();
    Calendar created = calendar(certificate.created());
    Calendar modified = calendar(certificate.modified());

    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(certificate.title());
    info.setAuthor(certificate.author());
    info.setCreator(PRODUCER);
    info.setProducer(PRODUCER);
    info.setCreationDate(created);
    info.setModificationDate(modified);
    PDMetadata metadata = new PDMetadata(doc);
    metadata.importXMPMetadata(xmp(certificate, created, modified));
    catalog.setMetadata(metadata);
    catalog.setLanguage(certificate.language());
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    catalog.setViewerPreferences(preferences);

    PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb));
    intent.setInfo(SRGB);
    intent.setOutputCondition(SRGB);
    intent.setOutputConditionIdentifier(SRGB);
    intent.setRegistryName("http://www.color.org");
    catalog.addOutputIntent(intent);

    Certificate.Attachment attachment = certificate.attachment();
    PDEmbeddedFile file =
        new PDEmbeddedFile(doc, new ByteArrayInputStream(attachment.bytes()), COSName.FLATE_DECODE);
    file.setSubtype(attachment.mediaType());
    file.setSize(attachment.bytes().length);
    file.setCreationDate(created);
    file.setModDate(modified);
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(attachment.name());
    spec.setFileUnicode(attachment.name());
    spec.setEmbeddedFile(file);
    spec.setEmbeddedFileUnicode(file);
    spec.setFileDescription(attachment.description());
    // PDF/A-3: how the file relates to the document; the credential is what the page shows.
    spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Source");
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(Map.of(attachment.name(), spec));
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
    names.setEmbeddedFiles(tree);
    catalog.setNames(names);
    COSArray associated = new COSArray();
    associated.add(spec);
    catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);

    // A document ID made of what the document holds, not of the time it was written.
    MessageDigest digest = Sha256.newDigest();
    digest.update(certificate.url().getBytes(StandardCharsets.UTF_8));
    digest.update(certificate.modified().toString().getBytes(StandardCharsets.UTF_8));
    digest.update(attachment.bytes());
    byte[] id = Arrays.copyOf(digest.digest(), 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    doc.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  private byte[] xmp(Certificate certificate, Calendar created, Calendar modified)
      throws IOException {
    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setTitle(certificate.title());
    dc.addCreator(certificate.author());
    dc.setFormat("application/pdf");
    dc.addLanguage(certificate.language());
    XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
    basic.setCreateDate(created);
    basic.setModifyDate(modified);
    basic.setMetadataDate(modified);
    basic.setCreatorTool(PRODUCER);
    AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
    pdf.setProducer(PRODUCER);
    PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
    pdfa.setPart(3);
    try {
      pdfa.setConformance("U");
    } catch (BadFieldValueException e) {
      throw new IllegalStateException(e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      xmpWriter.get().serialize(xmp, out, true);
    } catch (TransformerException e) {
      throw new IOException("the XMP metadata cannot be written", e);
    }
    return out.toByteArray();
  }

  /** A calendar at the instant and in the offset the award record gave, English digits. */
  private static Calendar calendar(java.time.OffsetDateTime time) {
    GregorianCalendar calendar =
        new GregorianCalendar(TimeZone.getTimeZone(time.getOffset()), Locale.ROOT);
    calendar.setTimeInMillis(time.toInstant().toEpochMilli());
    return calendar;
  }
}
