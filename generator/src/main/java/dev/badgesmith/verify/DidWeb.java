package dev.badgesmith.verify;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Where a {@code did:web} DID publishes its DID document (did-method-web, "Read"). */
public final class DidWeb {
  private DidWeb() {}

  /** Whether this is a did:web DID or DID URL. */
  public static boolean isDidWeb(String did) {
    return did.startsWith("did:web:");
  }

  /**
   * The URL of the DID document: {@code did:web:host:a:b} is {@code https://host/a/b/did.json},
   * {@code did:web:host} is {@code https://host/.well-known/did.json}; {@code %3A} is a port.
   */
  public static String documentUrl(String did) {
    if (!isDidWeb(did)) {
      throw new IllegalArgumentException("not a did:web DID: " + did);
    }
    String id = withoutFragment(did).substring("did:web:".length());
    String[] parts = id.split(":");
    StringBuilder url =
        new StringBuilder("https://")
            .append(URLDecoder.decode(parts[0], StandardCharsets.UTF_8))
            .append('/');
    if (parts.length == 1) {
      return url.append(".well-known/did.json").toString();
    }
    for (int i = 1; i < parts.length; i++) {
      url.append(parts[i]).append('/');
    }
    return url.append("did.json").toString();
  }

  /** The folder the DID document sits in: the site the DID names. */
  public static String siteUrl(String did) {
    String document = documentUrl(did);
    String folder = document.substring(0, document.lastIndexOf('/') + 1);
    return folder.endsWith("/.well-known/")
        ? folder.substring(0, folder.length() - ".well-known/".length())
        : folder;
  }

  static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }
}
