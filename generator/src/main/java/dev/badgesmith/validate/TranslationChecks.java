package dev.badgesmith.validate;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.load.Docs.BadgeDoc;
import dev.badgesmith.load.Docs.IssuerDoc;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.load.Docs.TranslationDoc;
import dev.badgesmith.load.Located;
import dev.badgesmith.model.Translations;
import dev.badgesmith.model.Translations.AwardText;
import dev.badgesmith.model.Translations.BadgeText;
import dev.badgesmith.model.Translations.IssuerText;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the translation files against the site: each must be of a language the site lists (not its
 * default, which the translated file is written in) and translate a file that exists. A badge class
 * or issuer without a text in one of the site's languages is a warning at the text left
 * untranslated: its pages in that language show the default language's text. An award is issued in
 * one language, so an untranslated award is not one.
 */
final class TranslationChecks {
  private final SiteDoc doc;
  private final Set<String> files;
  private final Diagnostics d;

  /**
   * @param files every translation file of the site, read or not: one that failed to load has its
   *     own diagnostics, and no warning says it is missing
   */
  TranslationChecks(SiteDoc doc, List<String> files, Diagnostics d) {
    this.doc = doc;
    this.files = Set.copyOf(files);
    this.d = d;
  }

  /**
   * @param languages the site's languages, the default first
   * @param awardLanguages the language of every award, by its {@code <badge-id>/<award-id>}
   */
  Translations translations(List<String> languages, Map<String, String> awardLanguages) {
    Map<String, Map<String, BadgeText>> badges = new HashMap<>();
    Map<String, Map<String, IssuerText>> issuers = new HashMap<>();
    Map<String, Map<String, AwardText>> awards = new HashMap<>();
    for (TranslationDoc t : doc.translations()) {
      if (!translatesAFile(t, awardLanguages.keySet()) || !listed(t, languages, awardLanguages)) {
        continue;
      }
      String language = t.language().value();
      Map<String, Located<String>> texts = t.texts();
      switch (t.kind()) {
        case "badge" ->
            badges
                .computeIfAbsent(language, l -> new HashMap<>())
                .put(
                    t.target(),
                    new BadgeText(
                        text(texts, "name"),
                        text(texts, "description"),
                        text(texts, "imageAlt"),
                        text(texts, "criteria")));
        case "issuer" ->
            issuers
                .computeIfAbsent(language, l -> new HashMap<>())
                .put(t.target(), new IssuerText(text(texts, "name"), text(texts, "description")));
        default ->
            awards
                .computeIfAbsent(language, l -> new HashMap<>())
                .put(t.target(), new AwardText(text(texts, "narrative"), t.evidence()));
      }
    }
    Translations translations = new Translations(badges, issuers, awards);
    for (String language : languages.subList(1, languages.size())) {
      for (IssuerDoc issuer : doc.issuers()) {
        IssuerText text = translations.issuers().getOrDefault(language, Map.of()).get(issuer.id());
        missing(
            issuer.texts(),
            text == null
                ? Map.of()
                : Map.of("name", text.name(), "description", text.description()),
            text != null,
            "issuer",
            issuer.path(),
            language);
      }
      for (BadgeDoc badge : doc.badges()) {
        BadgeText text = translations.badges().getOrDefault(language, Map.of()).get(badge.id());
        missing(
            badge.texts(),
            text == null
                ? Map.of()
                : Map.of(
                    "name",
                    text.name(),
                    "description",
                    text.description(),
                    "imageAlt",
                    text.imageAlt(),
                    "criteria",
                    text.criteria()),
            text != null,
            "badge class",
            badge.path(),
            language);
      }
    }
    return translations;
  }

  private static Optional<String> text(Map<String, Located<String>> texts, String key) {
    return Optional.ofNullable(texts.get(key)).map(Located::value);
  }

