package dev.badgesmith.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editor schemas of {@code badgesmith/schemas/}, applied by an independent validator (networknt
 * json-schema-validator, draft-07) to a site's files as an editor would see them: YAML read by
 * Jackson, the front matter of a Markdown file on its own.
 */
public final class SiteSchemas {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
  private static final Pattern MODELINE =
      Pattern.compile("(?m)^# yaml-language-server: \\$schema=(\\S+)$");

  private SiteSchemas() {}

  /** A schema of the generator's resources, such as {@code award.schema.json}. */
  public static JsonNode schemaDocument(String name) {
    try (InputStream in = SiteSchemas.class.getResourceAsStream("/badgesmith/schemas/" + name)) {
      if (in == null) {
        throw new AssertionError("no schema " + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Which schema a site file is written to, by its path; empty for files that have none. */
  public static Optional<String> schemaFor(String path) {
    if (path.equals("site.yaml")) {
      return Optional.of("site.schema.json");
    }
    if (path.matches("issuers/[^/.]+\\.(yaml|yml|md)")) {
      return Optional.of("issuer.schema.json");
    }
    if (path.matches("badges/[^/.]+\\.md")) {
      return Optional.of("badge.schema.json");
    }
    if (path.matches("endorsements/[^/]+\\.(yaml|yml)")) {
      return Optional.of("endorsement.schema.json");
    }
    if (path.matches("awards/[^/]+/[^/.]+\\.(yaml|yml)")) {
      return Optional.of("award.schema.json");
    }
    return Optional.empty();
  }

  /** The problems the schema finds in one file of a site; empty when it validates. */
  public static List<String> validate(Path site, String path) {
    String schema = schemaFor(path).orElseThrow(() -> new AssertionError("no schema for " + path));
    JsonSchema validator =
        SCHEMAS.computeIfAbsent(
            schema,
            s ->
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(schemaDocument(s)));
    return validator.validate(data(site.resolve(path))).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .toList();
  }

  /** The schema a file's {@code # yaml-language-server: $schema=} modeline names, if any. */
  public static Optional<String> modeline(Path file) {
    Matcher m = MODELINE.matcher(text(file));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** A YAML file, or a Markdown file's front matter, as data. */
  static JsonNode data(Path file) {
    String text = text(file);
    if (file.getFileName().toString().endsWith(".md")) {
      String[] parts = text.split("(?m)^---\\s*$", 3);
      if (parts.length < 3 || !parts[0].isBlank()) {
        throw new AssertionError(file + " has no front matter");
      }
      text = parts[1];
    }
    try {
      JsonNode node = YAML.readTree(text);
      return node == null ? JSON.nullNode() : node;
    } catch (IOException e) {
      throw new AssertionError(file + " is not YAML: " + e.getMessage(), e);
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
