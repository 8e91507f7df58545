package dev.badgesmith.load;

import static dev.badgesmith.load.SiteKeys.IMAGES_KEYS;
import static dev.badgesmith.load.SiteKeys.KEY_KEYS;
import static dev.badgesmith.load.SiteKeys.PAGES_KEYS;
import static dev.badgesmith.load.SiteKeys.SETTINGS_KEYS;
import static dev.badgesmith.load.SiteKeys.SIGNING_KEYS;
import static dev.badgesmith.load.Utf8Text.text;
import static dev.badgesmith.load.ValueChecks.date;
import static dev.badgesmith.load.ValueChecks.language;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.load.Docs.KeyDoc;
import dev.badgesmith.load.Docs.SettingsDoc;
import dev.badgesmith.load.Docs.SigningDoc;
import dev.badgesmith.model.PageSettings;
import dev.badgesmith.model.SiteSettings;
import dev.badgesmith.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code site.yaml}: the site's settings, its languages, pages and signing. */
final class SettingsReader {
  private SettingsReader() {}

  static Optional<SettingsDoc> settings(SourceFile f, String text, Diagnostics d) {
    Optional<MapReader> read =
        YamlReader.read(text, f.path(), 0, d)
            .flatMap(n -> MapReader.of(n, "site.yaml", SETTINGS_KEYS, d));
    if (read.isEmpty()) {
      return Optional.empty();
    }
    MapReader r = read.get();
    Optional<Located<String>> title = r.requiredText("title");
    Optional<Located<String>> baseUrl =
        r.requiredText("baseUrl").filter(u -> ValueChecks.baseUrl(u, d));
    Optional<Located<String>> language = r.text("language").filter(l -> language(l, d));
    List<String> languages = languages(r, language, d);
    Optional<Located<String>> zone = r.text("timeZone").filter(z -> ValueChecks.timeZone(z, d));
    Optional<Located<String>> issuer = r.text("issuer");
    Optional<String> description = r.text("description").map(Located::value);
    int pngSize = SiteSettings.DEFAULT_PNG_SIZE;
    long maxImageBytes = SiteSettings.DEFAULT_MAX_IMAGE_BYTES;
    Optional<MapReader> images = r.map("images", "the images settings", IMAGES_KEYS);
    if (images.isPresent()) {
      pngSize = images.get().text("pngSize").flatMap(t -> ValueChecks.pixels(t, d)).orElse(pngSize);
      maxImageBytes =
          images.get().text("maxSize").flatMap(t -> ValueChecks.size(t, d)).orElse(maxImageBytes);
    }
    Optional<SigningDoc> signing =
        r.map("signing", "the signing settings", SIGNING_KEYS).map(m -> signing(m, d));
    PageSettings pages =
        r.map("pages", "the pages settings", PAGES_KEYS)
            .map(m -> pages(m, d))
            .orElse(PageSettings.DEFAULT);
    if (d.hasErrors() || title.isEmpty() || baseUrl.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SettingsDoc(
            f.path(),
            title.get().value(),
            description,
            baseUrl.get(),
            issuer,
            languages.get(0),
            languages,
            zone,
            pngSize,
            maxImageBytes,
            signing,
            pages));
  }

  /**
   * The site's languages, the default first: {@code languages}, or the one {@code language}, or
   * English. Both may be given when they agree on the default.
   */
  private static List<String> languages(
      MapReader r, Optional<Located<String>> language, Diagnostics d) {
    List<Located<String>> listed =
        r.textList("languages").stream().filter(l -> language(l, d)).toList();
    List<String> languages = new ArrayList<>();
    for (Located<String> tag : listed) {
      if (languages.stream().anyMatch(l -> l.equalsIgnoreCase(tag.value()))) {
        d.add(
            Diagnostic.error(
                    Code.INVALID_VALUE,
                    tag.at(),
                    "'" + tag.value() + "' is listed twice in 'languages'")
                .withHint("list each language once, the default first"));
      } else {
        languages.add(tag.value());
      }
    }
    if (language.isPresent()
        && !languages.isEmpty()
        && !languages.get(0).equals(language.get().value())) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  language.get().at(),
                  "'language: "
                      + language.get().value()
                      + "' disagrees with 'languages', whose first (the default) is "
                      + languages.get(0))
              .withHint("remove 'language': 'languages' lists the default first"));
    }
    if (languages.isEmpty()) {
      languages.add(language.map(Located::value).orElse("en"));
    }
    return List.copyOf(languages);
  }

  private static PageSettings pages(MapReader r, Diagnostics d) {
    PageSettings defaults = PageSettings.DEFAULT;
    // An earner kept off the recognition page is named as their awards name them: a URL or DID.
    List<String> optOut = new ArrayList<>();
    for (Located<String> id : r.textList("recognitionOptOut")) {
      if (id.value().contains("@") && !id.value().contains("://")) {
        d.add(
            Diagnostic.error(
                    Code.INVALID_VALUE, id.at(), "'recognitionOptOut' lists URLs and DIDs only")
                .withHint(
                    "an earner named by an e-mail address is never on the recognition page:"
                        + " remove the address, which need not be in site.yaml"));
        continue;
      }
      String key = id.value().strip().startsWith("did:") ? "did" : "url";
      RecipientIdentities.plain(key, id, Optional.empty(), d)
          .ifPresent(doc -> optOut.add(doc.identity()));
    }
    return new PageSettings(
        r.bool("earnerPages").map(Located::value).orElse(defaults.earnerPages()),
        r.bool("listEarners").map(Located::value).orElse(defaults.listEarners()),
        r.bool("indexAwards").map(Located::value).orElse(defaults.indexAwards()),
        r.bool("recognition").map(Located::value).orElse(defaults.recognition()),
        optOut,
        r.bool("certificates").map(Located::value).orElse(defaults.certificates()));
  }

  private static SigningDoc signing(MapReader r, Diagnostics d) {
    Optional<Located<String>> issuerId = r.text("issuerId");
    if (issuerId.isPresent() && !List.of("did", "url").contains(issuerId.get().value())) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  issuerId.get().at(),
                  "'" + issuerId.get().value() + "' is not an issuer id form")
              .withHint("write did (the site's did:web) or url (the issuer's profile URL)"));
    }
    List<KeyDoc> keys = new ArrayList<>();
    for (MapReader k : r.mapList("keys", "a signing key", KEY_KEYS)) {
      Optional<Located<String>> id = k.requiredText("id");
      Optional<Located<String>> algorithm = k.requiredText("algorithm");
      Optional<Located<String>> validFrom = k.text("validFrom").filter(t -> date(t, d));
      Optional<Located<String>> validUntil = k.text("validUntil").filter(t -> date(t, d));
      boolean revoked = k.bool("revoked").map(Located::value).orElse(false);
      if (id.isPresent() && algorithm.isPresent()) {
        keys.add(
            new KeyDoc(
                id.get(), algorithm.get(), k.text("publicKey"), validFrom, validUntil, revoked));
      }
    }
    Optional<Located<String>> ob2 = r.text("ob2");
    if (ob2.isPresent() && !List.of("hosted", "signed").contains(ob2.get().value())) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  ob2.get().at(),
                  "'" + ob2.get().value() + "' is not a form of Open Badges 2.0 verification")
              .withHint("write hosted (the default) or signed"));
    }
    return new SigningDoc(r.at(), issuerId, r.text("jwt"), r.text("dataIntegrity"), keys, ob2);
  }
}
