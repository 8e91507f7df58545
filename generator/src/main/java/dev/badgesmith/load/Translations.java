package dev.badgesmith.load;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.load.Docs.TranslationDoc;
import dev.badgesmith.load.YamlNode.YamlMap;
import dev.badgesmith.source.SiteSources;
import dev.badgesmith.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads translation files: {@code badges/<id>.<language>.md}, {@code issuers/<id>.<language>.yaml}
 * (or {@code .md}) and {@code awards/<badge>/<award>.<language>.yaml}, each holding only the texts
 * of the file beside it, in one more language. One file per language is what a translator adds in a
 * pull request, as in Hugo and Zola; whether the site lists the language and the file it translates
 * exists is checked with the rest of the site ({@code validate}).
 */
final class Translations {
  private Translations() {}

  /** The keys a badge class's translation may hold (its Markdown body is the criteria). */
  static final List<String> BADGE = List.of("name", "description", "imageAlt");

  static final List<String> ISSUER = List.of("name", "description");
  static final List<String> AWARD = List.of("narrative", "evidence");
  static final List<String> EVIDENCE = List.of("name", "description", "narrative");

  /** The keys whose value is a text in one language: a language map there is refused. */
  static final List<String> TRANSLATED = List.of("name", "description", "imageAlt", "narrative");

  static Optional<TranslationDoc> read(SourceFile f, String text, Diagnostics d) {
    String[] parts = SiteSources.translationOf(f).orElseThrow();
    String kind =
        f.path().startsWith("badges/")
            ? "badge"
            : f.path().startsWith("issuers/") ? "issuer" : "award";
    Located<String> language = new Located<>(parts[1], new SourcePosition(f.path(), 1, 1));
    if (!ValueChecks.language(language, d)) {
      return Optional.empty();
    }
    Map<String, Located<String>> texts = new LinkedHashMap<>();
    Optional<MapReader> read;
    if (f.hasExtension("md")) {
      Optional<FrontMatter> fm = FrontMatter.split(text, f.path(), d);
      if (fm.isEmpty()) {
        return Optional.empty();
      }
      String body = fm.get().body().strip();
      if (!body.isEmpty()) {
        texts.put(
            kind.equals("badge") ? "criteria" : "description",
            new Located<>(body, fm.get().bodyAt(f.path())));
      }
      read =
          YamlReader.read(fm.get().yaml(), f.path(), fm.get().lineOffset(), d)
              .flatMap(n -> reader(n, kind, d));
    } else {
      read = YamlReader.read(text, f.path(), 0, d).flatMap(n -> reader(n, kind, d));
    }
    if (read.isEmpty()) {
      return Optional.empty();
    }
    MapReader r = read.get();
    List<String> keys =
        switch (kind) {
          case "badge" -> BADGE;
          case "issuer" -> ISSUER;
          default -> List.of("narrative");
        };
    for (String key : keys) {
      r.text(key).ifPresent(t -> texts.putIfAbsent(key, t));
    }
    List<Map<String, String>> evidence = new ArrayList<>();
    if (kind.equals("award")) {
      for (MapReader e : r.mapList("evidence", "an evidence entry", EVIDENCE)) {
        Map<String, String> entry = new LinkedHashMap<>();
        for (String key : EVIDENCE) {
          e.text(key).ifPresent(t -> entry.put(key, t.value()));
        }
        evidence.add(entry);
      }
    }
    String target = kind.equals("award") ? f.folder() + "/" + parts[0] : parts[0];
    return Optional.of(new TranslationDoc(f.path(), kind, target, language, texts, evidence));
  }

  /**
   * Reads a translation's mapping: a key of the translated file that is the same in every language
   * (an issuer, a date, a recipient) is refused with its own code, any other unknown key as usual.
   */
  private static Optional<MapReader> reader(YamlNode node, String kind, Diagnostics d) {
    List<String> translatable;
    List<String> original;
    switch (kind) {
      case "badge" -> {
        translatable = BADGE;
        original = SiteKeys.BADGE_KEYS;
      }
      case "issuer" -> {
        translatable = ISSUER;
        original = SiteKeys.ISSUER_KEYS;
      }
      default -> {
        translatable = AWARD;
        original = SiteKeys.AWARD_KEYS;
      }
    }
    if (node instanceof YamlMap map) {
      for (YamlNode.Entry entry : map.entries().values()) {
        if (!translatable.contains(entry.key()) && original.contains(entry.key())) {
          d.add(
              Diagnostic.error(
                      Code.NOT_TRANSLATABLE,
                      entry.keyAt(),
                      "'"
                          + entry.key()
                          + "' is the same in every language: a translation holds"
                          + " only "
                          + String.join(", ", translatable)
                          + (kind.equals("badge") ? " and the criteria" : ""))
                  .withHint("remove it here; it stays in the file this one translates"));
        }
      }
      List<String> allowed = new ArrayList<>(translatable);
      original.stream().filter(k -> !allowed.contains(k)).forEach(allowed::add);
      return MapReader.of(node, "a translation", allowed, d);
    }
    return MapReader.of(node, "a translation", translatable, d);
  }

  /**
   * A language map ({@code name: {en: ..., de: ...}}) where one text belongs: each other language
   * is a translation file, which says where to put it.
   */
  static Diagnostic languageMap(String key, YamlMap languages) {
    String path = languages.at().path();
    String language = languages.entries().keySet().stream().skip(1).findFirst().orElse("de");
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    String example =
        dot > slash
            ? path.substring(0, dot) + "." + language + path.substring(dot)
            : path + "." + language;
    return Diagnostic.error(
            Code.LANGUAGE_MAP,
            languages.at(),
            "'"
                + key
                + "' is one text, in the site's default language: a map of languages is"
                + " not read")
        .withHint(
            "write the default language's text here and each other language's in a translation"
                + " file beside this one, such as "
                + example
                + " with '"
                + key
                + ": ...'");
  }
}
