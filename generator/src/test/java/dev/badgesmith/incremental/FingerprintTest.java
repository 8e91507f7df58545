package dev.badgesmith.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
  @TempDir Path dir;

  @Test
  void aJarsCentralDirectoryIsFoundFromItsEndRecordEvenBehindAComment() throws IOException {
    Path jar = zip("a.jar", "first", "a comment\u0000with the end signature PK\u0005\u0006 in it");

    byte[] directory = Fingerprint.centralDirectory(jar).orElseThrow();

    // Every entry's header is there, with its name, and nothing else follows it.
    String text = new String(directory, StandardCharsets.ISO_8859_1);
    assertThat(text).startsWith("PK\u0001\u0002").contains("one.class", "two/three.txt");
    try (ZipFile file = new ZipFile(jar.toFile())) {
      assertThat(directory).hasSizeGreaterThan(file.size() * 46);
    }
  }

  @Test
  void anEntryWithOtherBytesGivesAnotherDirectory() throws IOException {
    byte[] first = Fingerprint.centralDirectory(zip("a.jar", "first", null)).orElseThrow();
    byte[] same = Fingerprint.centralDirectory(zip("b.jar", "first", null)).orElseThrow();
    byte[] other = Fingerprint.centralDirectory(zip("c.jar", "second", null)).orElseThrow();

    assertThat(same).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void aDirectorysEntriesAreTheirNamesChecksumsAndSizesAloneWhateverTheirTimes()
      throws IOException {
    byte[] first = entries(zip("a.jar", "first", null));
    Path later = zip("b.jar", "first", null, 1_700_000_000_000L);
    assertThat(Fingerprint.centralDirectory(later).orElseThrow())
        .isNotEqualTo(Fingerprint.centralDirectory(dir.resolve("a.jar")).orElseThrow());

    assertThat(entries(later)).isEqualTo(first);
    assertThat(entries(zip("c.jar", "second", null))).isNotEqualTo(first);
    assertThat(new String(first, StandardCharsets.ISO_8859_1))
        .contains("one.class")
        .contains("two/three.txt");
    assertThat(Fingerprint.entries(new byte[] {1, 2, 3, 4})).isEmpty();
  }

  private static byte[] entries(Path zip) throws IOException {
    return Fingerprint.entries(Fingerprint.centralDirectory(zip).orElseThrow()).orElseThrow();
  }

  @Test
  void aFileThatIsNoZipHasNoDirectory() throws IOException {
    Path file = Files.writeString(dir.resolve("not.jar"), "plain text, no end record");

    assertThat(Fingerprint.centralDirectory(file)).isEmpty();
  }

  @Test
  void theCodesFingerprintIsKeptByTheJarsIdentityAndMadeAgainForAnotherJar() throws IOException {
    Path jar = zip("code.jar", "first", null);
    Path kept = dir.resolve("cache").resolve("code");
    List<Optional<Path>> sources = List.of(Optional.of(jar));
    String made = Fingerprint.keptCode(sources, Optional.empty());

    assertThat(Fingerprint.keptCode(sources, Optional.of(kept))).isEqualTo(made);
    List<Path> files;
    try (var listed = Files.list(kept)) {
      files = listed.toList();
    }
    assertThat(files).hasSize(1);
    assertThat(Files.readString(files.get(0))).isEqualTo(made);

    // What is kept is what the next run reads, without hashing the jar again.
    String other = "0".repeat(64);
    Files.writeString(files.get(0), other);
    assertThat(Fingerprint.keptCode(sources, Optional.of(kept))).isEqualTo(other);

    // Another build of the jar is another identity: its fingerprint is made from its entries.
    Path rebuilt = zip("code.jar", "second", null);
    String remade = Fingerprint.keptCode(List.of(Optional.of(rebuilt)), Optional.of(kept));
    assertThat(remade)
        .isNotEqualTo(made)
        .isNotEqualTo(other)
        .isEqualTo(Fingerprint.keptCode(List.of(Optional.of(rebuilt)), Optional.empty()));
  }

  private Path zip(String name, String content, String comment) throws IOException {
    return zip(name, content, comment, 0);
  }

  private Path zip(String name, String content, String comment, long time) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream stream = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(stream)) {
      if (comment != null) {
        zip.setComment(comment);
      }
      for (String entry : new String[] {"one.class", "two/three.txt"}) {
        ZipEntry zipEntry = new ZipEntry(entry);
        zipEntry.setTime(time);
        zip.putNextEntry(zipEntry);
        zip.write((entry + content).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
