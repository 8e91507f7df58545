package dev.badgesmith.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The manifest's bytes as they are gathered: its own, ranges of the published manifest, or text
 * made only as it is written out.
 */
final class ManifestPieces {
  /** Text made as it is written, too long to hold whole: a large site's list of files. */
  interface Later {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * A range of bytes of its own, text made {@code later}, or (when both are null) a range of the
   * published manifest.
   */
  private record Piece(byte[] own, int from, int length, Later later) {}

  private final List<Piece> pieces = new ArrayList<>();
  private long length;
  private boolean lengthKnown = true;

  void add(byte[] bytes) {
    add(bytes, 0, bytes.length);
  }

  void add(byte[] bytes, int from, int rangeLength) {
    pieces.add(new Piece(bytes, from, rangeLength, null));
    length += rangeLength;
  }

  void addEarlier(int from, int rangeLength) {
    pieces.add(new Piece(null, from, rangeLength, null));
    length += rangeLength;
  }

  /** Adds text made only when the pieces are written; their length is then known only so. */
  void addLater(Later later) {
    pieces.add(new Piece(null, 0, 0, later));
    lengthKnown = false;
  }

  int length() {
    if (!lengthKnown) {
      throw new IllegalStateException("the length of text made later is not known");
    }
    return Math.toIntExact(length);
  }

  /** Writes the pieces in order, the text made later as it is made. */
  void writeTo(OutputStream out, Optional<ByteBuffer> earlier) throws IOException {
    byte[] buffer = new byte[1 << 16];
    for (Piece piece : pieces) {
      if (piece.own() != null) {
        out.write(piece.own(), piece.from(), piece.length());
      } else if (piece.later() != null) {
        piece.later().writeTo(out);
      } else {
        ByteBuffer range = earlier.orElseThrow().duplicate();
        range.position(piece.from());
        for (int left = piece.length(); left > 0; ) {
          int part = Math.min(left, buffer.length);
          range.get(buffer, 0, part);
          out.write(buffer, 0, part);
          left -= part;
        }
      }
    }
  }

  int mark() {
    return pieces.size();
  }

  /** Drops the pieces added since the mark. */
  void reset(int mark) {
    List<Piece> dropped = pieces.subList(mark, pieces.size());
    dropped.forEach(p -> length -= p.length());
    dropped.clear();
  }

  byte[] join(Optional<ByteBuffer> earlier) {
    length(); // no text made later
    byte[] all = new byte[length()];
    int at = 0;
    for (Piece piece : pieces) {
      if (piece.own() != null) {
        System.arraycopy(piece.own(), piece.from(), all, at, piece.length());
      } else {
        earlier.orElseThrow().get(piece.from(), all, at, piece.length());
      }
      at += piece.length();
    }
    return all;
  }
}
