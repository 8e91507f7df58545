package dev.badgesmith.framework;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.jackson.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CASE 1.1 {@code CFPackage} JSON file, as CASE servers and OpenSALT export it, into a
 * {@link CasePackage}. Every problem is a diagnostic at its line and column, from the streaming
 * parser's token locations; the package is returned only when there is none.
 *
 * <p>Safely: the file is refused above {@link #MAX_BYTES}, must be UTF-8, and is read by Jackson's
 * streaming parser with its default limits (nesting depth, string and number lengths) and duplicate
 * keys refused. Only {@code CFDocument}, {@code CFItems} and {@code CFAssociations} are kept;
 * {@code CFDefinitions}, {@code CFRubrics} and extensions are skipped without being built.
 */
public final class CasePackageReader {
  /** The largest package read: large state frameworks export a few megabytes. */
  public static final int MAX_BYTES = 32 * 1024 * 1024;

  /** What reading one file gave. */
  public record Result(Optional<CasePackage> framework, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private final String path;
  private final List<Diagnostic> found = new ArrayList<>();

  private CasePackageReader(String path) {
    this.path = path;
  }

  /**
   * Reads a package from a stream, at most {@link #MAX_BYTES} of it.
   *
   * @param path the file, relative to the site root, for diagnostics
   */
  public static Result read(InputStream in, String path) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      return new Result(
          Optional.empty(),
          List.of(
              Diagnostic.error(
                      Code.FILE_TOO_LARGE,
                      SourcePosition.startOf(path),
                      "a CASE package larger than " + MAX_BYTES / (1024 * 1024) + " MiB")
                  .withHint("export the one framework the badges align to, not a whole server")));
    }
    return read(bytes, path);
  }

  /** Reads a package from its bytes. */
  public static Result read(byte[] bytes, String path) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return new Result(
          Optional.empty(),
          List.of(
              Diagnostic.error(
                  Code.MALFORMED_JSON, SourcePosition.startOf(path), "the file is not UTF-8")));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // columns count from the first character after the mark
    }
    CasePackageReader reader = new CasePackageReader(path);
    Optional<CasePackage> framework = reader.parse(text);
    List<Diagnostic> sorted = new ArrayList<>(reader.found);
    sorted.sort(Diagnostic.ORDER);
    boolean failed = sorted.stream().anyMatch(Diagnostic::isError);
    return new Result(failed ? Optional.empty() : framework, sorted);
  }

  private Optional<CasePackage> parse(String text) {
    JsonTree document = null;
    JsonTree items = null;
    JsonTree associations = null;
    try (JsonParser parser = Jackson.jsonFactory().createParser(text)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        found.add(
            Diagnostic.error(
                    Code.WRONG_TYPE,
                    JsonTree.position(parser, path),
                    "a CASE package is a JSON object")
                .withHint(
                    "export the framework as a CFPackage: CFDocument, CFItems, CFAssociations"));
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        switch (name) {
          case "CFDocument" -> document = JsonTree.read(parser, path);
          case "CFItems" -> items = JsonTree.read(parser, path);
          case "CFAssociations" -> associations = JsonTree.read(parser, path);
          default -> parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        found.add(
            Diagnostic.error(
                Code.MALFORMED_JSON,
                JsonTree.position(parser, path),
                "malformed JSON: more after the package's closing '}'"));
        return Optional.empty();
      }
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      SourcePosition at =
          location == null
              ? SourcePosition.startOf(path)
              : new SourcePosition(
                  path, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
      // Jackson names the setting behind a limit, which means nothing to a maintainer.
      String message = e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
      found.add(Diagnostic.error(Code.MALFORMED_JSON, at, "malformed JSON: " + message));
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("reading JSON from a string cannot fail with I/O", e);
    }
    if (document == null) {
      found.add(
          Diagnostic.error(
                  Code.MISSING_FIELD, SourcePosition.startOf(path), "the package has no CFDocument")
              .withHint("a CFPackage holds one CFDocument, the framework itself"));
      return Optional.empty();
    }
    Optional<CaseDocument> doc = document(document);
    List<CaseItem> itemList = items(items);
    List<CaseAssociation> associationList = associations(associations);
    return doc.map(d -> new CasePackage(path, d, itemList, associationList));
  }

  private Optional<CaseDocument> document(JsonTree tree) {
    Fields f = new Fields(tree, "CFDocument");
    Optional<String> identifier = f.required("identifier");
    Optional<String> uri = f.required("uri");
    Optional<String> title = f.required("title");
    Optional<String> creator = f.optional("creator");
    Optional<String> version = f.optional("version");
    if (!f.ok || identifier.isEmpty() || uri.isEmpty() || title.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CaseDocument(identifier.get(), uri.get(), title.get(), creator, version, tree.at()));
  }

  private List<CaseItem> items(JsonTree tree) {
    List<CaseItem> out = new ArrayList<>();
    Map<String, SourcePosition> seen = new HashMap<>();
    for (JsonTree entry : list(tree, "CFItems")) {
      Fields f = new Fields(entry, "CFItem");
      Optional<String> identifier = f.required("identifier");
      Optional<String> uri = f.required("uri");
      Optional<String> statement = f.required("fullStatement");
      Optional<String> abbreviated = f.optional("abbreviatedStatement");
      Optional<String> code = f.optional("humanCodingScheme");
      Optional<String> enumeration = f.optional("listEnumeration");
      Optional<String> type = f.optional("CFItemType");
      if (!f.ok || identifier.isEmpty() || uri.isEmpty() || statement.isEmpty()) {
        continue;
      }
      SourcePosition first = seen.putIfAbsent(identifier.get(), entry.at());
      if (first != null) {
        found.add(
            Diagnostic.error(
                    Code.DUPLICATE_ID,
                    entry.fields().get("identifier").at(),
                    "a second CFItem with the identifier '" + identifier.get() + "'")
                .withHint("the first is at line " + first.line()));
        continue;
      }
      out.add(
          new CaseItem(
              identifier.get(),
              uri.get(),
              statement.get(),
              abbreviated,
              code,
              enumeration,
              type,
              entry.at()));
    }
    return out;
  }

  private List<CaseAssociation> associations(JsonTree tree) {
    List<CaseAssociation> out = new ArrayList<>();
    for (JsonTree entry : list(tree, "CFAssociations")) {
      Fields f = new Fields(entry, "CFAssociation");
      Optional<String> type = f.required("associationType");
      Optional<CaseAssociation.Node> origin = node(f, "originNodeURI");
      Optional<CaseAssociation.Node> destination = node(f, "destinationNodeURI");
      Optional<Integer> sequence = f.integer("sequenceNumber");
      if (f.ok && type.isPresent() && origin.isPresent() && destination.isPresent()) {
        out.add(
            new CaseAssociation(type.get(), origin.get(), destination.get(), sequence, entry.at()));
      }
    }
    return out;
  }

  private Optional<CaseAssociation.Node> node(Fields parent, String name) {
    Optional<JsonTree> tree = parent.object(name);
    if (tree.isEmpty()) {
      return Optional.empty();
    }
    Fields f = new Fields(tree.get(), name);
    Optional<String> identifier = f.required("identifier");
    Optional<String> uri = f.required("uri");
    Optional<String> title = f.optional("title");
    if (!f.ok || identifier.isEmpty() || uri.isEmpty()) {
      parent.ok = false;
      return Optional.empty();
    }
    return Optional.of(new CaseAssociation.Node(identifier.get(), uri.get(), title));
  }

  private List<JsonTree> list(JsonTree tree, String name) {
    if (tree == null) {
      return List.of();
    }
    if (!(tree.value() instanceof List)) {
      found.add(
          Diagnostic.error(
              Code.WRONG_TYPE, tree.at(), name + " is " + tree.kind() + ", not a list"));
      return List.of();
    }
    List<JsonTree> objects = new ArrayList<>();
    for (JsonTree entry : tree.items()) {
      if (entry.isObject()) {
        objects.add(entry);
      } else {
        found.add(
            Diagnostic.error(
                Code.WRONG_TYPE,
                entry.at(),
                "an entry of " + name + " is " + entry.kind() + ", not an object"));
      }
    }
    return objects;
  }

  /** The fields of one object, each problem reported once; {@code ok} false after any. */
  private final class Fields {
    private final JsonTree tree;
    private final String what;
    boolean ok = true;

    Fields(JsonTree tree, String what) {
      this.tree = tree;
      this.what = what;
      if (!tree.isObject()) {
        found.add(
            Diagnostic.error(
                Code.WRONG_TYPE, tree.at(), what + " is " + tree.kind() + ", not an object"));
        ok = false;
      }
    }

    Optional<String> required(String name) {
      JsonTree value = tree.fields().get(name);
      if (value == null || value.value() == null) {
        if (tree.isObject()) {
          found.add(
              Diagnostic.error(Code.MISSING_FIELD, tree.at(), what + " has no '" + name + "'"));
        }
        ok = false;
        return Optional.empty();
      }
      Optional<String> text = text(value, name);
      if (text.isPresent() && text.get().isBlank()) {
        found.add(
            Diagnostic.error(Code.MISSING_FIELD, value.at(), what + "'s '" + name + "' is empty"));
        ok = false;
        return Optional.empty();
      }
      return text;
    }

    Optional<String> optional(String name) {
      JsonTree value = tree.fields().get(name);
      return value == null || value.value() == null
          ? Optional.empty()
          : text(value, name).filter(t -> !t.isBlank());
    }

    Optional<Integer> integer(String name) {
      JsonTree value = tree.fields().get(name);
      if (value == null || value.value() == null) {
        return Optional.empty();
      }
      if (value.value() instanceof Integer i) {
        return Optional.of(i);
      }
      found.add(
          Diagnostic.error(
              Code.WRONG_TYPE,
              value.at(),
              what + "'s '" + name + "' is " + value.kind() + ", not a whole number"));
      ok = false;
      return Optional.empty();
    }

    Optional<JsonTree> object(String name) {
      JsonTree value = tree.fields().get(name);
      if (value == null || value.value() == null) {
        if (tree.isObject()) {
          found.add(
              Diagnostic.error(Code.MISSING_FIELD, tree.at(), what + " has no '" + name + "'"));
        }
        ok = false;
        return Optional.empty();
      }
      if (!value.isObject()) {
        found.add(
            Diagnostic.error(
                Code.WRONG_TYPE,
                value.at(),
                what + "'s '" + name + "' is " + value.kind() + ", not an object"));
        ok = false;
        return Optional.empty();
      }
      return Optional.of(value);
    }

    private Optional<String> text(JsonTree value, String name) {
      if (value.value() instanceof String s) {
        return Optional.of(s);
      }
      found.add(
          Diagnostic.error(
              Code.WRONG_TYPE,
              value.at(),
              what + "'s '" + name + "' is " + value.kind() + ", not text"));
      ok = false;
      return Optional.empty();
    }
  }
}
