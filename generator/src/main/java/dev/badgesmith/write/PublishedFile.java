package dev.badgesmith.write;

import java.util.Objects;

/** A file written to the site: its path under the output root, SHA-256 (hex) and size. */
public record PublishedFile(String path, String sha256, long size) {
  public PublishedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
  }
}
