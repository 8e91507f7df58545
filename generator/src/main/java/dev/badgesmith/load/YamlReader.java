package dev.badgesmith.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.jackson.Jackson;
import dev.badgesmith.load.YamlNode.Entry;
import dev.badgesmith.load.YamlNode.ScalarType;
import dev.badgesmith.load.YamlNode.YamlList;
import dev.badgesmith.load.YamlNode.YamlMap;
import dev.badgesmith.load.YamlNode.YamlScalar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML into {@link YamlNode}s that remember where each key and value was written. Jackson's
 * streaming parser gives 1-based positions; a line offset places front matter in its file.
 * Duplicate keys are reported here, with both positions, instead of silently keeping the last.
 */
public final class YamlReader {
  private static final YAMLFactory FACTORY = Jackson.yamlFactory();
  private static final Pattern SNAKE_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

  /** The name of the setting in Jackson's message about a limit, which means nothing to a user. */
  private static final Pattern LIMIT_SOURCE = Pattern.compile(", from `[^`]*`");

  private YamlReader() {}

  /**
   * Parses one YAML document.
   *
   * @param path the file, relative to the site root, for diagnostics
   * @param lineOffset how many lines of the file come before the YAML text
   * @return the root node, or empty when the text is not well-formed (reported)
   */
  public static Optional<YamlNode> read(
      String text, String path, int lineOffset, Diagnostics diagnostics) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      Builder builder = new Builder(parser, path, lineOffset, diagnostics);
      try {
        JsonToken first = parser.nextToken();
        if (first == null) {
          return Optional.of(
              new YamlScalar(null, ScalarType.NULL, new SourcePosition(path, lineOffset + 1, 1)));
        }
        YamlNode root = builder.value(first);
        if (parser.nextToken() != null) {
          diagnostics.add(
              Diagnostic.error(
                      Code.MALFORMED_YAML,
                      builder.position(parser.currentTokenLocation()),
                      "more than one YAML document in this file")
                  .withHint("remove the second '---' separator"));
          return Optional.empty();
        }
        return Optional.of(root);
      } catch (AliasFound e) {
        return Optional.empty(); // reported where found
      } catch (StreamConstraintsException e) {
        // A limit of Jackson's (the nesting depth, 1000): the exception has no location, but the
        // parser stands where the limit was hit.
        diagnostics.add(
            Diagnostic.error(
                    Code.MALFORMED_YAML,
                    builder.position(parser.currentTokenLocation()),
                    "malformed YAML: "
                        + LIMIT_SOURCE.matcher(e.getOriginalMessage()).replaceAll(""))
                .withHint(
                    "a badge site's files nest a few levels at most: look for a run of"
                        + " '[' or '{', or indentation gone astray"));
        return Optional.empty();
      }
    } catch (JsonProcessingException e) {
      diagnostics.add(malformed(e, path, lineOffset));
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("reading YAML from a string cannot fail with I/O", e);
    }
  }

  private static Diagnostic malformed(JsonProcessingException e, String path, int lineOffset) {
    // SnakeYAML knows best where the problem is and what it is; Jackson's own text repeats both.
    Throwable cause = e.getCause();
    if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      var mark = marked.getProblemMark();
      String problem = Optional.ofNullable(marked.getProblem()).orElse("malformed YAML");
      String context = Optional.ofNullable(marked.getContext()).map(c -> " (" + c + ")").orElse("");
      return Diagnostic.error(
              Code.MALFORMED_YAML,
              new SourcePosition(path, lineOffset + mark.getLine() + 1, mark.getColumn() + 1),
              "malformed YAML: " + problem + context)
          .withHint("check the indentation and quoting; values with ': ' or '#' need quotes");
    }
    JsonLocation location = e.getLocation();
    int line = location == null ? 1 : Math.max(1, location.getLineNr());
    int column = location == null ? 1 : Math.max(1, location.getColumnNr());
    String message = e.getOriginalMessage();
    Matcher m = SNAKE_POSITION.matcher(message);
    if (location == null && m.find()) {
      line = Integer.parseInt(m.group(1));
      column = Integer.parseInt(m.group(2));
    }
    return Diagnostic.error(
        Code.MALFORMED_YAML,
        new SourcePosition(path, lineOffset + line, column),
        "malformed YAML: " + message.lines().findFirst().orElse(message));
  }

  /** Stops reading a file at its first alias, which is reported. */
  private static final class AliasFound extends RuntimeException {
    AliasFound() {
      super(null, null, false, false);
    }
  }

  private static final class Builder {
    private final JsonParser parser;
    private final String path;
    private final int lineOffset;
    private final Diagnostics diagnostics;

    Builder(JsonParser parser, String path, int lineOffset, Diagnostics diagnostics) {
      this.parser = parser;
      this.path = path;
      this.lineOffset = lineOffset;
      this.diagnostics = diagnostics;
    }

    SourcePosition position(JsonLocation location) {
      return new SourcePosition(
          path,
          lineOffset + Math.max(1, location.getLineNr()),
          Math.max(1, location.getColumnNr()));
    }

    YamlNode value(JsonToken token) throws IOException {
      SourcePosition at = position(parser.currentTokenLocation());
      if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
        // Jackson reads an alias as the text of its name, so '*a' would silently become "a". A
        // site's small files need none: the first one stops the file, so an alias bomb is one
        // error at its first alias.
        diagnostics.add(
            Diagnostic.error(
                    Code.MALFORMED_YAML,
                    at,
                    "a YAML alias ('*" + parser.getText() + "') is not supported")
                .withHint("write the value out in full where the alias stands"));
        throw new AliasFound();
      }
      return switch (token) {
        case START_OBJECT -> map(at);
        case START_ARRAY -> list(at);
        case VALUE_STRING -> new YamlScalar(parser.getText(), ScalarType.TEXT, at);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
            new YamlScalar(parser.getText(), ScalarType.NUMBER, at);
        case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(parser.getText(), ScalarType.BOOLEAN, at);
        case VALUE_NULL -> new YamlScalar(null, ScalarType.NULL, at);
        default -> new YamlScalar(parser.getText(), ScalarType.TEXT, at);
      };
    }

    private YamlMap map(SourcePosition at) throws IOException {
      Map<String, Entry> entries = new LinkedHashMap<>();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        SourcePosition keyAt = position(parser.currentTokenLocation());
        YamlNode value = value(parser.nextToken());
        Entry earlier = entries.get(key);
        if (earlier != null) {
          diagnostics.add(
              Diagnostic.error(Code.DUPLICATE_KEY, keyAt, "duplicate key '" + key + "'")
                  .withHint(
                      "'"
                          + key
                          + "' is already set at line "
                          + earlier.keyAt().line()
                          + "; keep one of them"));
          continue;
        }
        entries.put(key, new Entry(key, keyAt, value));
      }
      if (token != JsonToken.END_OBJECT) {
        throw new IllegalStateException("unexpected token in a YAML mapping: " + token);
      }
      return new YamlMap(entries, at);
    }

    private YamlList list(SourcePosition at) throws IOException {
      List<YamlNode> items = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        items.add(value(token));
      }
      return new YamlList(items, at);
    }
  }
}
