package dev.badgesmith.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The theme's bundles hold the same keys, every key the templates, views and scripts ask for and
 * nothing else; the words come out in the page's language, with its plurals and dates.
 */
class MessageBundlesTest {
  private static final Path THEME = Path.of("../templates/src/main/resources/badgesmith/theme");
  private static final Path VIEWS = Path.of("src/main/java/dev/badgesmith/pages");

  /** {@code t("key"} in a template, and both keys of {@code t(x?then("a", "b"), ...)}. */
  private static final Pattern TEMPLATE_KEY = Pattern.compile("\\bt\\(\"([\\w.]+)\"");

  private static final Pattern CHOSEN_KEYS =
      Pattern.compile("\\bt\\([^\"]*?\\?then\\(\"([\\w.]+)\", \"([\\w.]+)\"\\)");

  /** A key a view asks for: {@code text("key"}, or a unit or list's key handed to the lookup. */
  private static final Pattern VIEW_KEY =
      Pattern.compile("(?:text\\(\\s*|json\\(|unit\\(parts, [^,]+, |join\\(parts, )\"([\\w.]+)\"");

  /** A key a view makes from a prefix: {@code "award.download." + kind}. */
  private static final Pattern VIEW_PREFIX = Pattern.compile("\"([\\w.]+\\.)\"\\s*\\+");

  /** What the verify page's script asks for: {@code say("key"}, and every {@code "msg.*"} key. */
  private static final Pattern SCRIPT_KEY =
      Pattern.compile("\\bsay\\(\"([\\w.-]+)\"|\"(msg\\.[\\w.-]+)\"");

  private static final String SCRIPT_PREFIX = "verify.script.";

  private static Map<String, String> bundle(String tag) throws IOException {
    return MessageBundles.read(
        new StringReader(
            Files.readString(
                THEME.resolve("i18n/" + tag + MessageBundles.EXTENSION), StandardCharsets.UTF_8)));
  }

