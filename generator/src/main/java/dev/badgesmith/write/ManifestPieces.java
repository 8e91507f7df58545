package dev.badgesmith.write;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The manifest's bytes as they are gathered: its own, or ranges of the published manifest. */
final class ManifestPieces {
  /** A range of bytes of its own, or (when {@code own} is null) of the published manifest. */
  private record Piece(byte[] own, int from, int length) {}

  private final List<Piece> pieces = new ArrayList<>();
  private long length;

  void add(byte[] bytes) {
    add(bytes, 0, bytes.length);
  }

  void add(byte[] bytes, int from, int rangeLength) {
    pieces.add(new Piece(bytes, from, rangeLength));
    length += rangeLength;
  }

  void addEarlier(int from, int rangeLength) {
    pieces.add(new Piece(null, from, rangeLength));
    length += rangeLength;
  }

  int length() {
    return Math.toIntExact(length);
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
