package dev.badgesmith.load;

import dev.badgesmith.diag.SourcePosition;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A YAML value with the position it was written at, so every later check can point at it. */
public sealed interface YamlNode {

  SourcePosition at();

  /** What a user would call this kind of value, for "expected X, found Y" messages. */
  String kind();

  /** A mapping; keys keep their order and their own positions. */
  record YamlMap(Map<String, Entry> entries, SourcePosition at) implements YamlNode {
    public YamlMap {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One key of a mapping: where the key was written, and its value. */
  record Entry(String key, SourcePosition keyAt, YamlNode value) {}

  record YamlList(List<YamlNode> items, SourcePosition at) implements YamlNode {
    public YamlList {
      items = List.copyOf(items);
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar as written. {@code type} says how YAML read it, so that {@code true} or {@code 12} can
   * be told apart from text where the difference matters.
   */
  record YamlScalar(String text, ScalarType type, SourcePosition at) implements YamlNode {
    public YamlScalar {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(at, "at");
      if (type != ScalarType.NULL) {
        Objects.requireNonNull(text, "text");
      }
    }

    @Override
    public String kind() {
      return switch (type) {
        case TEXT -> "text";
        case NUMBER -> "a number";
        case BOOLEAN -> "a boolean";
        case NULL -> "nothing";
      };
    }
  }

  enum ScalarType {
    TEXT,
    NUMBER,
    BOOLEAN,
    NULL
  }
}
