package dev.badgesmith.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's own strings: read over the theme's, and a language with no words said once. */
class SiteMessagesTest {
  private static List<String> check(Path site, String language) {
    Diagnostics diagnostics = new Diagnostics();
    SiteMessages.check(site, List.of(language), diagnostics);
    return diagnostics.sorted().stream().map(Diagnostic::format).toList();
  }

  @Test
  void aLanguageWithNoWordsIsEnglishWithOneWarning(@TempDir Path site) {
    assertThat(check(site, "en")).isEmpty();
    assertThat(check(site, "de")).isEmpty();
    assertThat(check(site, "de-CH")).isEmpty();
    assertThat(check(site, "fr"))
        .singleElement()
        .asString()
        .startsWith(
            "site.yaml:1:1: warning[BSG230]: the theme has no words in 'fr', so the pages of that"
                + " language are in English")
        .contains("add i18n/fr.properties");
  }

  @Test
  void theSiteStringsReplaceTheThemesAndAddALanguage(@TempDir Path site) throws IOException {
    Files.createDirectories(site.resolve("i18n"));
    Files.writeString(
        site.resolve("i18n/ar.properties"), "nav.verify = تحقق\n", StandardCharsets.UTF_8);
    Files.writeString(
        site.resolve("i18n/de.properties"),
        "# Eigene Wörter\nnav.badges = Abzeichen\n",
        StandardCharsets.UTF_8);
    MessageBundles bundles = MessageBundles.of(site);
    assertThat(bundles.messages("ar").text("nav.verify")).isEqualTo("تحقق");
    assertThat(bundles.messages("ar").text("nav.badges")).isEqualTo("Badges");
    assertThat(bundles.messages("de").text("nav.badges")).isEqualTo("Abzeichen");
    assertThat(bundles.messages("de").text("nav.verify")).isEqualTo("Prüfen");
    assertThat(new MessageBundles(Optional.empty()).messages("de").text("nav.badges"))
        .isEqualTo("Badges");
    assertThat(check(site, "ar"))
        .singleElement()
        .asString()
        .startsWith("i18n/ar.properties:1:1: warning[BSG231]: lacks ");
  }

  @Test
  void placesAMalformedEscapeAtItsLine(@TempDir Path site) throws IOException {
    Files.createDirectories(site.resolve("i18n"));
    Files.writeString(
        site.resolve("i18n/de.properties"),
        "nav.badges = Badges\nnav.verify = Pr\\\\u00fc \\u00zz\n",
        StandardCharsets.UTF_8);
    assertThat(check(site, "de"))
        .singleElement()
        .asString()
        .startsWith("i18n/de.properties:2:24: error[BSG233]: a \\u escape that is not four");
  }
}
