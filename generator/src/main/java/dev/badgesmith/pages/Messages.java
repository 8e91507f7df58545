package dev.badgesmith.pages;

import java.math.BigDecimal;
import java.text.ChoiceFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The words of the pages in one language: each key's pattern, from the theme's bundle of the
 * language over the English one, with the site's own strings over both (see {@link
 * MessageBundles}). Patterns are {@link MessageFormat}s with one difference: an apostrophe is only
 * an apostrophe, as translators write it ("Earner's page"), so nothing in a message is quoted.
 */
public final class Messages {
  /** The key of the pattern that writes a date in words, for {@link DateTimeFormatter}. */
  static final String DATE_PATTERN = "date.pattern";

  private final String language;
  private final Locale locale;
  private final Map<String, String> patterns;
  // Most patterns only put arguments in ("{0} awarded {1}"): those are split once into their
  // text and argument numbers, and filled in without a MessageFormat per message.
  private final Map<String, Simple> simple;
  private final DateTimeFormatter dates;

  /**
   * @param language the BCP 47 tag of the pages, as the site wrote it
   */
  Messages(String language, Map<String, String> patterns) {
    this.language = Objects.requireNonNull(language, "language");
    this.locale = Locale.forLanguageTag(language);
    this.patterns = Map.copyOf(patterns);
    Map<String, Simple> split = new HashMap<>();
    this.patterns.forEach((key, pattern) -> Simple.of(pattern).ifPresent(s -> split.put(key, s)));
    this.simple = Map.copyOf(split);
    this.dates = DateTimeFormatter.ofPattern(pattern(DATE_PATTERN), locale);
  }

  /** The BCP 47 tag of the language the words are in: the pages' {@code lang}. */
  String language() {
    return language;
  }

  /** The language the words are in. */
  Locale locale() {
    return locale;
  }

  /** Whether some bundle has the key. */
  boolean has(String key) {
    return patterns.containsKey(key);
  }

  /**
   * The message of a key with its arguments filled in. A number is written as digits alone, as the
   * pages write numbers everywhere ("1234 awards"), and chooses the branch of a {@code
   * {0,choice,...}}.
   *
   * @throws IllegalArgumentException when no bundle has the key
   */
  public String text(String key, Object... args) {
    Simple split = simple.get(key);
    if (split != null) {
      String text = split.fill(args);
      if (text != null) {
        return text;
      }
    }
    return format(pattern(key), args);
  }

  /** A day in words, as the language writes it ({@value #DATE_PATTERN}). */
  public String date(LocalDate day) {
    return dates.format(day);
  }

  /** The messages whose keys start with {@code prefix}, by the rest of their key, in key order. */
  Map<String, String> startingWith(String prefix) {
    Map<String, String> found = new TreeMap<>();
    patterns.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            found.put(k.substring(prefix.length()), v);
          }
        });
    return found;
  }

  /**
   * The patterns whose keys start with {@code prefix}, as a JSON object by the rest of their key:
   * what a page hands its script, which fills in {@code {0}} itself.
   */
  String json(String prefix) {
    StringBuilder json = new StringBuilder("{");
    startingWith(prefix)
        .forEach(
            (k, v) -> {
              json.append(json.length() > 1 ? "," : "");
              string(json, k).append(':');
              string(json, v);
            });
    return json.append('}').toString();
  }

  private static StringBuilder string(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"');
  }

  private String pattern(String key) {
    String pattern = patterns.get(key);
    if (pattern == null) {
      throw new IllegalArgumentException("no message bundle has the key '" + key + "'");
    }
    return pattern;
  }

  private String format(String pattern, Object[] args) {
    if (pattern.indexOf('{') < 0) {
      return pattern;
    }
    MessageFormat format = new MessageFormat(pattern.replace("'", "''"), locale);
    Format[] formats = format.getFormatsByArgumentIndex();
    Object[] shown = args.clone();
    for (int i = 0; i < shown.length; i++) {
      Format f = i < formats.length ? formats[i] : null;
      if (f instanceof ChoiceFormat choice) {
        format.setFormatByArgumentIndex(i, new Chosen(choice, args));
      } else if (f == null && shown[i] instanceof Number n) {
        shown[i] = digits(n);
      }
    }
    return format.format(shown);
  }

  // MessageFormat would write a count with the language's grouping ("1,234"); the pages never do.
  private static String digits(Number n) {
    if (n instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (n instanceof Double || n instanceof Float) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    return n.toString();
  }

  /**
   * A choice whose branch is a message of its own, formatted as the outer one is: MessageFormat
   * would format the branch with the language's number format.
   */
  private final class Chosen extends Format {
    private static final long serialVersionUID = 1L;
    private final transient ChoiceFormat choice;
    private final transient Object[] args;

    Chosen(ChoiceFormat choice, Object[] args) {
      this.choice = choice;
      this.args = args;
    }

    @Override
    public StringBuffer format(Object count, StringBuffer to, FieldPosition pos) {
      return to.append(Messages.this.format(choice.format(((Number) count).doubleValue()), args));
    }

    @Override
    public Object parseObject(String source, ParsePosition pos) {
      throw new UnsupportedOperationException("messages are written, never parsed");
    }
  }

  /**
   * A pattern whose only placeholders are argument numbers ({@code {0}}, never {@code
   * {0,choice,...}}), split into its text and those numbers: filled in as {@link MessageFormat}
   * fills it, for arguments that are text or whole numbers (anything else goes to MessageFormat).
   *
   * @param texts the text before each placeholder, and after the last
   * @param arguments each placeholder's argument number
   */
  private record Simple(String[] texts, int[] arguments) {
    static Optional<Simple> of(String pattern) {
      List<String> texts = new ArrayList<>();
      List<Integer> arguments = new ArrayList<>();
      int from = 0;
      for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', from)) {
        int close = pattern.indexOf('}', open);
        if (close < 0 || close == open + 1 || close - open > 4) {
          return Optional.empty();
        }
        for (int i = open + 1; i < close; i++) {
          if (pattern.charAt(i) < '0' || pattern.charAt(i) > '9') {
            return Optional.empty();
          }
        }
        texts.add(pattern.substring(from, open));
        arguments.add(Integer.parseInt(pattern.substring(open + 1, close)));
        from = close + 1;
      }
      if (arguments.isEmpty()) {
        return Optional.empty(); // no placeholder: format returns the pattern itself
      }
      texts.add(pattern.substring(from));
      return Optional.of(
          new Simple(
              texts.toArray(new String[0]),
              arguments.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The message, or null when an argument is one MessageFormat would format itself. */
    String fill(Object[] args) {
      StringBuilder out = new StringBuilder(64);
      for (int i = 0; i < arguments.length; i++) {
        out.append(texts[i]);
        int n = arguments[i];
        if (n >= args.length) {
          out.append('{').append(n).append('}'); // as MessageFormat leaves a missing argument
        } else if (args[n] instanceof String text) {
          out.append(text);
        } else if (args[n] instanceof Integer || args[n] instanceof Long) {
          out.append(args[n]);
        } else {
          return null;
        }
      }
      return out.append(texts[arguments.length]).toString();
    }
  }
}
