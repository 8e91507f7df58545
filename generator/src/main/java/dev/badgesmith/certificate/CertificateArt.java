package dev.badgesmith.certificate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * A badge's art as a certificate embeds it: its pixels and their transparency, each already
 * compressed as the PDF's FlateDecode streams hold them. Made once per badge class, so an award's
 * certificate only copies bytes.
 */
public final class CertificateArt {
  private final int width;
  private final int height;
  private final byte[] rgb;
  private final byte[] alpha;
  private final boolean opaque;

  private CertificateArt(int width, int height, byte[] rgb, byte[] alpha, boolean opaque) {
    this.width = width;
    this.height = height;
    this.rgb = rgb;
    this.alpha = alpha;
    this.opaque = opaque;
  }

  /**
   * The art of a PNG design.
   *
   * @throws CertificateException if the PNG cannot be decoded
   */
  public static CertificateArt of(byte[] png) {
    BufferedImage image;
    try {
      // In memory: ImageIO's default stream for an InputStream buffers it in a temporary file.
      image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(png)));
    } catch (IOException e) {
      throw new CertificateException("the badge's PNG cannot be decoded: " + e.getMessage(), e);
    }
    if (image == null) {
      throw new CertificateException("the badge's PNG cannot be decoded");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    byte[] rgb = new byte[w * h * 3];
    byte[] alpha = new byte[w * h];
    boolean opaque = true;
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      rgb[3 * i] = (byte) (p >> 16);
      rgb[3 * i + 1] = (byte) (p >> 8);
      rgb[3 * i + 2] = (byte) p;
      alpha[i] = (byte) (p >>> 24);
      opaque &= (p >>> 24) == 0xff;
    }
    return new CertificateArt(w, h, deflate(rgb), deflate(alpha), opaque);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** The pixels, 8-bit RGB, FlateDecode. */
  byte[] rgb() {
    return rgb;
  }

  /** The transparency, 8-bit grey, FlateDecode; unused for an opaque image. */
  byte[] alpha() {
    return alpha;
  }

  boolean opaque() {
    return opaque;
  }

  private static byte[] deflate(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4);
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
      z.write(raw);
    } catch (IOException e) {
      throw new IllegalStateException("deflating into memory failed", e);
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }
}
