package dev.badgesmith.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/** The files a PDF carries: what a certificate holds for verification. */
public final class CertificateFiles {
  /** No credential is this large: a bigger embedded file is not read. */
  private static final int MAX_FILE = 4 * 1024 * 1024;

  private CertificateFiles() {}

  /** A file embedded in a PDF: its name and its bytes. */
  public record Embedded(String name, byte[] bytes) {}

  /** Whether the bytes are a PDF document. */
  public static boolean isPdf(byte[] bytes) {
    return bytes.length > 5
        && bytes[0] == '%'
        && bytes[1] == 'P'
        && bytes[2] == 'D'
        && bytes[3] == 'F'
        && bytes[4] == '-';
  }

  /**
   * The PDF's embedded files: its associated files ({@code /AF}) first, then those of its name
   * tree, each once.
   *
   * @throws CertificateException if the PDF cannot be read
   */
  public static List<Embedded> embedded(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Map<String, PDComplexFileSpecification> specs = new LinkedHashMap<>();
      COSBase af = doc.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.AF);
      if (af instanceof COSArray array) {
        for (int i = 0; i < array.size(); i++) {
          if (array.getObject(i) instanceof COSDictionary d) {
            PDComplexFileSpecification spec = new PDComplexFileSpecification(d);
            specs.putIfAbsent(spec.getFilename(), spec);
          }
        }
      }
      PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
      PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
      if (tree != null && tree.getNames() != null) {
        tree.getNames().forEach(specs::putIfAbsent);
      }
      List<Embedded> files = new ArrayList<>();
      for (Map.Entry<String, PDComplexFileSpecification> spec : specs.entrySet()) {
        PDEmbeddedFile file = spec.getValue().getEmbeddedFileUnicode();
        if (file == null) {
          file = spec.getValue().getEmbeddedFile();
        }
        if (file != null) {
          files.add(new Embedded(String.valueOf(spec.getKey()), read(file)));
        }
      }
      return files;
    } catch (IOException e) {
      throw new CertificateException("not a readable PDF: " + e.getMessage(), e);
    }
  }

  private static byte[] read(PDEmbeddedFile file) throws IOException {
    try (InputStream in = file.createInputStream()) {
      byte[] bytes = in.readNBytes(MAX_FILE + 1);
      if (bytes.length > MAX_FILE) {
        throw new IOException("an embedded file larger than " + MAX_FILE + " bytes");
      }
      return bytes;
    }
  }
}
