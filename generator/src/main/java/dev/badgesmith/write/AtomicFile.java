package dev.badgesmith.write;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file whole: its new content is written to a temporary file beside it, then moved over
 * it, so a reader sees the old file or the new one, never half of one, and a failure leaves the old
 * one and no temporary file. Caches, the lock and the file index are all written so.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** What a file is to hold, written to the stream given (buffered; closed afterwards). */
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void write(Path file, byte[] bytes) throws IOException {
    write(file, out -> out.write(bytes));
  }

  public static void write(Path file, Content content) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
