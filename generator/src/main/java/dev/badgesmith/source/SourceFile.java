package dev.badgesmith.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file of the badge site.
 *
 * @param path relative to the site root, with forward slashes: how diagnostics name it
 * @param file where it is on disk
 */
public record SourceFile(String path, Path file) {
  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(file, "file");
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

  /** The name of the folder the file is in: for an award, its badge's id. */
  public String folder() {
    String parent = path.substring(0, Math.max(0, path.lastIndexOf('/')));
    return parent.substring(parent.lastIndexOf('/') + 1);
  }
}
