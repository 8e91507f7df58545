package dev.badgesmith.source;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.sign.PrivateKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reports a file of the site that holds a private key: a site is public (a repository, a static
 * host), so a private key there is as good as published. Checked on the bytes where a file is read
 * anyway: by the loader for the site's sources, by the scanner for every other file.
 */
public final class PrivateKeyCheck {
  private PrivateKeyCheck() {}

  /** Whole files up to this size are read at once; a larger one is read a window at a time. */
  static final int WINDOW = 1 << 20;

  /** Overlap of two windows: longer than any key's PEM header line, so none falls between. */
  private static final int OVERLAP = 1 << 10;

  public static void check(String path, byte[] content, Diagnostics diagnostics) {
    if (PrivateKeys.containsPrivateKey(content)) {
      report(path, lineOfKey(content), diagnostics);
    }
  }

  /**
   * Checks a file of any size without holding it whole: a file up to {@value #WINDOW} bytes as
   * {@link #check(String, byte[], Diagnostics)} does, a larger one (a video, an archive) window by
   * window for a PEM private key. Binary keys and JSON Web Keys are small files, read whole.
   */
  public static void check(String path, Path file, long size, Diagnostics diagnostics)
      throws IOException {
    if (size <= WINDOW) {
      check(path, Files.readAllBytes(file), diagnostics);
      return;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] window = new byte[WINDOW + OVERLAP];
      int kept = 0;
      int lines = 0; // line ends before the window
      while (true) {
        int read = in.readNBytes(window, kept, WINDOW);
        int length = kept + read;
        if (length == kept && kept > 0) {
          return;
        }
        byte[] text = Arrays.copyOf(window, length);
        if (PrivateKeys.containsPrivateKey(text)) {
          report(path, lines + lineOfKey(text), diagnostics);
          return;
        }
        if (read < WINDOW) {
          return;
        }
        kept = Math.min(OVERLAP, length);
        for (int i = 0; i < length - kept; i++) {
          lines += window[i] == '\n' ? 1 : 0;
        }
        System.arraycopy(window, length - kept, window, 0, kept);
      }
    }
  }

  private static void report(String path, int line, Diagnostics diagnostics) {
    diagnostics.add(
        Diagnostic.error(
                Code.PRIVATE_KEY_IN_SITE,
                new SourcePosition(path, line, 1),
                "a private key inside the site folder")
            .withHint(
                "move it out of the site (to a CI secret, or a file elsewhere: see"
                    + " `badgesmith keygen`), and since it may have been published, make a new"
                    + " key"));
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
