package dev.badgesmith.pages;

import dev.badgesmith.diag.BadgesmithException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the pages' words come from: the theme's bundles ({@code i18n/<lang>.properties} in the
 * theme, UTF-8), and a site's own strings in {@code i18n/<lang>.properties} at its top, which add
 * to or replace the theme's. A page's message is looked up in the site's file of its language, the
 * theme's bundle of it, the site's English file, then the theme's English bundle, which has every
 * key: a language with no bundle of its own reads English.
 */
public final class MessageBundles {
  /** The folder of the bundles, in the theme and at the top of a site. */
  public static final String FOLDER = "i18n";

  /** The language whose bundle has every key, and which the others fall back to. */
  static final String ENGLISH = "en";

  static final String EXTENSION = ".properties";

  /** The languages the theme has a bundle of, every key in each. */
  static final List<String> THEME_LANGUAGES = List.of("de", "en");

  private final Optional<Path> site;
  private final Map<String, Map<String, String>> theme = new HashMap<>();

  /**
   * @param site the site's {@code i18n/} folder, when it has one
   */
  public MessageBundles(Optional<Path> site) {
    this.site = site;
  }

  /** The theme's bundles and the site's strings of the site at {@code siteRoot}. */
  public static MessageBundles of(Path siteRoot) {
    return new MessageBundles(Optional.of(siteRoot.resolve(FOLDER)).filter(Files::isDirectory));
  }

  /** The words of one language, a BCP 47 tag such as {@code de} or {@code pt-BR}. */
  public synchronized Messages messages(String language) {
    Map<String, String> patterns = new HashMap<>(themeBundle(ENGLISH).orElseThrow());
    siteFile(ENGLISH).ifPresent(patterns::putAll);
    for (String tag : tags(language)) {
      if (!tag.equals(ENGLISH)) {
        themeBundle(tag).ifPresent(patterns::putAll);
        siteFile(tag).ifPresent(patterns::putAll);
      }
    }
    return new Messages(language, patterns);
  }

  /** The tags a language is looked up under, the broadest first: {@code pt}, then {@code pt-BR}. */
  static List<String> tags(String language) {
    List<String> tags = new ArrayList<>();
    String primary = Locale.forLanguageTag(language).getLanguage();
    if (!primary.isEmpty()) {
      tags.add(primary);
    }
    if (!language.equalsIgnoreCase(primary)) {
      tags.add(language);
    }
    return tags;
  }

  /** The theme's bundle of a tag, when it has one. */
  synchronized Optional<Map<String, String>> themeBundle(String tag) {
    if (!theme.containsKey(tag)) {
      String name = PageRenderer.THEME + FOLDER + "/" + tag + EXTENSION;
      try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(name)) {
        theme.put(tag, in == null ? null : read(new InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (IOException | IllegalArgumentException e) {
        throw new BadgesmithException("cannot read the theme's " + name + ": " + e.getMessage(), e);
      }
    }
    return Optional.ofNullable(theme.get(tag));
  }

  /**
   * The site's strings of a tag; a file that cannot be read adds none, as {@code check} reports it
   * ({@link SiteMessages}).
   */
  private Optional<Map<String, String>> siteFile(String tag) {
    return site.flatMap(folder -> readSiteFile(folder.resolve(tag + EXTENSION)));
  }

  static Optional<Map<String, String>> readSiteFile(Path file) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(new StringReader(Files.readString(file, StandardCharsets.UTF_8))));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A bundle's keys and patterns; a malformed {@code \\u} escape is an IllegalArgumentException.
   */
  static Map<String, String> read(Reader reader) throws IOException {
    Properties properties = new Properties();
    properties.load(reader);
    Map<String, String> patterns = new HashMap<>();
    properties.forEach((k, v) -> patterns.put(k.toString(), v.toString()));
    return patterns;
  }
}
