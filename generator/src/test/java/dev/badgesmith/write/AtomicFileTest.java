package dev.badgesmith.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @Test
  void replacesAFileWholeAndMakesItsFolder(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("a/b/state");
    AtomicFile.write(file, new byte[] {1, 2});
    AtomicFile.write(file, new byte[] {3});

    assertThat(file).hasBinaryContent(new byte[] {3});
    assertThat(file.getParent()).isDirectoryNotContaining(p -> !p.equals(file));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryOne(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("state");
    Files.write(file, new byte[] {1});

    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    file,
                    out -> {
                      out.write(new byte[] {9, 9});
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");

    assertThat(file).hasBinaryContent(new byte[] {1});
    assertThat(tmp).isDirectoryNotContaining(p -> !p.equals(file));
  }
}
