package dev.badgesmith.incremental;

import dev.badgesmith.write.AtomicFile;
import dev.badgesmith.write.PublishedFile;
import dev.badgesmith.write.PublishedList;
import dev.badgesmith.write.Runs;
import dev.badgesmith.write.SiteWriter;
import dev.badgesmith.write.StagingOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;

/**
 * The file list of a published manifest, kept outside the output in a form quicker to read than
 * JSON: a large site lists tens of thousands of files, and every rebuild starts from that list. It
 * names the {@linkplain SiteWriter#stamp stamp} of the manifest it mirrors, so a manifest replaced
 * or edited since is read instead, and where the manifest's list of files starts, so the next
 * manifest can copy the lines of files that did not change.
 *
 * <p>Read whole and kept as read: the next index copies the entries of unchanged files from it. One
 * {@link Kept} reads an output folder's index when a build opens the folder and writes the new one
 * once the build is published.
 */
public final class FileIndex {
  private static final String HEADER = "badgesmith-file-index 4";

  private final byte[] bytes;
  private final int[] offsets; // where each entry starts in bytes, and where the last one ends
  private final List<PublishedFile> files;
  private final int manifestFilesAt;

  private FileIndex(byte[] bytes, int[] offsets, List<PublishedFile> files, int manifestFilesAt) {
    this.bytes = bytes;
    this.offsets = offsets;
    this.files = files;
    this.manifestFilesAt = manifestFilesAt;
  }

  /** The files of the manifest, in its order. */
  List<PublishedFile> files() {
    return files;
  }

  /** Where the manifest's first file line starts (its byte offset); -1 when it lists no file. */
  int manifestFilesAt() {
    return manifestFilesAt;
  }

  /** The index of the manifest with this stamp; empty when the index is not its. */
  static Optional<FileIndex> read(Optional<Path> index, String stamp) {
    if (index.isEmpty() || !Files.isRegularFile(index.get())) {
      return Optional.empty();
    }
    try {
      // Read whole and decoded in place: quicker than a stream for tens of thousands of entries.
      ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(index.get()));
      if (!ShortText.read(in).equals(HEADER) || !ShortText.read(in).equals(stamp)) {
        return Optional.empty();
      }
      int filesAt = in.getInt();
      int count = in.getInt();
      byte[] bytes = in.array();
      int[] offsets = new int[count + 1];
      List<PublishedFile> files = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        offsets[i] = in.position();
        String path = ShortText.read(in);
        // Each digest is its 32 bytes, kept in place: most are only ever copied to the next index.
        byte[] sha256 = new byte[32];
        in.get(sha256);
        files.add(PublishedFile.of(path, sha256, in.getLong()));
      }
      offsets[count] = in.position();
      return in.hasRemaining()
          ? Optional.empty()
          : Optional.of(new FileIndex(bytes, offsets, files, filesAt));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // damaged: the manifest is read instead
    }
  }

  /** The file index of one output folder, through one build. */
  public static final class Kept implements PublishedList.Source {
    private final Optional<Path> file;
    private volatile Optional<FileIndex> read = Optional.empty();
    private final AtomicReference<String> failure = new AtomicReference<>();

    /**
     * @param file where the index is kept ({@link CacheLayout#fileIndex}); none keeps nothing
     */
    public Kept(Optional<Path> file) {
      this.file = file;
    }

    @Override
    public Optional<PublishedList> read(String stamp) {
      read = FileIndex.read(file, stamp);
      return read.map(i -> new PublishedList(i.files(), i.manifestFilesAt()));
    }

    /**
     * Keeps what the new manifest lists, under the stamp it has once published; nothing when the
     * index read at the start is the new manifest's already. It may run beside the commit, once the
     * manifest is written: it reads nothing from the staging folder that the commit moves.
     *
     * @param stamp the new manifest's {@link SiteWriter#manifestStamp}, taken before the commit
     */
    public void keep(String stamp, StagingOutput output) {
      Optional<List<PublishedFile>> listed = output.listed();
      if (file.isEmpty() || listed.isEmpty()) {
        return;
      }
      try {
        if (read.isEmpty() || !output.previousManifest().equals(Optional.of(stamp))) {
          write(
              file.get(),
              stamp,
              output.manifestFilesAt(),
              listed.get(),
              output::earlierPosition,
              read);
        }
      } catch (IOException | UncheckedIOException e) {
        // The next build reads the manifest instead: slower, so a warning, not an error.
        failure.compareAndSet(null, file.get() + ": " + e.getMessage());
      }
    }

    /** Why this build could not keep the index, if it could not. */
    public Optional<String> failure() {
      return Optional.ofNullable(failure.get());
    }
  }

  /**
   * Writes the index of a manifest.
   *
   * @param manifestFilesAt where the manifest's first file line starts, or -1
   * @param earlierPosition where each file is in the earlier index's list, or -1 (its entry is then
   *     written anew); unchanged files' entries are copied from the earlier index
   */
  static void write(
      Path index,
      String stamp,
      int manifestFilesAt,
      List<PublishedFile> files,
      IntUnaryOperator earlierPosition,
      Optional<FileIndex> earlier)
      throws IOException {
    AtomicFile.write(
        index,
        raw -> {
          DataOutputStream out = new DataOutputStream(raw);
          ShortText.write(out, HEADER, "index");
          ShortText.write(out, stamp, "index");
          out.writeInt(manifestFilesAt);
          out.writeInt(files.size());
          Runs.walk(
              files.size(),
              earlier.isPresent() ? earlierPosition : at -> -1,
              new Runs.Visitor() {
                @Override
                public void copy(int at, int earlierAt, int length) throws IOException {
                  int[] offsets = earlier.get().offsets;
                  int from = offsets[earlierAt];
                  out.write(earlier.get().bytes, from, offsets[earlierAt + length] - from);
                }

                @Override
                public void encode(int at) throws IOException {
                  PublishedFile f = files.get(at);
                  byte[] sha256 = f.sha256Bytes();
                  if (sha256 == null) {
                    throw new IOException("not a SHA-256: " + f.sha256());
                  }
                  ShortText.write(out, f.path(), "index");
                  out.write(sha256);
                  out.writeLong(f.size());
                }
              });
          out.flush();
        });
  }
}
