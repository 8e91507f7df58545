package dev.badgesmith.render;

import dev.badgesmith.write.OutputSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A sink that notes the paths one award writes, for the next build to keep. */
final class RecordingSink implements OutputSink {
  private final OutputSink out;
  private final List<String> paths = new ArrayList<>();

  RecordingSink(OutputSink out) {
    this.out = out;
  }

  @Override
  public void write(String path, byte[] content) throws IOException {
    out.write(path, content);
    paths.add(path);
  }

  @Override
  public void write(String path, byte[] content, byte[] sha256) throws IOException {
    out.write(path, content, sha256);
    paths.add(path);
  }

  @Override
  public void copy(String path, Path source) throws IOException {
    out.copy(path, source);
    paths.add(path);
  }

  List<String> paths() {
    return List.copyOf(paths);
  }
}
