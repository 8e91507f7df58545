package dev.badgesmith.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code's modules, as ZXing encodes a URL: error correction M, quiet zone of 4 modules. A
 * site's URLs are ASCII (non-ASCII is percent-encoded), so no character set is declared.
 */
final class QrCode {
  private QrCode() {}

  /** The modules, {@code [y][x]}, true where dark; quiet zone included. */
  static boolean[][] modules(String text) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4));
    } catch (WriterException e) {
      throw new CertificateException("the URL cannot be made a QR code: " + e.getMessage(), e);
    }
    boolean[][] modules = new boolean[matrix.getHeight()][matrix.getWidth()];
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        modules[y][x] = matrix.get(x, y);
      }
    }
    return modules;
  }
}