  private boolean listed(
      TranslationDoc t, List<String> languages, Map<String, String> awardLanguages) {
    String language = t.language().value();
    // What the translated file is written in: an award may be in another of the languages.
    String own = t.kind().equals("award") ? awardLanguages.get(t.target()) : languages.get(0);
    if (languages.contains(language) && !language.equals(own)) {
      return true;
    }
    boolean isDefault = language.equals(own);
    d.add(
        Diagnostic.error(
                Code.TRANSLATION_LANGUAGE,
                t.language().at(),
                isDefault
                    ? "a translation into "
                        + language
                        + ", the language the translated file is written in"
                    : "a translation into " + language + ", which the site does not list")
            .withHint(
                isDefault
                    ? "write these texts in the file itself and remove this one"
                    : "add "
                        + language
                        + " to 'languages' in site.yaml (now "
                        + String.join(", ", languages)
                        + "), or remove this file"));
    return false;
  }

  private boolean translatesAFile(TranslationDoc t, Set<String> awardKeys) {
    List<String> ids =
        switch (t.kind()) {
          case "badge" -> doc.badgeIds();
          case "issuer" -> doc.issuerIds();
          default -> List.copyOf(awardKeys);
        };
    if (ids.contains(t.target())) {
      return true;
    }
    String original =
        switch (t.kind()) {
          case "badge" -> "badges/" + t.target() + ".md";
          case "issuer" -> "issuers/" + t.target() + ".yaml";
          default -> "awards/" + t.target() + ".yaml";
        };
    Diagnostic missing =
        Diagnostic.error(
            Code.TRANSLATION_WITHOUT_ORIGINAL,
            SourcePosition.startOf(t.path()),
            "a translation of " + original + ", which does not exist");
    String target = t.kind().equals("award") ? t.target().replaceFirst(".*/", "") : t.target();
    List<String> known =
        ids.stream().map(i -> t.kind().equals("award") ? i.replaceFirst(".*/", "") : i).toList();
    Optional<String> closest = dev.badgesmith.diag.Spelling.closest(target, known);
    d.add(
        closest
            .map(
                c ->
                    missing.withHint(
                        "did you mean '" + c + "'? Name it after the file it translates"))
            .orElseGet(
                () ->
                    missing.withHint(
                        "a translation is named <id>.<language>.<extension>, after the file it"
                            + " translates")));
    return false;
  }

  /**
   * A warning at each text of the default language's file that has no translation: at the first
   * only, when the whole file is untranslated.
   */
  private void missing(
      Map<String, SourcePosition> written,
      Map<String, Optional<String>> translated,
      boolean hasFile,
      String what,
      String path,
      String language) {
    String name = Locale.forLanguageTag(language).getDisplayName(Locale.ENGLISH);
    String file = translationFile(path, language);
    String base = file.substring(0, file.lastIndexOf('.') + 1);
    if (!hasFile
        && files.stream().anyMatch(f -> f.startsWith(base) && f.indexOf('.', base.length()) < 0)) {
      return; // written, and reported where it failed to load
    }
    if (!hasFile) {
      SourcePosition at = written.getOrDefault("name", SourcePosition.startOf(path));
      d.add(
          Diagnostic.warning(
                  Code.MISSING_TRANSLATION,
                  at,
                  "the "
                      + what
                      + " has no "
                      + name
                      + " translation: its "
                      + name
                      + " pages show this text")
              .withHint("add " + file + " with its texts in " + name));
      return;
    }
    for (Map.Entry<String, SourcePosition> text : written.entrySet()) {
      if (translated.getOrDefault(text.getKey(), Optional.empty()).isEmpty()) {
        String key = text.getKey().equals("criteria") ? "the criteria" : "'" + text.getKey() + "'";
        d.add(
            Diagnostic.warning(
                    Code.MISSING_TRANSLATION,
                    text.getValue(),
                    key + " has no " + name + " translation in " + file)
                .withHint(
                    text.getKey().equals("criteria")
                            || text.getKey().equals("description")
                                && what.equals("issuer")
                                && path.endsWith(".md")
                        ? "write it as the body of " + file
                        : "add '" + text.getKey() + ": ...' to " + file));
      }
    }
  }

  private static String translationFile(String path, String language) {
    int dot = path.lastIndexOf('.');
    return path.substring(0, dot) + "." + language + path.substring(dot);
  }
}
