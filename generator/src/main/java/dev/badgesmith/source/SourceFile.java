package dev.badgesmith.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file of the badge site.
 *
 * @param path relative to the site root, with forward slashes: how diagnostics name it
 * @param file where it is on disk
 * @param stamp what the scan saw of the file without reading it (size, modification time, device
 *     and inode), so a cache can tell it unchanged; empty when unknown
 */
public record SourceFile(String path, Path file, String stamp) {
  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(stamp, "stamp");
  }

  public SourceFile(String path, Path file) {
    this(path, file, "");
  }

  /** The stamp of a file from the attributes a directory walk read. */
  public static String stamp(java.nio.file.attribute.BasicFileAttributes attributes) {
    Object key = attributes.fileKey();
    if (key == null) {
      return ""; // no inode: a file replaced by another could not be told apart
    }
    return attributes.size()
        + ":"
        + attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
        + ":"
        + key;
  }

  /** The modification time in the stamp, in milliseconds; 0 when there is no stamp. */
  public long stampMillis() {
    if (stamp.isEmpty()) {
      return 0;
    }
    int from = stamp.indexOf(':') + 1;
    return Long.parseLong(stamp.substring(from, stamp.indexOf(':', from))) / 1_000_000;
  }

  /** The file name without its extension: the id of an issuer, a badge class or an award. */
  public String id() {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  public String extension() {
    int dot = path.lastIndexOf('.');
    return dot < path.lastIndexOf('/') + 1 ? "" : path.substring(dot + 1);
  }

  /**
   * Whether the file's extension is this one, as {@link #extension()} would say, without cutting it
   * out: asked of every file of a large site.
   */
  public boolean hasExtension(String extension) {
    int dot = path.length() - extension.length() - 1;
    return dot >= 0
        && path.charAt(dot) == '.'
        && path.endsWith(extension)
        && path.indexOf('/', dot) < 0;
  }

  /** The name of the folder the file is in: for an award, its badge's id. */
  public String folder() {
    String parent = path.substring(0, Math.max(0, path.lastIndexOf('/')));
    return parent.substring(parent.lastIndexOf('/') + 1);
  }
}
