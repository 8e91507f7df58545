package dev.badgesmith.doctor;

import dev.badgesmith.diag.BadgesmithException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A deployed site's address, and the URLs and DID the doctor derives from it. */
final class SiteAddress {
  private SiteAddress() {}

  /** The URL given, as a base URL: http or https, a host, a path ending in a slash. */
  static String baseUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new BadgesmithException("not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http"))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new BadgesmithException(
          "not the address of a site: " + url + " (expected https://host/path/)");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return scheme + "://" + uri.getRawAuthority() + path + (path.endsWith("/") ? "" : "/");
  }

  /** The did:web DID of a site's base URL, as the build names it. */
  static String siteDid(URI base) {
    StringBuilder did = new StringBuilder("did:web:").append(base.getHost());
    if (base.getPort() != -1) {
      did.append("%3A").append(base.getPort());
    }
    for (String segment : base.getRawPath().split("/")) {
      if (!segment.isEmpty()) {
        did.append(':').append(segment);
      }
    }
    return did.toString();
  }

  /** This machine: the only hosts a site may be previewed on over http. */
  static boolean isLocal(String host) {
    return host.equals("127.0.0.1")
        || host.equalsIgnoreCase("localhost")
        || host.equals("[::1]")
        || host.equals("::1");
  }

  /** A manifest path as a URL path: each segment percent-encoded where URLs need it. */
  static String encode(String path) {
    StringBuilder url = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
        url.append(c);
      } else {
        url.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return url.toString();
  }

  /** A URL path as a manifest path; as it is when it is not valid percent-encoding. */
  static String decode(String path) {
    try {
      return new URI("x:/" + path).getPath().substring(1);
    } catch (java.net.URISyntaxException e) {
      return path;
    }
  }
}
