package dev.badgesmith.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.jackson.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A JSON document with where each value was written, by JSON Pointer, so that a problem with a
 * field is reported at its line and column. A payload taken out of an image has no positions of its
 * own: its problems are reported at the start of the image.
 *
 * <p>A list of assertions is read one item at a time ({@link #each}): an export of 100,000
 * assertions is never held whole, as text, as a tree or as a table of positions.
 */
final class JsonDocument {
  private static final ObjectMapper JSON = Jackson.json();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
    try (JsonParser parser = JSON.getFactory().createParser(text)) {
      JsonDocument doc = next(parser, source, positioned);
      if (parser.nextToken() != null) {
        throw new JsonProcessingException("text after the JSON value", parser.currentLocation()) {
          private static final long serialVersionUID = 1L;
        };
      }
      return doc;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  /**
   * Each document the JSON in {@code in} holds, in order: the items of a top-level list one at a
   * time (each its own document, positions still those of the whole input), or the one value.
   *
   * @param positioned whether lines and columns in the input mean anything to the user
   * @throws JsonProcessingException when the input is not JSON; the documents before the problem
   *     have been given to {@code each} already
   */
  static void each(InputStream in, String source, boolean positioned, Consumer<JsonDocument> each)
      throws IOException {
    try (JsonParser parser = JSON.getFactory().createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw noValue(parser);
      }
      if (first == JsonToken.START_ARRAY) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          each.accept(value(parser, source, positioned));
        }
      } else {
        each.accept(value(parser, source, positioned));
      }
      if (parser.nextToken() != null) {
        throw new JsonProcessingException("text after the JSON value", parser.currentLocation()) {
          private static final long serialVersionUID = 1L;
        };
      }
    }
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

  private static JsonDocument next(JsonParser parser, String source, boolean positioned)
      throws IOException {
    if (parser.nextToken() == null) {
      throw noValue(parser);
    }
    return value(parser, source, positioned);
  }

  /** The value at the parser's current token, read to its end, with its positions. */
  private static JsonDocument value(JsonParser parser, String source, boolean positioned)
      throws IOException {
    Map<String, SourcePosition> positions = positioned ? new HashMap<>() : null;
    JsonNode root = node(parser, "", source, positions);
    return new JsonDocument(root, source, positioned ? positions : Map.of());
  }

  /**
   * The tree of the value at the current token, recording where each value starts. Jackson's own
   * limit on nesting bounds the recursion.
   */
  private static JsonNode node(
      JsonParser parser, String pointer, String source, Map<String, SourcePosition> positions)
      throws IOException {
    if (positions != null) {
      JsonLocation at = parser.currentTokenLocation();
      positions.put(
          pointer,
          new SourcePosition(source, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())));
    }
    JsonToken t = parser.currentToken();
    if (t == JsonToken.START_OBJECT) {
      ObjectNode object = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        String child = pointer + "/" + field.replace("~", "~0").replace("/", "~1");
        object.set(field, node(parser, child, source, positions));
      }
      return object;
    }
    if (t == JsonToken.START_ARRAY) {
      ArrayNode array = NODES.arrayNode();
      for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
        array.add(node(parser, pointer + "/" + i, source, positions));
      }
      return array;
    }
    JsonNode scalar = JSON.readTree(parser);
    return scalar == null ? NODES.nullNode() : scalar;
  }

  private static JsonProcessingException noValue(JsonParser parser) {
    return new JsonProcessingException("no JSON value", parser.currentLocation()) {
      private static final long serialVersionUID = 1L;
    };
  }
}
