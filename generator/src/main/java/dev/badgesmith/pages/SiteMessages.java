package dev.badgesmith.pages;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.diag.Spelling;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a site's own strings, {@code i18n/<lang>.properties} at its top, and that each of its
 * languages has words: a key the theme does not know replaces nothing (a warning at its line), and
 * a language neither the theme nor the site has words for is English on the pages (one warning).
 */
public final class SiteMessages {
  private static final String SETTINGS = "site.yaml";

  /** A {@code \\u} not followed by four hexadecimal digits (after an even run of backslashes). */
  private static final Pattern BAD_ESCAPE =
      Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*(\\\\u)(?![0-9a-fA-F]{4})");

  private SiteMessages() {}

  /**
   * @param languages the BCP 47 tags of the site's pages
   */
  public static void check(Path siteRoot, List<String> languages, Diagnostics diagnostics) {
    MessageBundles bundles = MessageBundles.of(siteRoot);
    Map<String, String> english = bundles.themeBundle(MessageBundles.ENGLISH).orElseThrow();
    List<String> known = new ArrayList<>(new TreeSet<>(english.keySet()));
    Path folder = siteRoot.resolve(MessageBundles.FOLDER);
    Set<String> siteTags = new TreeSet<>();
    if (Files.isDirectory(folder)) {
      List<Path> files;
      try (Stream<Path> list = Files.list(folder)) {
        files = list.sorted().toList();
      } catch (IOException e) {
        diagnostics.add(
            Diagnostic.error(
                Code.UNREADABLE_FILE,
                SourcePosition.startOf(MessageBundles.FOLDER),
                "cannot list " + MessageBundles.FOLDER + "/: " + e.getMessage()));
        return;
      }
      for (Path file : files) {
        String name = file.getFileName().toString();
        String path = MessageBundles.FOLDER + "/" + name;
        if (name.startsWith(".")) {
          continue;
        }
        if (!name.endsWith(MessageBundles.EXTENSION)
            || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          diagnostics.add(
              Diagnostic.warning(
                      Code.UNKNOWN_MESSAGE_FILE,
                      SourcePosition.startOf(path),
                      "'" + name + "' is not a file of strings, so the pages do not read it")
                  .withHint(
                      "the site's strings are "
                          + MessageBundles.FOLDER
                          + "/<lang>"
                          + MessageBundles.EXTENSION
                          + " files (UTF-8, key = text), such as "
                          + MessageBundles.FOLDER
                          + "/de"
                          + MessageBundles.EXTENSION));
          continue;
        }
        String tag = name.substring(0, name.length() - MessageBundles.EXTENSION.length());
        siteTags.add(tag);
        checkFile(file, path, known, diagnostics);
      }
    }
    for (String language : languages) {
      boolean theme =
          MessageBundles.tags(language).stream().anyMatch(t -> bundles.themeBundle(t).isPresent());
      if (theme || language.equals(MessageBundles.ENGLISH)) {
        continue;
      }
      List<String> own = MessageBundles.tags(language).stream().filter(siteTags::contains).toList();
      if (own.isEmpty()) {
        diagnostics.add(
            Diagnostic.warning(
                    Code.NO_MESSAGES_FOR_LANGUAGE,
                    SourcePosition.startOf(SETTINGS),
                    "the theme has no words in '"
                        + language
                        + "', so the pages of that language are in English")
                .withHint(
                    "the theme speaks "
                        + String.join(", ", MessageBundles.THEME_LANGUAGES)
                        + "; add "
                        + MessageBundles.FOLDER
                        + "/"
                        + language
                        + MessageBundles.EXTENSION
                        + " with the keys of the theme's en.properties (README, \"Languages: the"
                        + " pages' words\")"));
        continue;
      }
      Set<String> missing = new TreeSet<>(known);
      for (String tag : own) {
        MessageBundles.readSiteFile(folder.resolve(tag + MessageBundles.EXTENSION))
            .ifPresent(m -> missing.removeAll(m.keySet()));
      }
      if (!missing.isEmpty()) {
        String file =
            MessageBundles.FOLDER + "/" + own.get(own.size() - 1) + MessageBundles.EXTENSION;
        diagnostics.add(
            Diagnostic.warning(
                    Code.MISSING_MESSAGES,
                    SourcePosition.startOf(file),
                    "lacks messages the theme has, such as '"
                        + missing.iterator().next()
                        + "': the pages in '"
                        + language
                        + "' say those in English")
                .withHint(
                    "give it every key of the theme's en.properties (README, \"Languages: the"
                        + " pages' words\")"));
      }
    }
  }

  /** Where the first malformed {@code \\u} escape is, or the file's start. */
  private static SourcePosition badEscape(String path, String text) {
    Matcher m = BAD_ESCAPE.matcher(text);
    if (!m.find()) {
      return SourcePosition.startOf(path);
    }
    int at = m.start(1);
    int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    return new SourcePosition(path, line, at - text.lastIndexOf('\n', at - 1));
  }

  private static void checkFile(
      Path file, String path, List<String> known, Diagnostics diagnostics) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      diagnostics.add(
          Diagnostic.error(
                  Code.MALFORMED_MESSAGES, SourcePosition.startOf(path), "is not UTF-8 text")
              .withHint("save it as UTF-8"));
      return;
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(
              Code.UNREADABLE_FILE,
              SourcePosition.startOf(path),
              "cannot read: " + e.getMessage()));
      return;
    }
    try {
      MessageBundles.read(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      diagnostics.add(
          Diagnostic.error(
                  Code.MALFORMED_MESSAGES,
                  badEscape(path, text),
                  "a \\u escape that is not four hexadecimal digits")
              .withHint("write the character itself (the file is UTF-8), or \\u00fc for ü"));
      return;
    }
    for (PropertiesLines.Key key : PropertiesLines.keys(text)) {
      if (!known.contains(key.name())) {
        diagnostics.add(
            Diagnostic.warning(
                    Code.UNKNOWN_MESSAGE_KEY,
                    new SourcePosition(path, key.line(), key.column()),
                    "unknown message key '" + key.name() + "': no page asks for it")
                .withHint(
                    Spelling.closest(key.name(), known)
                        .map(s -> "did you mean '" + s + "'?")
                        .orElse("the keys are those of the theme's en.properties")));
      }
    }
  }
}
