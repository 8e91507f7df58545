package dev.badgesmith.load;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.source.PrivateKeyCheck;
import dev.badgesmith.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;

/**
 * The bytes of a site's file, read once: a YAML or Markdown file over {@link #MAX_TEXT_BYTES} is
 * refused before it is parsed, and every file's bytes are checked for a private key where they are
 * read anyway.
 */
final class SourceBytes {
  /**
   * The largest YAML or Markdown file read: 1 MB. A site's files are a few kilobytes (a badge class
   * with a long criteria page, some tens), and the YAML parser takes time that grows with the
   * square of a long value's length (8 MB took 16 to 19 s to refuse), so a larger file is refused
   * before it is parsed. CSV files of awards, read in linear time, have no such limit.
   */
  static final int MAX_TEXT_BYTES = 1024 * 1024;

  private SourceBytes() {}

  /**
   * The file's bytes, checked for a private key; a YAML or Markdown file over {@link
   * #MAX_TEXT_BYTES} is reported and not read further.
   */
  static Optional<byte[]> bytes(SourceFile f, Diagnostics diagnostics, Diagnostics shared) {
    try {
      byte[] bytes;
      if (f.hasExtension("csv")) {
        bytes = Files.readAllBytes(f.file());
      } else {
        try (InputStream in = Files.newInputStream(f.file())) {
          bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
        }
        if (bytes.length > MAX_TEXT_BYTES) {
          diagnostics.add(
              Diagnostic.error(
                      Code.FILE_TOO_LARGE,
                      SourcePosition.startOf(f.path()),
                      String.format(
                          Locale.ROOT,
                          "the file has %,d bytes: a YAML or Markdown file of a badge site has at"
                              + " most 1 MB (%,d bytes)",
                          Files.size(f.file()),
                          MAX_TEXT_BYTES))
                  .withHint(
                      "check that this is the file you meant: a site's files are a few kilobytes"));
          return Optional.empty();
        }
      }
      PrivateKeyCheck.check(f.path(), bytes, shared);
      return Optional.of(bytes);
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(
              Code.UNREADABLE_FILE,
              SourcePosition.startOf(f.path()),
              "cannot read the file: " + e.getMessage()));
      return Optional.empty();
    }
  }
}
