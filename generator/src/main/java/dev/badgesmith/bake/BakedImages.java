package dev.badgesmith.bake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Reads the Open Badges payloads baked into a PNG or SVG image, of either version. */
public final class BakedImages {
  /** Guards against a compressed text chunk that inflates without end. */
  static final int MAX_INFLATED = 16 * 1024 * 1024;

  private BakedImages() {}

  /**
   * Every payload in the image, in file order; empty when it carries none.
   *
   * <p>PNG: {@code iTXt} chunks with the keyword {@code openbadges} or {@code openbadgecredential}
   * (compressed or not), and, as older bakers wrote them, {@code zTXt} and {@code tEXt} chunks.
   * SVG: the {@code assertion} and {@code credential} elements in their namespaces, whatever the
   * prefix; whitespace around the element's text is not part of the payload.
   *
   * @throws BakeException when the image is neither a PNG nor an SVG, or is corrupt
   */
  public static List<Baked> extract(byte[] image) {
    Objects.requireNonNull(image, "image");
    if (PngChunks.isPng(image)) {
      return fromPng(image);
    }
    if (SvgDocument.looksLikeXml(image)) {
      return SvgDocument.parse(image).elements.stream().map(SvgDocument.Element::baked).toList();
    }
    throw new BakeException("neither a PNG nor an SVG file");
  }

  private static List<Baked> fromPng(byte[] png) {
    List<Baked> found = new ArrayList<>();
    for (PngChunks.Chunk chunk : PngChunks.read(png)) {
      if (!PngChunks.isText(chunk)) {
        continue;
      }
      for (BadgeVersion version : BadgeVersion.values()) {
        byte[] keyword = version.pngKeyword().getBytes(StandardCharsets.ISO_8859_1);
        if (PngChunks.hasKeyword(png, chunk, keyword)) {
          String text = text(png, chunk, keyword.length + 1);
          found.add(
              new Baked(
                  version,
                  "png",
                  chunk.name() + " \"" + version.pngKeyword() + "\"",
                  text,
                  Optional.empty()));
        }
      }
    }
    return List.copyOf(found);
  }

  /** The text of a tEXt, zTXt or iTXt chunk, whose data continues at {@code from}. */
  private static String text(byte[] png, PngChunks.Chunk chunk, int from) {
    int start = chunk.dataOffset() + from;
    int end = chunk.dataOffset() + chunk.length();
    if (chunk.type() == PngChunks.TEXT) {
      return new String(png, start, end - start, StandardCharsets.ISO_8859_1);
    }
    if (chunk.type() == PngChunks.ZTXT) {
      if (start >= end || png[start] != 0) {
        throw malformed(chunk);
      }
      return new String(inflate(png, start + 1, end, chunk), StandardCharsets.ISO_8859_1);
    }
    // iTXt: compression flag, method, language tag and null, translated keyword and null.
    if (end - start < 4) {
      throw malformed(chunk);
    }
    boolean compressed = png[start] == 1;
    if (png[start] > 1 || png[start + 1] != 0) {
      throw malformed(chunk);
    }
    int at = skipPastNull(png, start + 2, end, chunk);
    at = skipPastNull(png, at, end, chunk);
    if (compressed) {
      return new String(inflate(png, at, end, chunk), StandardCharsets.UTF_8);
    }
    return new String(png, at, end - at, StandardCharsets.UTF_8);
  }

  private static int skipPastNull(byte[] png, int from, int end, PngChunks.Chunk chunk) {
    for (int i = from; i < end; i++) {
      if (png[i] == 0) {
        return i + 1;
      }
    }
    throw malformed(chunk);
  }

  private static byte[] inflate(byte[] png, int from, int end, PngChunks.Chunk chunk) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(png, from, end - from);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new BakeException(
              chunk.name() + " chunk at byte " + chunk.offset() + " has truncated compressed text");
        }
        out.write(buffer, 0, n);
        if (out.size() > MAX_INFLATED) {
          throw new BakeException(
              chunk.name()
                  + " chunk at byte "
                  + chunk.offset()
                  + " inflates to more than "
                  + MAX_INFLATED / (1024 * 1024)
                  + " MiB");
        }
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new BakeException(
          chunk.name() + " chunk at byte " + chunk.offset() + " has corrupt compressed text", e);
    } finally {
      inflater.end();
    }
  }

  private static BakeException malformed(PngChunks.Chunk chunk) {
    return new BakeException(chunk.name() + " chunk at byte " + chunk.offset() + " is malformed");
  }
}
