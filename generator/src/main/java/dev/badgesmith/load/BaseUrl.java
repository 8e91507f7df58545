package dev.badgesmith.load;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of {@code site.yaml}'s {@code baseUrl}. It starts the id of every published document,
 * and a document's id must be the exact URL it is served at, so the base URL is written as
 * verifiers compare it: an {@code https} URL in canonical form (RFC 3986 §6.2.2 and §6.2.3:
 * lower-case scheme and host, no default port {@code :443}, no {@code .} or {@code ..} segments,
 * percent-encodings in upper case and none of a letter, digit or {@code -._~}, non-ASCII text
 * percent-encoded and host names in their ASCII form), with no user name or password, query or
 * fragment. A base URL in another form is refused with its canonical form, not silently changed:
 * {@code site.yaml}, {@code published.lock} and the published site all say the same URL. A final
 * {@code /} may be left out; it is added.
 */
final class BaseUrl {
  private BaseUrl() {}

  /** What is wrong with a base URL, and how to put it right. */
  record Problem(String message, String hint) {}

  /** The problem with a base URL; empty when it is a canonical https URL. */
  static Optional<Problem> problem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of(notHttps(url));
    }
    if (uri.getScheme() == null
        || !uri.getScheme().equalsIgnoreCase("https")
        || uri.isOpaque()
        || uri.getRawAuthority() == null) {
      return Optional.of(notHttps(url));
    }
    if (uri.getRawAuthority().contains("@")) {
      // Not echoed: it may be a real password, and CI logs are often public.
      return Optional.of(
          new Problem(
              "the base URL holds a user name or password, which every published document would"
                  + " show",
              "remove the part up to '@'; if it is a real password, change it: site.yaml is"
                  + " public"));
    }
    if (uri.getRawQuery() != null) {
      return Optional.of(
          new Problem(
              "'" + url + "' has a query: a base URL starts every published URL, so it has none",
              "remove '?" + uri.getRawQuery() + "'"));
    }
    if (uri.getRawFragment() != null) {
      return Optional.of(
          new Problem(
              "'" + url + "' has a fragment: a base URL starts every published URL, so it has none",
              "remove '#" + uri.getRawFragment() + "'"));
    }
    Optional<String> host = host(uri);
    if (host.isEmpty()) {
      return Optional.of(notHttps(url));
    }
    String canonical =
        "https://"
            + host.get()
            + (uri.getPort() == -1 || uri.getPort() == 443 ? "" : ":" + uri.getPort())
            + path(uri.getRawPath());
    if (withSlash(canonical).equals(withSlash(url))) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            "'" + url + "' is not written in its canonical form",
            "write "
                + withSlash(canonical)
                + ": the base URL starts every document's id, which verifiers compare with the URL"
                + " they fetched"));
  }

  private static Problem notHttps(String url) {
    return new Problem(
        "'" + url + "' is not an https URL",
        "write the full address, such as https://example.org/badges/");
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  /** The host in lower case and ASCII (an internationalised name as {@code xn--}), no final dot. */
  private static Optional<String> host(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      // java.net.URI takes a host only in ASCII: anything else is a registry-based authority.
      String authority = uri.getAuthority();
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      try {
        host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (host.isEmpty()) {
        return Optional.empty();
      }
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host.isEmpty() ? Optional.empty() : Optional.of(host);
  }

  /** The path without dot segments (RFC 3986 §5.2.4), its percent-encodings normalised. */
  private static String path(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    Deque<String> kept = new ArrayDeque<>();
    String[] segments = rawPath.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals(".") || segment.equals("..")) {
        if (segment.equals("..") && !kept.isEmpty()) {
          kept.removeLast();
        }
        if (last) {
          kept.add(""); // "/a/.." is "/", a folder
        }
      } else {
        kept.add(encoding(segment));
      }
    }
    return "/" + String.join("/", kept);
  }

  /**
   * A path segment with its percent-encodings in upper case, those of unreserved characters
   * decoded, and any other character outside ASCII percent-encoded as UTF-8.
   */
  private static String encoding(String segment) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%'
          && i + 2 < segment.length()
          && hex(segment.charAt(i + 1))
          && hex(segment.charAt(i + 2))) {
        int b = Integer.parseInt(segment.substring(i + 1, i + 3), 16);
        if (unreserved(b)) {
          out.append((char) b);
        } else {
          out.append('%').append(segment.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        }
        i += 2;
      } else if (c < 0x80) {
        out.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < segment.length() ? i + 2 : i + 1;
        for (byte b : segment.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
        }
        i = end - 1;
      }
    }
    return out.toString();
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean unreserved(int b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || b == '-'
        || b == '.'
        || b == '_'
        || b == '~';
  }
}
