package dev.badgesmith.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.write.PublishedFile;
import dev.badgesmith.write.PublishedManifest;
import dev.badgesmith.write.SiteWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIndexTest {
  private static PublishedFile file(String path, char digest) {
    return new PublishedFile(path, String.valueOf(digest).repeat(64), path.length());
  }

  @Test
  void anIndexWrittenOverAnEarlierOneIsTheIndexWrittenFromNothing(@TempDir Path tmp)
      throws IOException {
    Path earlierFile = tmp.resolve("earlier.files");
    List<PublishedFile> before =
        List.of(file("a", 'a'), file("b", 'b'), file("c", 'c'), file("d", 'd'), file("e", 'e'));
    FileIndex.write(earlierFile, "stamp-1", 120, before, at -> -1, Optional.empty());
    Optional<FileIndex> earlier = FileIndex.read(Optional.of(earlierFile), "stamp-1");
    assertThat(earlier.map(FileIndex::files)).contains(before);
    assertThat(earlier.map(FileIndex::manifestFilesAt)).contains(120);

    // b changed, d went, b2 and f came: a and c copy, then e does.
    List<PublishedFile> after =
        List.of(
            file("a", 'a'),
            file("b", '1'),
            file("b2", '2'),
            file("c", 'c'),
            file("e", 'e'),
            file("f", 'f'));
    int[] earlierPositions = {0, -1, -1, 2, 4, -1};
    Path copied = tmp.resolve("copied.files");
    FileIndex.write(copied, "stamp-2", 130, after, at -> earlierPositions[at], earlier);
    Path fresh = tmp.resolve("fresh.files");
    FileIndex.write(fresh, "stamp-2", 130, after, at -> -1, Optional.empty());

    assertThat(copied).hasSameBinaryContentAs(fresh);
    assertThat(FileIndex.read(Optional.of(copied), "stamp-2").map(FileIndex::files))
        .contains(after);
  }

  @Test
  void anIndexOfAnotherManifestIsNotRead(@TempDir Path tmp) throws IOException {
    Path index = tmp.resolve("site.files");
    FileIndex.write(index, "stamp-1", -1, List.of(file("a", 'a')), at -> -1, Optional.empty());

    assertThat(FileIndex.read(Optional.of(index), "stamp-2")).isEmpty();
    Files.write(index, new byte[] {1, 2, 3});
    assertThat(FileIndex.read(Optional.of(index), "stamp-1")).isEmpty();
  }

  @Test
  void theIndexKeptBeforeTheCommitIsThePublishedManifests(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Path file = tmp.resolve("cache/out.files");
    for (String content : new String[] {"one", "two"}) {
      FileIndex.Kept index = new FileIndex.Kept(Optional.of(file));
      SiteWriter writer = SiteWriter.open(out, index);
      writer.output().write("a/b.txt", content.getBytes(StandardCharsets.UTF_8));
      List<PublishedFile> files = writer.output().files();
      writer
          .output()
          .write(
              SiteWriter.MANIFEST,
              ("{ " + PublishedManifest.MARKER + ", \"files\": [] }\n" + content)
                  .getBytes(StandardCharsets.UTF_8));
      index.keep(writer.manifestStamp(), writer.output());
      writer.commit();

      String published = SiteWriter.stamp(out.resolve(SiteWriter.MANIFEST));
      assertThat(FileIndex.read(Optional.of(file), published).map(FileIndex::files))
          .contains(files);
    }
  }
}
