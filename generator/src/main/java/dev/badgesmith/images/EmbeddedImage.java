package dev.badgesmith.images;

import dev.badgesmith.diag.Code;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * A picture an SVG embeds in an {@code <image>} as a {@code data:} URI: a PNG or a JPEG, base64,
 * whole, and within {@link ImageLimits#MAX_PIXELS}. Batik decodes what it draws whole, so its size
 * is read from its header first. It is published as {@code data:image/png;base64,...} with the
 * base64 on one line, whatever spaces the file had.
 *
 * @param uri the {@code data:} URI to publish, or null when the picture is refused
 * @param pixels its width times height
 * @param problem why it is refused, or null
 */
record EmbeddedImage(String uri, long pixels, ImageProblem problem) {

  static boolean isDataUri(String value) {
    return value.strip().regionMatches(true, 0, "data:", 0, 5);
  }

  static EmbeddedImage read(String value) {
    String uri = value.strip();
    int comma = uri.indexOf(',');
    String header = (comma < 0 ? uri : uri.substring(0, comma)).toLowerCase(Locale.ROOT);
    String[] parts = header.substring(5).split(";");
    String type = parts[0].strip();
    boolean base64 = parts.length > 1 && parts[parts.length - 1].strip().equals("base64");
    if (!type.equals("image/png") && !type.equals("image/jpeg")) {
      return refused(
          ImageProblem.error(
                  Code.IMAGE_UNSAFE,
                  "embeds "
                      + (type.isEmpty() ? "data of no type" : type)
                      + "; an <image> may embed a PNG or a JPEG only")
              .withHint("convert the picture to PNG, or draw it with SVG shapes"));
    }
    if (comma < 0 || !base64) {
      return refused(
          ImageProblem.error(Code.IMAGE_CORRUPT, "embeds a picture that is not base64-encoded")
              .withHint("embed it as data:" + type + ";base64,..."));
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(uri.substring(comma + 1));
    } catch (IllegalArgumentException e) {
      return refused(
          ImageProblem.error(
                  Code.IMAGE_CORRUPT, "embeds a picture whose base64 is invalid: " + e.getMessage())
              .withHint("embed it again from the editor"));
    }
    String canonical = "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    return type.equals("image/png") ? png(bytes, canonical) : jpeg(bytes, canonical);
  }

  private static EmbeddedImage png(byte[] bytes, String canonical) {
    try {
      PngCheck.Ihdr ihdr = PngCheck.check(bytes);
      return new EmbeddedImage(canonical, ihdr.pixels(), null);
    } catch (PngCheck.CorruptPng e) {
      return refused(
          ImageProblem.error(Code.IMAGE_CORRUPT, "embeds a PNG that is corrupt: " + e.getMessage())
              .withHint("embed the picture again from the editor"));
    } catch (PngCheck.TooManyPixels e) {
      return refused(
          ImageInspector.tooManyPixels("embeds a PNG that", e.ihdr().width(), e.ihdr().height()));
    }
  }

  private static EmbeddedImage jpeg(byte[] bytes, String canonical) {
    long[] size = jpegSize(bytes);
    if (size == null) {
      return refused(
          ImageProblem.error(
                  Code.IMAGE_CORRUPT, "embeds a JPEG that is corrupt: it has no frame header")
              .withHint("embed the picture again from the editor"));
    }
    if (size[0] * size[1] > ImageLimits.MAX_PIXELS) {
      return refused(ImageInspector.tooManyPixels("embeds a JPEG that", size[0], size[1]));
    }
    try {
      // Read from memory: ImageIO would otherwise cache the stream in a temporary file.
      if (ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) == null) {
        throw new IOException("no reader knows it");
      }
    } catch (IOException | RuntimeException e) {
      return refused(
          ImageProblem.error(
                  Code.IMAGE_CORRUPT, "embeds a JPEG that cannot be decoded: " + e.getMessage())
              .withHint("embed the picture again from the editor, or as PNG"));
    }
    return new EmbeddedImage(canonical, size[0] * size[1], null);
  }

  /** Width and height from the first start-of-frame segment, or null when there is none. */
  private static long[] jpegSize(byte[] b) {
    if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) {
      return null;
    }
    int at = 2;
    while (at + 4 <= b.length) {
      if ((b[at] & 0xff) != 0xff) {
        return null;
      }
      int marker = b[at + 1] & 0xff;
      if (marker == 0xff) {
        at++;
        continue;
      }
      int length = ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
      boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8;
      if (frame && marker != 0xcc && at + 9 <= b.length) {
        long height = ((b[at + 5] & 0xff) << 8) | (b[at + 6] & 0xff);
        long width = ((b[at + 7] & 0xff) << 8) | (b[at + 8] & 0xff);
        return new long[] {width, height};
      }
      if (marker == 0xd9 || marker == 0xda || length < 2) {
        return null;
      }
      at += 2 + length;
    }
    return null;
  }

  private static EmbeddedImage refused(ImageProblem problem) {
    return new EmbeddedImage(null, 0, problem);
  }
}
