package dev.badgesmith.doctor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a host must send with a published file for verifiers to use it: its media type (by
 * extension) and, for what browser verifiers fetch, {@code Access-Control-Allow-Origin: *}. The
 * doctor holds a deployed site to these rules, and {@code serve} follows them.
 */
public final class Hosting {
  private Hosting() {}

  /** The media types accepted for each extension; the first is the one to send. */
  private static final Map<String, List<String>> TYPES =
      Map.ofEntries(
          Map.entry("json", List.of("application/json", "application/ld+json")),
          Map.entry("png", List.of("image/png")),
          Map.entry("svg", List.of("image/svg+xml")),
          // Compact JWS and VC-JWT: plain text shows in a browser; the JOSE types name them.
          Map.entry("jwt", List.of("text/plain", "application/jwt")),
          Map.entry("jws", List.of("text/plain", "application/jose", "application/jwt")),
          Map.entry("html", List.of("text/html")),
          // The verify page's script and style: browsers refuse them under another type.
          Map.entry("js", List.of("text/javascript", "application/javascript")),
          Map.entry("css", List.of("text/css")));

  /** The value browser verifiers need: any page may read a public badge document. */
  public static final String ANY_ORIGIN = "*";

  /** The media types a host may send for this path; empty when any will do. */
  public static List<String> acceptedTypes(String path) {
    return TYPES.getOrDefault(extension(path), List.of());
  }

  /**
   * Whether browser verifiers fetch this file from other origins: every JSON document, VC-JWT and
   * JWS, and the baked images (a wallet or backpack reads the badge out of them). The site's own
   * verify page fetches nothing: it loads its data as scripts, which need no CORS.
   */
  public static boolean crossOrigin(String path) {
    String extension = extension(path);
    if (extension.equals("json") || extension.equals("jwt") || extension.equals("jws")) {
      return true;
    }
    boolean baked = path.startsWith("assertions/") || path.startsWith("credentials/");
    return baked && (extension.equals("png") || extension.equals("svg"));
  }

  /** The media type of a Content-Type value, lower case, without its parameters. */
  static Optional<String> mediaType(Optional<String> contentType) {
    return contentType
        .map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
        .filter(t -> !t.isEmpty());
  }

  private static String extension(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
