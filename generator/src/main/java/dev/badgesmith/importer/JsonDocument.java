package dev.badgesmith.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.diag.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON document with where each value was written, by JSON Pointer, so that a problem with a
 * field is reported at its line and column. A payload taken out of an image has no positions of its
 * own: its problems are reported at the start of the image.
 */
final class JsonDocument {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode root;
  private final String source;
  private final Map<String, SourcePosition> positions;

  private JsonDocument(JsonNode root, String source, Map<String, SourcePosition> positions) {
    this.root = Objects.requireNonNull(root, "root");
    this.source = source;
    this.positions = positions;
  }

  /**
   * @param source how diagnostics name the input
   * @param positioned whether lines and columns in {@code text} mean anything to the user
   * @throws JsonProcessingException when the text is not JSON
   */
  static JsonDocument parse(String text, String source, boolean positioned)
      throws JsonProcessingException {
    JsonNode root = JSON.readTree(text);
    if (root == null) {
      throw new JsonProcessingException("no JSON value") {
        private static final long serialVersionUID = 1L;
      };
    }
    return new JsonDocument(root, source, positioned ? positions(text, source) : Map.of());
  }

  JsonNode root() {
    return root;
  }

  String source() {
    return source;
  }

  /** Where the value at a pointer was written, or the start of the input. */
  SourcePosition position(String pointer) {
    return positions.getOrDefault(pointer, SourcePosition.startOf(source));
  }

  private static Map<String, SourcePosition> positions(String text, String source) {
    Map<String, SourcePosition> found = new HashMap<>();
    // Each open container's pointer, and for arrays the index of the next item.
    Deque<String> paths = new ArrayDeque<>();
    Deque<int[]> indexes = new ArrayDeque<>();
    try (JsonParser parser = JSON.getFactory().createParser(text)) {
      String field = null;
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          field = parser.currentName();
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          paths.pop();
          indexes.pop();
          continue;
        }
        String pointer;
        if (paths.isEmpty()) {
          pointer = "";
        } else if (indexes.peek()[0] >= 0) {
          pointer = paths.peek() + "/" + indexes.peek()[0]++;
        } else {
          pointer = paths.peek() + "/" + field.replace("~", "~0").replace("/", "~1");
        }
        JsonLocation at = parser.currentTokenLocation();
        found.put(
            pointer,
            new SourcePosition(source, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())));
        if (t == JsonToken.START_OBJECT) {
          paths.push(pointer);
          indexes.push(new int[] {-1});
        } else if (t == JsonToken.START_ARRAY) {
          paths.push(pointer);
          indexes.push(new int[] {0});
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the text parsed once already", e);
    }
    return found;
  }
}
