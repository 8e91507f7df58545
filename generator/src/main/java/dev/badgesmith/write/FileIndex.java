package dev.badgesmith.write;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The file list of a published manifest, kept outside the output in a form quicker to read than
 * JSON: a large site lists tens of thousands of files, and every rebuild starts from that list. It
 * names the {@linkplain SiteWriter#stamp stamp} of the manifest it mirrors, so a manifest replaced
 * or edited since is read instead.
 */
final class FileIndex {
  private static final String HEADER = "badgesmith-file-index 2";

  private FileIndex() {}

  /** The files of the manifest with this stamp, in its order; empty when the index is not its. */
  static Optional<List<PublishedFile>> read(Optional<Path> index, String stamp) {
    if (index.isEmpty() || !Files.isRegularFile(index.get())) {
      return Optional.empty();
    }
    try {
      // Read whole and decoded in place: quicker than a stream for tens of thousands of entries.
      ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(index.get()));
      if (!text(in).equals(HEADER) || !text(in).equals(stamp)) {
        return Optional.empty();
      }
      int count = in.getInt();
      byte[] bytes = in.array();
      List<PublishedFile> files = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String path = text(in);
        String sha256 = new String(bytes, in.position(), 64, StandardCharsets.US_ASCII);
        in.position(in.position() + 64);
        files.add(new PublishedFile(path, sha256, in.getLong()));
      }
      return in.hasRemaining() ? Optional.empty() : Optional.of(files);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // damaged: the manifest is read instead
    }
  }

  private static String text(ByteBuffer in) {
    int length = Short.toUnsignedInt(in.getShort());
    String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }

  static void write(Path index, String stamp, List<PublishedFile> files) throws IOException {
    AtomicFile.write(
        index,
        raw -> {
          DataOutputStream out = new DataOutputStream(raw);
          text(out, HEADER);
          text(out, stamp);
          out.writeInt(files.size());
          for (PublishedFile f : files) {
            byte[] sha256 = f.sha256().getBytes(StandardCharsets.US_ASCII);
            if (sha256.length != 64) {
              throw new IOException("not a SHA-256: " + f.sha256());
            }
            text(out, f.path());
            out.write(sha256);
            out.writeLong(f.size());
          }
          out.flush();
        });
  }

  private static void text(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0xFFFF) {
      throw new IOException("too long for the index: " + text);
    }
    out.writeShort(bytes.length);
    out.write(bytes);
  }
}
