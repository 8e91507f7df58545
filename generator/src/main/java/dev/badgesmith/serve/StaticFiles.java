package dev.badgesmith.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a request path to a file of the built site, refusing every path that would leave it: dot
 * segments, encoded or not, encoded slashes and backslashes, NUL, and links out of the folder.
 */
final class StaticFiles {
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("jsonld", "application/ld+json"),
          Map.entry("xml", "application/xml"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          // Compact JWS and VC-JWT: shown as text, so a browser displays them instead of saving.
          Map.entry("jwt", "text/plain; charset=utf-8"),
          Map.entry("jws", "text/plain; charset=utf-8"),
          Map.entry("pem", "text/plain; charset=utf-8"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("woff", "font/woff"));

  static final String DEFAULT_TYPE = "application/octet-stream";

  private StaticFiles() {}

  /** What a request path names. */
  sealed interface Lookup {}

  /** A regular file inside the site. */
  record Found(Path file) implements Lookup {}

  /** A folder asked for without its slash, or the server root: go there. */
  record Redirect(String location) implements Lookup {}

  record NotFound() implements Lookup {}

  /** A path that tries to leave the site. */
  record Forbidden() implements Lookup {}

  /**
   * Looks a raw (still percent-encoded) request path up in {@code root}, which is served at {@code
   * basePath} (starting and ending in {@code /}).
   */
  static Lookup lookup(Path root, String basePath, String rawPath) {
    if (!rawPath.startsWith(basePath)) {
      boolean towardsSite = rawPath.equals("/") || rawPath.equals(stripSlash(basePath));
      return towardsSite ? new Redirect(basePath) : new NotFound();
    }
    String rest = rawPath.substring(basePath.length());
    List<String> segments = new ArrayList<>();
    String[] raw = rest.split("/", -1);
    for (int i = 0; i < raw.length; i++) {
      String segment = decode(raw[i]);
      if (segment == null
          || segment.equals(".")
          || segment.equals("..")
          || segment.indexOf('/') >= 0
          || segment.indexOf('\\') >= 0
          || segment.indexOf('\0') >= 0
          || segment.indexOf(':') >= 0) {
        return new Forbidden();
      }
      if (segment.isEmpty()) {
        if (i < raw.length - 1) {
          return new NotFound(); // a//b
        }
      } else {
        segments.add(segment);
      }
    }
    try {
      Path realRoot = root.toRealPath();
      Path file = realRoot;
      for (String segment : segments) {
        file = file.resolve(segment);
      }
      if (!file.normalize().startsWith(realRoot)) {
        return new Forbidden();
      }
      if (Files.isDirectory(file)) {
        if (!rest.isEmpty() && !rest.endsWith("/")) {
          return new Redirect(rawPath + "/");
        }
        file = file.resolve("index.html");
      }
      if (!Files.exists(file)) {
        return new NotFound();
      }
      // A link may point anywhere: what counts is where the file really is.
      if (!file.toRealPath().startsWith(realRoot)) {
        return new Forbidden();
      }
      return Files.isRegularFile(file) ? new Found(file) : new NotFound();
    } catch (IOException e) {
      return new NotFound();
    }
  }

  /** The content type of a file, by its extension. */
  static String contentType(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return DEFAULT_TYPE;
    }
    return TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT_TYPE);
  }

  static boolean isHtml(String contentType) {
    return contentType.startsWith("text/html");
  }

  /** Strict percent-decoding as UTF-8; {@code null} for a malformed segment. */
  private static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteBuffer bytes = ByteBuffer.allocate(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          return null;
        }
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.put((byte) (hi * 16 + lo));
        i += 2;
      } else if (c < 0x80) {
        bytes.put((byte) c);
      } else {
        return null; // a raw non-ASCII character cannot be in a request line's URI
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
