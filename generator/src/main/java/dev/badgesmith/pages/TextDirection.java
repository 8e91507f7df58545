package dev.badgesmith.pages;

import java.util.Locale;
import java.util.Set;

/**
 * The writing direction of a language: right to left for the languages and scripts written so
 * (Unicode's CLDR lists the same), left to right for every other. A script subtag decides over the
 * language: {@code az-Arab} is right to left, {@code ks-Deva} is not.
 */
final class TextDirection {
  private static final Set<String> RTL_LANGUAGES =
      Set.of("ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "ji", "dv", "ckb");
  private static final Set<String> RTL_SCRIPTS =
      Set.of("Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg");

  private TextDirection() {}

  /** {@code rtl} or {@code ltr}, for a BCP 47 tag. */
  static String of(String languageTag) {
    Locale locale = Locale.forLanguageTag(languageTag);
    String script = locale.getScript();
    if (!script.isEmpty()) {
      return RTL_SCRIPTS.contains(script) ? "rtl" : "ltr";
    }
    return RTL_LANGUAGES.contains(languageTag.split("-")[0].toLowerCase(Locale.ROOT))
        ? "rtl"
        : "ltr";
  }
}
