package dev.badgesmith.write;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file list of a published manifest, kept outside the output in a form quicker to read than
 * JSON: a large site lists tens of thousands of files, and every rebuild starts from that list. It
 * names the {@linkplain SiteWriter#stamp stamp} of the manifest it mirrors, so a manifest replaced
 * or edited since is read instead.
 */
final class FileIndex {
  private static final String HEADER = "badgesmith-file-index 1";

  private FileIndex() {}

  /** The files of the manifest with this stamp, in its order; empty when the index is not its. */
  static Optional<Map<String, PublishedFile>> read(Optional<Path> index, String stamp) {
    if (index.isEmpty() || !Files.isRegularFile(index.get())) {
      return Optional.empty();
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(index.get()), 1 << 16))) {
      if (!in.readUTF().equals(HEADER) || !in.readUTF().equals(stamp)) {
        return Optional.empty();
      }
      int count = in.readInt();
      Map<String, PublishedFile> files = new LinkedHashMap<>(count * 2);
      byte[] sha256 = new byte[64];
      for (int i = 0; i < count; i++) {
        String path = in.readUTF();
        in.readFully(sha256);
        files.put(
            path,
            new PublishedFile(path, new String(sha256, StandardCharsets.US_ASCII), in.readLong()));
      }
      return Optional.of(files);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // damaged: the manifest is read instead
    }
  }

  static void write(Path index, String stamp, List<PublishedFile> files) throws IOException {
    Files.createDirectories(index.getParent());
    Path temp = Files.createTempFile(index.getParent(), ".files", ".tmp");
    try {
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
        out.writeUTF(HEADER);
        out.writeUTF(stamp);
        out.writeInt(files.size());
        for (PublishedFile f : files) {
          byte[] sha256 = f.sha256().getBytes(StandardCharsets.US_ASCII);
          if (sha256.length != 64) {
            throw new IOException("not a SHA-256: " + f.sha256());
          }
          out.writeUTF(f.path());
          out.write(sha256);
          out.writeLong(f.size());
        }
      }
      Files.move(temp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
