package dev.badgesmith.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.jackson.Jackson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The parts of a deployed {@code manifest.json} the doctor needs: the base URL and the files. */
record PublishedManifest(String baseUrl, List<ListedFile> files) {
  /** A file as the build published it. */
  record ListedFile(String path, String sha256, long size) {
    ListedFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  PublishedManifest {
    Objects.requireNonNull(baseUrl, "baseUrl");
    files = List.copyOf(files);
  }

  /** The manifest in these bytes; empty when they are not a manifest Badgesmith wrote. */
  static Optional<PublishedManifest> parse(byte[] bytes) {
    JsonNode root;
    try {
      root = Jackson.json().readTree(bytes);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (root == null
        || !root.path("generator").asText("").equals("Badgesmith")
        || !root.path("baseUrl").isTextual()
        || !root.path("files").isArray()) {
      return Optional.empty();
    }
    List<ListedFile> files = new ArrayList<>();
    for (JsonNode file : root.path("files")) {
      String path = file.path("path").asText("");
      String sha256 = file.path("sha256").asText("");
      // A path that leaves the site, or that is no path, cannot be one the build wrote.
      if (path.isEmpty()
          || path.startsWith("/")
          || path.contains("\\")
          || path.contains("?")
          || path.contains("#")
          || List.of(path.split("/")).contains("..")
          || !sha256.matches("[0-9a-f]{64}")) {
        return Optional.empty();
      }
      files.add(new ListedFile(path, sha256, file.path("size").asLong(-1)));
    }
    return Optional.of(new PublishedManifest(root.path("baseUrl").asText(), files));
  }
}
