package dev.badgesmith.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingOutputTest {

  /** A published site of three files, listed as its manifest lists them. */
  private static StagingOutput over(Path tmp, List<PublishedFile> published) throws IOException {
    Path site = Files.createDirectories(tmp.resolve("site"));
    for (PublishedFile file : published) {
      Path target = site.resolve(file.path());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.path());
    }
    return new StagingOutput(
        Files.createDirectories(tmp.resolve("staging")),
        Optional.of(site),
        published,
        Optional.of("stamp"),
        -1);
  }

  private static PublishedFile file(String path) {
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    return new PublishedFile(path, dev.badgesmith.hash.Sha256.hex(bytes), bytes.length);
  }

  @Test
  void keptAndNewFilesAreListedInPathOrderWithTheirNewPositions(@TempDir Path tmp)
      throws IOException {
    StagingOutput out =
        over(tmp, List.of(file("a/1.json"), file("a/3.json"), file("b/1.json"), file("c.json")));

    assertThat(out.keep(new int[] {0, 3})).isTrue();
    out.write("a/2.json", new byte[] {2});
    out.write("b/1.json", "b/1.json".getBytes(StandardCharsets.UTF_8)); // the same bytes
    out.write("d.json", new byte[] {4});

    assertThat(out.files())
        .extracting(PublishedFile::path)
        .containsExactly("a/1.json", "a/2.json", "b/1.json", "c.json", "d.json");
    assertThat(out.listedPosition(0)).isEqualTo(0);
    assertThat(out.listedPosition(1)).isEqualTo(-1);
    assertThat(out.listedPosition(2)).isEqualTo(2);
    assertThat(out.listedPosition(3)).isEqualTo(3);
    assertThat(out.listedPosition("d.json")).isEqualTo(4);
    assertThat(out.listedPosition("a/3.json")).isEqualTo(-1);
    assertThat(out.removed()).containsExactly("a/3.json");
    assertThat(out.staged()).containsExactly("a/2.json", "d.json");
    assertThat(out.fileCount()).isEqualTo(5);
    // Where each listed file is in the published list, when listed there just so.
    assertThat(java.util.stream.IntStream.range(0, 5).map(out::earlierPosition))
        .containsExactly(0, -1, 2, 3, -1);
  }

  @Test
  void aFileWrittenWithOtherBytesHasNoEarlierPosition(@TempDir Path tmp) throws IOException {
    StagingOutput out = over(tmp, List.of(file("a.json"), file("b.json")));
    out.write("a.json", new byte[] {1});
    out.write("b.json", "b.json".getBytes(StandardCharsets.UTF_8));

    out.files();

    assertThat(out.earlierPosition(0)).isEqualTo(-1);
    assertThat(out.earlierPosition(1)).isEqualTo(1);
  }

  @Test
  void keepsNothingWhenOnePositionIsNotInThePublishedSite(@TempDir Path tmp) throws IOException {
    StagingOutput out = over(tmp, List.of(file("a.json"), file("b.json")));

    assertThat(out.keep(new int[] {0, 2})).isFalse();
    assertThat(out.keep(new int[] {-1})).isFalse();

    assertThat(out.files()).isEmpty();
    assertThat(out.removed()).containsExactly("a.json", "b.json");
  }

  @Test
  void refusesToKeepAFileThatIsWrittenToo(@TempDir Path tmp) throws IOException {
    StagingOutput out = over(tmp, List.of(file("a.json"), file("b.json")));
    out.write("b.json", new byte[] {1});

    assertThatThrownBy(() -> out.keep(new int[] {1}))
        .hasMessageContaining("two outputs write b.json");
  }

  @Test
  void aManifestEditedOutOfOrderIsSortedAndEachPathListedOnce(@TempDir Path tmp)
      throws IOException {
    StagingOutput out =
        over(tmp, List.of(file("c.json"), file("a.json"), file("c.json"), file("b.json")));

    assertThat(out.keep(new int[] {0, 1, 2})).isTrue();

    assertThat(out.files())
        .extracting(PublishedFile::path)
        .containsExactly("a.json", "b.json", "c.json");
    // Its order is not the manifest's: nothing is copied from it.
    assertThat(java.util.stream.IntStream.range(0, 3).map(out::earlierPosition)).containsOnly(-1);
    assertThat(out.earlierManifest()).isEmpty();
  }

  @Test
  void aFirstBuildKeepsNothing(@TempDir Path tmp) throws IOException {
    StagingOutput out = new StagingOutput(tmp);

    assertThat(out.keep(new int[] {0})).isFalse();
    out.write("b.json", new byte[] {1});
    out.write("a.json", new byte[] {1});

    assertThat(out.files()).extracting(PublishedFile::path).containsExactly("a.json", "b.json");
    assertThat(out.staged()).containsExactly("a.json", "b.json");
  }
}