  private static List<String> bundleTags() throws IOException {
    try (Stream<Path> files = Files.list(THEME.resolve("i18n"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(MessageBundles.EXTENSION))
          .map(n -> n.substring(0, n.length() - MessageBundles.EXTENSION.length()))
          .sorted()
          .toList();
    }
  }

  private static String readAll(Path folder, String suffix) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
        all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
      }
    }
    return all.toString();
  }

  /** Every key the theme's templates and scripts' pages and the views ask for, and the prefixes. */
  private static Set<String> asked(Set<String> prefixes) throws IOException {
    Set<String> keys = new TreeSet<>();
    String templates = readAll(THEME, ".ftlh") + readAll(THEME, ".ftlx");
    Matcher m = TEMPLATE_KEY.matcher(templates);
    while (m.find()) {
      keys.add(m.group(1));
    }
    m = CHOSEN_KEYS.matcher(templates);
    while (m.find()) {
      keys.add(m.group(1));
      keys.add(m.group(2));
    }
    String views = readAll(VIEWS, ".java");
    m = VIEW_KEY.matcher(views);
    while (m.find()) {
      (m.group(1).endsWith(".") ? prefixes : keys).add(m.group(1));
    }
    m = VIEW_PREFIX.matcher(views);
    while (m.find()) {
      prefixes.add(m.group(1));
    }
    keys.add(Messages.DATE_PATTERN);
    // The verify page hands its script the verify.script.* messages: each say("key") is one.
    m = SCRIPT_KEY.matcher(Files.readString(THEME.resolve("verify.js"), StandardCharsets.UTF_8));
    while (m.find()) {
      keys.add(SCRIPT_PREFIX + (m.group(1) != null ? m.group(1) : m.group(2)));
    }
    return keys;
  }

  @Test
  void theThemeHasEnglishAndGermanBundles() throws IOException {
    assertThat(bundleTags()).contains("en", "de");
  }

  @Test
  void everyBundleHasExactlyTheKeysOfTheEnglishOne() throws IOException {
    Set<String> english = new TreeSet<>(bundle("en").keySet());
    for (String tag : bundleTags()) {
      Set<String> keys = new TreeSet<>(bundle(tag).keySet());
      Set<String> missing = new TreeSet<>(english);
      missing.removeAll(keys);
      Set<String> stray = new TreeSet<>(keys);
      stray.removeAll(english);
      assertThat(missing).as("keys of en.properties that %s.properties lacks", tag).isEmpty();
      assertThat(stray).as("keys of %s.properties that en.properties lacks", tag).isEmpty();
      for (String key : keys) {
        assertThat(bundle(tag).get(key)).as("%s in %s.properties", key, tag).isNotBlank();
      }
    }
  }

  @Test
  void everyKeyAskedForIsInTheBundleAndEveryKeyIsAskedFor() throws IOException {
    Set<String> prefixes = new TreeSet<>();
    Set<String> asked = asked(prefixes);
    Set<String> english = new TreeSet<>(bundle("en").keySet());
    Set<String> unknown = new TreeSet<>(asked);
    unknown.removeAll(english);
    assertThat(unknown).as("keys the templates and views ask for that no bundle has").isEmpty();
    assertThat(prefixes).as("prefixes of keys the views make").isNotEmpty();
    for (String prefix : prefixes) {
      assertThat(english).as("keys under " + prefix).anyMatch(k -> k.startsWith(prefix));
    }
    Set<String> unused = new TreeSet<>(english);
    unused.removeAll(asked);
    unused.removeIf(k -> prefixes.stream().anyMatch(k::startsWith));
    assertThat(unused).as("keys of the bundles nothing asks for").isEmpty();
  }

  @Test
  void theEnglishRecognitionRulesAreTheBoardsOwnWords() throws IOException {
    Map<String, String> english = bundle("en");
    List<String> rules = dev.badgesmith.recognition.RecognitionBoard.RULES;
    for (int i = 1; i <= rules.size(); i++) {
      assertThat(english.get("recognition.rule." + i)).isEqualTo(rules.get(i - 1));
    }
    assertThat(english).doesNotContainKey("recognition.rule." + (rules.size() + 1));
  }

  @Test
  void aGermanPageSaysItInGermanWithItsPluralsAndDates() {
    Messages german = new MessageBundles(Optional.empty()).messages("de");
    assertThat(german.text("gallery.awards", 0)).isEqualTo("Noch keine Vergaben");
    assertThat(german.text("gallery.awards", 1)).isEqualTo("1 Vergabe");
    assertThat(german.text("gallery.awards", 1234)).isEqualTo("1234 Vergaben");
    assertThat(german.date(LocalDate.of(2025, 1, 15))).isEqualTo("15. Januar 2025");
    assertThat(german.text("requirement.anyOf", 1, "A oder B")).isEqualTo("eines von A oder B");
  }

  @Test
  void englishKeepsIsoDatesAndWritesCountsAsDigits() {
    Messages english = new MessageBundles(Optional.empty()).messages("en");
    assertThat(english.date(LocalDate.of(2025, 1, 15))).isEqualTo("2025-01-15");
    assertThat(english.text("gallery.awards", 12345)).isEqualTo("12345 awards");
    assertThat(english.text("earnerPage")).isEqualTo("Earner's page");
    assertThat(english.text("index.issuer", "Ada's {0} 'club'"))
        .isEqualTo("About Ada's {0} 'club'");
  }

  @Test
  void aLanguageWithoutABundleReadsEnglishAndARegionReadsItsLanguage() {
    MessageBundles bundles = new MessageBundles(Optional.empty());
    assertThat(bundles.messages("fr").text("nav.verify")).isEqualTo("Verify");
    assertThat(bundles.messages("de-AT").text("nav.verify")).isEqualTo("Prüfen");
    assertThat(bundles.messages("de-AT").language()).isEqualTo("de-AT");
  }
}
