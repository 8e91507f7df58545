package dev.badgesmith.pages;

import freemarker.core.Environment;
import freemarker.core.MarkupOutputFormat;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two functions through which a template reaches the words of its page's language: {@code
 * t("key", args...)}, a message, and {@code date("2025-01-15")}, a day in words.
 *
 * <p>In a markup template (HTML, XML) a message comes back as markup: its words escaped here, each
 * text argument escaped in full, and an argument that is markup (a link captured with {@code
 * <#assign link><a href="${url}">${name}</a></#assign>}) put in as it is, so a sentence keeps its
 * links wherever the translation puts them. A message whose key ends in {@value #MARKUP_SUFFIX} is
 * markup already.
 */
final class TemplateMessages {
  /**
   * The end of the key of a message that is markup itself, printed as it is (its text arguments
   * escaped), as Rails names such keys: a bundle is as trusted as the templates that use it.
   */
  static final String MARKUP_SUFFIX = "_html";

  private TemplateMessages() {}

  /** {@code t("key", args...)}: the message of a key in the page's language. */
  static TemplateMethodModelEx text(Messages messages) {
    Objects.requireNonNull(messages, "messages");
    // A message without arguments is the same on every page: made once per key and output
    // format (the models are immutable), not once per page.
    Map<String, TemplateModel> plain = new ConcurrentHashMap<>();
    return args -> {
      if (args.isEmpty()) {
        throw new TemplateModelException("t(\"key\", ...) needs the key of a message");
      }
      String key = string(args.get(0), "the key");
      if (!messages.has(key)) {
        throw new TemplateModelException(
            "no message bundle has the key '" + key + "' (see the README, \"Languages\")");
      }
      MarkupOutputFormat<?> markup =
          Environment.getCurrentEnvironment().getCurrentTemplate().getOutputFormat()
                  instanceof MarkupOutputFormat<?> f
              ? f
              : null;
      if (args.size() == 1) {
        String known = (markup == null ? "" : markup.getName()) + "\u0000" + key;
        TemplateModel model = plain.get(known);
        if (model == null) {
          model = message(messages, key, markup, args);
          plain.putIfAbsent(known, model);
        }
        return model;
      }
      return message(messages, key, markup, args);
    };
  }

  /** The message of {@code key} with the arguments after it, as markup in a markup template. */
  private static TemplateModel message(
      Messages messages, String key, MarkupOutputFormat<?> markup, List<?> args)
      throws TemplateModelException {
    List<String> parts = new ArrayList<>();
    Object[] values = new Object[args.size() - 1];
    for (int i = 1; i < args.size(); i++) {
      Object arg = args.get(i);
      if (arg instanceof TemplateNumberModel n) {
        values[i - 1] = n.getAsNumber();
        continue;
      }
      String part =
          arg instanceof TemplateMarkupOutputModel<?> m
              ? markupString(m)
              : string(arg, "argument " + i);
      if (markup == null) {
        values[i - 1] = part;
      } else {
        // A mark no message holds, replaced by the argument once the message is escaped.
        values[i - 1] = "\u0000" + parts.size() + "\u0000";
        parts.add(
            arg instanceof TemplateMarkupOutputModel<?> ? part : markup.escapePlainText(part));
      }
    }
    String text = messages.text(key, values);
    if (markup == null) {
      return new SimpleScalar(text);
    }
    String escaped = key.endsWith(MARKUP_SUFFIX) ? text : escapeText(text);
    for (int i = 0; i < parts.size(); i++) {
      escaped = escaped.replace("\u0000" + i + "\u0000", parts.get(i));
    }
    return markup.fromMarkup(escaped);
  }

  /**
   * A message's own words, escaped where markup would read them as markup. Apostrophes are left as
   * written: the theme quotes its attributes with double quotes, and a bundle is as trusted as the
   * templates; what the arguments bring in is escaped in full.
   */
  private static String escapeText(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code date("2025-01-15")}: an ISO day, as the views give dates, in words. */
  static TemplateMethodModelEx date(Messages messages) {
    Objects.requireNonNull(messages, "messages");
    // Every page writes a few dates and a site's awards share few days: each day is parsed and
    // written in words once per language, not once per page.
    Map<String, SimpleScalar> days = new ConcurrentHashMap<>();
    return args -> {
      if (args.size() != 1) {
        throw new TemplateModelException("date(\"2025-01-15\") takes one ISO date");
      }
      String iso = string(args.get(0), "the date");
      SimpleScalar known = days.get(iso);
      if (known != null) {
        return known;
      }
      try {
        SimpleScalar day = new SimpleScalar(messages.date(LocalDate.parse(iso)));
        days.putIfAbsent(iso, day);
        return day;
      } catch (DateTimeParseException e) {
        throw new TemplateModelException(
            "date(...) takes an ISO date such as 2025-01-15, not '" + iso + "'");
      }
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String markupString(TemplateMarkupOutputModel m) throws TemplateModelException {
    return m.getOutputFormat().getMarkupString(m);
  }

  private static String string(Object arg, String what) throws TemplateModelException {
    if (arg instanceof TemplateScalarModel s) {
      return s.getAsString();
    }
    if (arg instanceof TemplateNumberModel n) {
      return n.getAsNumber().toString();
    }
    throw new TemplateModelException(
        what + " of t(...) must be text, a number or markup, not " + describe((TemplateModel) arg));
  }

  private static String describe(TemplateModel arg) {
    return arg == null ? "null" : arg.getClass().getSimpleName();
  }
}
