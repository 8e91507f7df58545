package dev.badgesmith.source;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.sign.PrivateKeys;
import java.nio.charset.StandardCharsets;

/**
 * Reports a file of the site that holds a private key: a site is public (a repository, a static
 * host), so a private key there is as good as published. Checked on the bytes where a file is read
 * anyway: by the loader for the site's sources, by the scanner for every other file.
 */
public final class PrivateKeyCheck {
  private PrivateKeyCheck() {}

  public static void check(String path, byte[] content, Diagnostics diagnostics) {
    if (PrivateKeys.containsPrivateKey(content)) {
      diagnostics.add(
          Diagnostic.error(
                  Code.PRIVATE_KEY_IN_SITE,
                  new SourcePosition(path, lineOfKey(content), 1),
                  "a private key inside the site folder")
              .withHint(
                  "move it out of the site (to a CI secret, or a file elsewhere: see"
                      + " `badgesmith keygen`), and since it may have been published, make a new"
                      + " key"));
    }
  }

  /** The line a PEM private key begins on, or 1 (a JSON Web Key). */
  private static int lineOfKey(byte[] content) {
    String text = new String(content, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("PRIVATE KEY-----");
    if (at < 0) {
      return 1;
    }
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}
