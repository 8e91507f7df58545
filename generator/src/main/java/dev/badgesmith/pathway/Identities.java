package dev.badgesmith.pathway;

import dev.badgesmith.hash.IdentityHash;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plain recipient identities in one canonical spelling, so two awards to the same person match
 * however each record wrote the identity. Only spellings that name the same recipient for certain
 * are merged: nothing a verifier could tell apart becomes equal.
 *
 * <ul>
 *   <li>{@code email}: trimmed and lower-cased as a whole. Strictly the local part is
 *       case-sensitive, but the Open Badges 2.0 validator compares hashes of what the earner types,
 *       and Badgesmith hashes e-mail addresses lower-cased for that reason; earners do not own two
 *       addresses differing in case.
 *   <li>{@code url}: RFC 3986's syntax- and scheme-based normalisation (sections 6.2.2 and 6.2.3):
 *       scheme and host lower-cased, the default port and dot segments removed, an empty path
 *       written {@code /}, percent-escapes in upper case and unreserved characters unescaped. A
 *       trailing slash, {@code www.}, or {@code http} versus {@code https} stay as written: those
 *       may be different pages.
 *   <li>{@code id} (a DID, or another URI the Open Badges {@code id} type allows): as written,
 *       trimmed; DID methods define their own equivalence, which a generic rule cannot know.
 *   <li>{@code telephone}: E.164, the form Open Badges 2.0 gives ({@code +} and at most 15 digits):
 *       spaces, dots, hyphens and parentheses are removed. A number without its country code is not
 *       normalised, since its country cannot be guessed.
 * </ul>
 */
public final class Identities {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s.()\\-]");
  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

  private Identities() {}

  /**
   * The canonical spelling of a plain identity, or empty when the identity is not one of its type
   * (an e-mail address without {@code @}, a relative URL, a telephone number without {@code +}).
   *
   * @param type {@code email}, {@code url}, {@code telephone} or {@code id} ({@code did} is read as
   *     {@code id})
   */
  public static Optional<String> normalise(String type, String identity) {
    String trimmed = identity.strip();
    switch (type) {
      case "email":
        int at = trimmed.indexOf('@');
        return at > 0 && at < trimmed.length() - 1 && trimmed.indexOf('@', at + 1) < 0
            ? Optional.of(trimmed.toLowerCase(Locale.ROOT))
            : Optional.empty();
      case "url":
        return url(trimmed);
      case "id":
      case "did":
        return trimmed.isEmpty() || trimmed.chars().anyMatch(Character::isWhitespace)
            ? Optional.empty()
            : Optional.of(trimmed);
      case "telephone":
        String digits = PHONE_PUNCTUATION.matcher(trimmed).replaceAll("");
        return E164.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /**
   * Whether a salted identity hash ({@code sha256$...}) was made from this identity: hashed as
   * written (trimmed) or in its normalised spelling, which is how {@code award} hashes addresses
   * and numbers. This finds the awards of a recipient whose address the maintainer knows, such as
   * those written by {@code award --hash} before keyed earner keys were stored.
   */
  public static boolean hashMatches(String type, String identity, String hash, String salt) {
    if (!hash.toLowerCase(Locale.ROOT).startsWith("sha256$")) {
      return false;
    }
    String written = identity.strip();
    Optional<String> normalised = normalise(canonicalType(type), identity);
    return IdentityHash.hash(written, salt).equalsIgnoreCase(hash)
        || normalised.filter(n -> IdentityHash.hash(n, salt).equalsIgnoreCase(hash)).isPresent();
  }

  /** The Open Badges identity type a type name stands for: {@code did} is {@code id}. */
  public static String canonicalType(String type) {
    return type.equals("did") ? "id" : type;
  }

  private static Optional<String> url(String text) {
    URI uri;
    try {
      uri = new URI(text).normalize();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
      return Optional.empty();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(scheme).append("://");
    if (uri.getHost() == null) {
      out.append(escapes(uri.getRawAuthority()).toLowerCase(Locale.ROOT));
    } else {
      if (uri.getRawUserInfo() != null) {
        out.append(escapes(uri.getRawUserInfo())).append('@');
      }
      out.append(uri.getHost().toLowerCase(Locale.ROOT));
      int port = uri.getPort();
      boolean defaultPort =
          (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
      if (port >= 0 && !defaultPort) {
        out.append(':').append(port);
      }
    }
    String path = uri.getRawPath();
    out.append(path == null || path.isEmpty() ? "/" : escapes(path));
    if (uri.getRawQuery() != null) {
      out.append('?').append(escapes(uri.getRawQuery()));
    }
    if (uri.getRawFragment() != null) {
      out.append('#').append(escapes(uri.getRawFragment()));
    }
    return Optional.of(out.toString());
  }

  /** Percent-escapes in upper case; an escaped unreserved character written as itself. */
  private static String escapes(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        String hex = raw.substring(i + 1, i + 3).toUpperCase(Locale.ROOT);
        char decoded = (char) Integer.parseInt(hex, 16);
        out.append(UNRESERVED.indexOf(decoded) >= 0 ? String.valueOf(decoded) : "%" + hex);
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
