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

  /** Copies a source file as is. */
  void copy(String path, Path source) throws IOException;
}
