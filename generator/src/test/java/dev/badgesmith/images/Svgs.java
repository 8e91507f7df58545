package dev.badgesmith.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Small SVG fixtures and PNG helpers for the image tests. */
final class Svgs {
  static final String NS = "xmlns='http://www.w3.org/2000/svg'";

  private Svgs() {}

  /** A square SVG with a body. */
  static byte[] square(String body) {
    return ("<svg " + NS + " viewBox='0 0 100 100'>" + body + "</svg>")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static BufferedImage decode(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new AssertionError("not a PNG ImageIO can read");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int argb(byte[] png, int x, int y) {
    return decode(png).getRGB(x, y);
  }

  /** The chunk types of a PNG, in order. */
  static List<String> chunkTypes(byte[] png) {
    List<String> types = new ArrayList<>();
    int at = 8;
    while (at + 8 <= png.length) {
      int length =
          ((png[at] & 0xff) << 24)
              | ((png[at + 1] & 0xff) << 16)
              | ((png[at + 2] & 0xff) << 8)
              | (png[at + 3] & 0xff);
      types.add(new String(png, at + 4, 4, StandardCharsets.US_ASCII));
      at += 12 + length;
    }
    return types;
  }
}
