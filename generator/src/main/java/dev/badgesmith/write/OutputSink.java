package dev.badgesmith.write;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where renderers put published files. Paths are relative to the output root, with forward slashes;
 * the sink refuses any path that would leave it. Implementations are thread-safe, so awards can be
 * rendered in parallel.
 */
public interface OutputSink {

  /** Writes one file; a second write of the same path is an error (two outputs collide). */
  void write(String path, byte[] content) throws IOException;

  /**
   * Writes one file whose SHA-256 the caller made already (a baked badge's digest goes on from its
   * design's, hashed once): a sink that keeps digests takes it rather than hashing the bytes again.
   *
   * @param sha256 the SHA-256 of {@code content}, 32 bytes
   */
  default void write(String path, byte[] content, byte[] sha256) throws IOException {
    write(path, content);
  }

  /** Copies a source file as is. */
  void copy(String path, Path source) throws IOException;

  /**
   * Takes a file another build of the same sources published, as its manifest lists it ({@code
   * listed}'s path is the file's in that build's output): a sink that can may link it rather than
   * read it. By default, a {@linkplain #copy copy}.
   */
  default void adopt(String path, Path source, PublishedFile listed) throws IOException {
    copy(path, source);
  }
}
