package dev.badgesmith.pages;

import dev.badgesmith.write.OutputSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** An output sink that keeps every file in memory, sorted by path. */
final class MemorySink implements OutputSink {
  private final Map<String, byte[]> files = new TreeMap<>();

  @Override
  public synchronized void write(String path, byte[] content) throws IOException {
    if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IOException("path leaves the output: " + path);
    }
    if (files.putIfAbsent(path, content.clone()) != null) {
      throw new IOException("written twice: " + path);
    }
  }

  @Override
  public void copy(String path, Path source) throws IOException {
    write(path, Files.readAllBytes(source));
  }

  synchronized Map<String, byte[]> files() {
    return new TreeMap<>(files);
  }

  synchronized String text(String path) {
    byte[] content = files.get(path);
    if (content == null) {
      throw new AssertionError("not written: " + path + "; written: " + files.keySet());
    }
    return new String(content, StandardCharsets.UTF_8);
  }
}
