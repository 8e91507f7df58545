package dev.badgesmith.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a new site are resources with {@code @@name@@} placeholders and whole lines
 * {@code @@if flag@@}, {@code @@unless flag@@} and {@code @@end@@} around optional parts. The
 * marker differs from GitHub's {@code ${{ }}} and Freemarker's {@code ${}}, so workflows and theme
 * files need no escaping. Values are inserted as given: the caller quotes them for the file's
 * language.
 */
final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Za-z][A-Za-z0-9]*)@@");
  private static final Pattern DIRECTIVE = Pattern.compile("@@(if|unless) ([A-Za-z0-9]+)@@");
  private static final String END = "@@end@@";
  private static final String ROOT = "/badgesmith/init/";

  private Template() {}

  /** The text of a resource under {@code badgesmith/init/}. */
  static String resource(String name) {
    return new String(bytes(ROOT + name), StandardCharsets.UTF_8);
  }

  static byte[] bytes(String absoluteName) {
    try (InputStream in = Template.class.getResourceAsStream(absoluteName)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + absoluteName + " is in the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalStateException for a placeholder without a value, or unbalanced directives: a
   *     mistake in the resource, never in the user's input
   */
  static String render(String template, Map<String, String> values, Set<String> flags) {
    List<String> kept = new ArrayList<>();
    Boolean keep = null; // null: outside a block
    for (String line : template.split("\n", -1)) {
      String trimmed = line.strip();
      Matcher directive = DIRECTIVE.matcher(trimmed);
      if (directive.matches()) {
        if (keep != null) {
          throw new IllegalStateException("nested " + trimmed + " in a template");
        }
        keep = flags.contains(directive.group(2)) == directive.group(1).equals("if");
      } else if (trimmed.equals(END)) {
        if (keep == null) {
          throw new IllegalStateException(END + " without @@if@@ in a template");
        }
        keep = null;
      } else if (keep == null || keep) {
        kept.add(line);
      }
    }
    if (keep != null) {
      throw new IllegalStateException("a template's @@if@@ has no " + END);
    }
    Matcher m = PLACEHOLDER.matcher(String.join("\n", kept));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for " + m.group() + " in a template");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
