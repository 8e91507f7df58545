package dev.badgesmith.load;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.source.SourceFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A site's file decoded: strict UTF-8 (a malformed byte is reported), its byte order mark dropped.
 */
final class Utf8Text {
  private Utf8Text() {}

  /** The file's text; it must be UTF-8. */
  static Optional<String> text(SourceFile f, byte[] bytes, Diagnostics diagnostics) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return Optional.of(ByteOrderMark.strip(text));
    } catch (CharacterCodingException e) {
      diagnostics.add(
          Diagnostic.error(
                  Code.UNREADABLE_FILE,
                  SourcePosition.startOf(f.path()),
                  "the file is not UTF-8 text")
              .withHint("save it as UTF-8"));
    }
    return Optional.empty();
  }
}
