package dev.badgesmith.load;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.diag.Spelling;
import dev.badgesmith.load.YamlNode.Entry;
import dev.badgesmith.load.YamlNode.ScalarType;
import dev.badgesmith.load.YamlNode.YamlList;
import dev.badgesmith.load.YamlNode.YamlMap;
import dev.badgesmith.load.YamlNode.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of one YAML mapping strictly: a key that is not allowed, a value of the wrong
 * kind and a missing required field each become a positioned diagnostic, and reading goes on so
 * that one run reports every problem of the file.
 */
final class MapReader {
  private final YamlMap map;
  private final String what;
  private final Diagnostics diagnostics;

  /** Keys offered as "did you mean": their absence is already explained. */
  private final java.util.Set<String> suggested;

  private MapReader(
      YamlMap map, String what, Diagnostics diagnostics, java.util.Set<String> suggested) {
    this.map = map;
    this.what = what;
    this.diagnostics = diagnostics;
    this.suggested = suggested;
  }

  /**
   * Starts reading {@code node} as a mapping that may hold only {@code allowed} keys.
   *
   * @param what how the mapping is named in messages, e.g. "an award" or "an evidence entry"
   * @return empty when the node is not a mapping (reported)
   */
  static Optional<MapReader> of(
      YamlNode node, String what, List<String> allowed, Diagnostics diagnostics) {
    if (!(node instanceof YamlMap map)) {
      diagnostics.add(
          Diagnostic.error(
              Code.WRONG_TYPE,
              node.at(),
              what + " must be a mapping of keys to values, found " + node.kind()));
      return Optional.empty();
    }
    java.util.Set<String> suggested = new java.util.HashSet<>();
    for (Entry entry : map.entries().values()) {
      if (!allowed.contains(entry.key())) {
        Diagnostic unknown =
            Diagnostic.error(Code.UNKNOWN_KEY, entry.keyAt(), "unknown key '" + entry.key() + "'");
        Optional<String> closest = Spelling.closest(entry.key(), allowed);
        closest.ifPresent(suggested::add);
        diagnostics.add(
            closest
                .map(k -> unknown.withHint("did you mean '" + k + "'?"))
                .orElseGet(
                    () -> unknown.withHint(what + " may have: " + String.join(", ", allowed))));
      }
    }
    return Optional.of(new MapReader(map, what, diagnostics, suggested));
  }

  SourcePosition at() {
    return map.at();
  }

  /** The value of a key, absent when the key is missing or has an empty value. */
  Optional<YamlNode> node(String key) {
    Entry entry = map.entries().get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.value() instanceof YamlScalar s && s.type() == ScalarType.NULL) {
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  boolean has(String key) {
    return map.entries().containsKey(key);
  }

  /** Where a key was written, or the mapping's own position when it is missing. */
  SourcePosition keyAt(String key) {
    Entry entry = map.entries().get(key);
    return entry == null ? map.at() : entry.keyAt();
  }

  /** A boolean: {@code true} or {@code false}, unquoted. */
  Optional<Located<Boolean>> bool(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof YamlScalar s && s.type() == ScalarType.BOOLEAN) {
      return Optional.of(
          new Located<>(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)), s.at()));
    }
    diagnostics.add(
        Diagnostic.error(
                Code.WRONG_TYPE,
                node.get().at(),
                "'" + key + "' must be true or false, found " + node.get().kind())
            .withHint("write true or false, without quotes"));
    return Optional.empty();
  }

  Optional<Located<String>> text(String key) {
    return node(key).flatMap(n -> asText(key, n));
  }

  Optional<Located<String>> requiredText(String key) {
    Optional<Located<String>> value = text(key);
    if (value.isEmpty() && node(key).isEmpty()) {
      missing(key);
    }
    return value;
  }

  void missing(String key) {
    Entry entry = map.entries().get(key);
    if (entry == null && suggested.contains(key)) {
      return; // the misspelt key's diagnostic already says "did you mean"
    }
    if (entry == null) {
      diagnostics.add(
          Diagnostic.error(Code.MISSING_FIELD, map.at(), what + " needs '" + key + "'")
              .withHint("add '" + key + ": ...'"));
    } else {
      diagnostics.add(
          Diagnostic.error(Code.MISSING_FIELD, entry.keyAt(), "'" + key + "' has no value"));
    }
  }

  /** A list of texts; a single text is taken as a list of one. */
  List<Located<String>> textList(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) {
      return List.of();
    }
    if (node.get() instanceof YamlScalar) {
      return asText(key, node.get()).map(List::of).orElse(List.of());
    }
    List<Located<String>> texts = new ArrayList<>();
    for (YamlNode item : items(key, node.get())) {
      asText(key, item).ifPresent(texts::add);
    }
    return texts;
  }

  /** A list of mappings, each read strictly. */
  List<MapReader> mapList(String key, String itemWhat, List<String> allowed) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) {
      return List.of();
    }
    List<MapReader> readers = new ArrayList<>();
    for (YamlNode item : items(key, node.get())) {
      of(item, itemWhat, allowed, diagnostics).ifPresent(readers::add);
    }
    return readers;
  }

  Optional<MapReader> map(String key, String itemWhat, List<String> allowed) {
    return node(key).flatMap(n -> of(n, itemWhat, allowed, diagnostics));
  }

  List<YamlNode> items(String key, YamlNode node) {
    if (node instanceof YamlList list) {
      return list.items();
    }
    diagnostics.add(
        Diagnostic.error(
                Code.WRONG_TYPE, node.at(), "'" + key + "' must be a list, found " + node.kind())
            .withHint("write each item on its own line, starting with '- '"));
    return List.of();
  }

  Optional<Located<String>> asText(String key, YamlNode node) {
    if (node instanceof YamlMap languages && Translations.TRANSLATED.contains(key)) {
      diagnostics.add(Translations.languageMap(key, languages));
      return Optional.empty();
    }
    // Numbers are fine as text (a code such as 101); booleans and structures are not.
    if (node instanceof YamlScalar s
        && (s.type() == ScalarType.TEXT || s.type() == ScalarType.NUMBER)) {
      if (s.text().isBlank()) {
        diagnostics.add(Diagnostic.error(Code.MISSING_FIELD, s.at(), "'" + key + "' is empty"));
        return Optional.empty();
      }
      return Optional.of(new Located<>(s.text().strip(), s.at()));
    }
    Diagnostic wrong =
        Diagnostic.error(
            Code.WRONG_TYPE, node.at(), "'" + key + "' must be text, found " + node.kind());
    diagnostics.add(
        node instanceof YamlScalar s && s.type() == ScalarType.BOOLEAN
            ? wrong.withHint("put the value in quotes if it is meant as text")
            : wrong);
    return Optional.empty();
  }
}
