package dev.badgesmith.framework;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.badgesmith.diag.SourcePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value read from a streaming parser with the position of each value, for the parts of a
 * CASE package that are kept; Jackson's trees forget positions.
 *
 * @param value a {@code String}, {@code Number}, {@code Boolean}, {@code null}, a {@code Map} of
 *     field names to {@code JsonTree}s, or a {@code List} of them
 */
record JsonTree(Object value, SourcePosition at) {

  /** The value the parser stands on (its current token), and all that it holds. */
  static JsonTree read(JsonParser parser, String path) throws IOException {
    SourcePosition at = position(parser, path);
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        Map<String, JsonTree> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          fields.put(name, read(parser, path));
        }
        return new JsonTree(fields, at);
      case START_ARRAY:
        List<JsonTree> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(parser, path));
        }
        return new JsonTree(items, at);
      case VALUE_STRING:
        return new JsonTree(parser.getText(), at);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new JsonTree(parser.getNumberValue(), at);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new JsonTree(parser.getBooleanValue(), at);
      default:
        return new JsonTree(null, at);
    }
  }

  static SourcePosition position(JsonParser parser, String path) {
    var location = parser.currentTokenLocation();
    return new SourcePosition(
        path, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  boolean isObject() {
    return value instanceof Map;
  }

  @SuppressWarnings("unchecked")
  Map<String, JsonTree> fields() {
    return value instanceof Map<?, ?> m ? (Map<String, JsonTree>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  List<JsonTree> items() {
    return value instanceof List<?> l ? (List<JsonTree>) l : List.of();
  }

  /** What kind of JSON value this is, for messages. */
  String kind() {
    if (value == null) {
      return "null";
    } else if (value instanceof Map) {
      return "an object";
    } else if (value instanceof List) {
      return "a list";
    } else if (value instanceof String) {
      return "text";
    } else if (value instanceof Number) {
      return "a number";
    }
    return "true or false";
  }
}
