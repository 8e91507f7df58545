package dev.badgesmith.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An {@link OutputSink} over a staging folder. It keeps every file's digest for the manifest,
 * refuses a path that would leave the folder, and refuses a second write of one path, which would
 * mean two documents claim the same URL.
 */
public final class StagingOutput implements OutputSink {
  private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  private final Path root;
  private final Map<String, PublishedFile> files = new ConcurrentHashMap<>();
  private final Optional<Path> previousRoot;
  private final Map<String, PublishedFile> previous;

  public StagingOutput(Path root) {
    this(root, Optional.empty(), Map.of());
  }

  /**
   * @param previousRoot the site this build replaces, whose files are linked, not written again,
   *     where they are unchanged
   * @param previous that site's files, from its manifest
   */
  StagingOutput(Path root, Optional<Path> previousRoot, Map<String, PublishedFile> previous) {
    this.root = root;
    this.previousRoot = previousRoot;
    this.previous = Map.copyOf(previous);
  }

  @Override
  public void write(String path, byte[] content) throws IOException {
    checkPath(path);
    PublishedFile file = new PublishedFile(path, sha256(content), content.length);
    if (files.putIfAbsent(path, file) != null) {
      throw new IllegalStateException("two outputs write " + path);
    }
    Path target = root.resolve(path);
    Files.createDirectories(target.getParent());
    if (!linkUnchanged(path, file, content, target)) {
      Files.write(target, content);
    }
  }

  /**
   * Links the previous site's copy of a file when it holds exactly these bytes, so a rebuild writes
   * only what changed. The bytes are compared, not only the manifest's digest, so a previous site
   * changed by hand cannot pass a file on.
   */
  private boolean linkUnchanged(String path, PublishedFile file, byte[] content, Path target) {
    PublishedFile before = previous.get(path);
    if (previousRoot.isEmpty() || before == null || !before.sha256().equals(file.sha256())) {
      return false;
    }
    Path old = previousRoot.get().resolve(path);
    try {
      if (Files.size(old) != content.length || !Arrays.equals(Files.readAllBytes(old), content)) {
        return false;
      }
      Files.createLink(target, old);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false; // a file system without hard links: write the file
    }
  }

  @Override
  public void copy(String path, Path source) throws IOException {
    write(path, Files.readAllBytes(source));
  }

  /** Every file written so far, by path. */
  public List<PublishedFile> files() {
    return files.values().stream().sorted(Comparator.comparing(PublishedFile::path)).toList();
  }

  private static void checkPath(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException("not a file path in the site: '" + path + "'");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..") || !SAFE_SEGMENT.matcher(segment).matches()) {
        throw new IllegalArgumentException("not a file path in the site: '" + path + "'");
      }
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
