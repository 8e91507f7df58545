package dev.badgesmith.write;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.badgesmith.jackson.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code manifest.json} as a build wrote it ({@link ManifestDocument}), read back: by the next
 * build, by {@code verify} and {@code serve} for the site's address, by {@code doctor} for what a
 * host must serve. It is read as a stream, since it lists every file of the site; the awards'
 * entries are skipped.
 *
 * @param generator who wrote it: {@code Badgesmith}, or empty
 * @param baseUrl the site's address as written, or empty
 * @param files the files, in the manifest's order
 */
public record PublishedManifest(String generator, String baseUrl, List<PublishedFile> files) {
  /** The {@code generator} of every manifest a build writes. */
  public static final String GENERATOR = "Badgesmith";

  /** How every manifest a build writes begins its first member, so that its head tells it. */
  public static final String MARKER = "\"generator\": \"" + GENERATOR + "\"";

  public PublishedManifest {
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(baseUrl, "baseUrl");
    files = List.copyOf(files);
  }

  /**
   * Whether a file is a manifest a build wrote: the marker comes first in it, so its head is enough
   * to read, however many files it lists.
   */
  public static boolean startsAsOurs(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(256), StandardCharsets.UTF_8).contains(MARKER);
    }
  }

  /** Whether a build of Badgesmith wrote it. */
  public boolean ours() {
    return generator.equals(GENERATOR);
  }

  /** The manifest in these bytes; empty when they are not one. */
  public static Optional<PublishedManifest> parse(byte[] bytes) {
    try (JsonParser json = Jackson.jsonFactory().createParser(bytes)) {
      return parse(json);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The manifest in a file; empty when it is missing or not one. */
  public static Optional<PublishedManifest> read(Path file) {
    try (InputStream in = Files.newInputStream(file);
        JsonParser json = Jackson.jsonFactory().createParser(in)) {
      return parse(json);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<PublishedManifest> parse(JsonParser json) throws IOException {
    if (json.nextToken() != JsonToken.START_OBJECT) {
      return Optional.empty();
    }
    String generator = "";
    String baseUrl = "";
    List<PublishedFile> files = new ArrayList<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "generator" -> generator = value == JsonToken.VALUE_STRING ? json.getText() : "";
        case "baseUrl" -> baseUrl = value == JsonToken.VALUE_STRING ? json.getText() : "";
        case "files" -> {
          if (value != JsonToken.START_ARRAY) {
            return Optional.empty();
          }
          while (json.nextToken() == JsonToken.START_OBJECT) {
            file(json).ifPresent(files::add);
          }
        }
        default -> json.skipChildren();
      }
    }
    return Optional.of(new PublishedManifest(generator, baseUrl, files));
  }

  /** One entry of {@code files}; empty when it lacks a path or a digest. */
  private static Optional<PublishedFile> file(JsonParser json) throws IOException {
    String path = null;
    String sha256 = null;
    long size = -1;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      switch (name) {
        case "path" -> path = value == JsonToken.VALUE_STRING ? json.getText() : null;
        case "sha256" -> sha256 = value == JsonToken.VALUE_STRING ? json.getText() : null;
        case "size" -> size = value == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : -1;
        default -> json.skipChildren();
      }
    }
    return path == null || sha256 == null
        ? Optional.empty()
        : Optional.of(new PublishedFile(path, sha256, size));
  }
}
