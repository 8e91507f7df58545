package dev.badgesmith.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A message whose placeholders are argument numbers alone is filled in as {@link MessageFormat}
 * fills it: apostrophes as written, text and whole numbers put in, a missing argument left as its
 * placeholder; other patterns and arguments still go through MessageFormat.
 */
class MessagesTest {
  private static final Map<String, String> PATTERNS =
      Map.of(
          "plain", "Earner's page",
          "two", "{1} awarded {0}'s badge {1}",
          "edges", "{0}} and '{0}'",
          "count", "{0,choice,0#no awards|1#one award|1<{0} awards} by {1}",
          "number", "{0} of {1,number,integer}",
          "gap", "{2} then {0}",
          "date.pattern", "d MMMM uuuu");

  private final Messages messages = new Messages("en", PATTERNS);

  @Test
  void placeholdersAloneAreFilledInAsMessageFormatFillsThem() {
    assertThat(messages.text("plain")).isEqualTo("Earner's page");
    assertThat(messages.text("two", "Ada", "<b>Guild</b>"))
        .isEqualTo("<b>Guild</b> awarded Ada's badge <b>Guild</b>")
        .isEqualTo(formatted("two", "Ada", "<b>Guild</b>"));
    assertThat(messages.text("gap", "a")).isEqualTo("{2} then a").isEqualTo(formatted("gap", "a"));
    assertThat(messages.text("gap", 1234567, "b", 12L)).isEqualTo("12 then 1234567");
  }

  @Test
  void otherPatternsAndArgumentsGoThroughMessageFormat() {
    assertThat(messages.text("count", 1234, "Ada")).isEqualTo("1234 awards by Ada");
    assertThat(messages.text("count", 1, "Ada")).isEqualTo("one award by Ada");
    assertThat(messages.text("number", "x", 1234)).isEqualTo(formatted("number", "x", 1234));
    assertThat(messages.text("gap", 'c', 1.50, 2.5)).isEqualTo("2.5 then c");
    assertThat(messages.text("two", null, "b")).isEqualTo("b awarded null's badge b");
  }

  @Test
  void aClosingBraceAloneIsText() {
    assertThat(messages.text("edges", "x"))
        .isEqualTo("x} and 'x'")
        .isEqualTo(formatted("edges", "x"));
  }

  private static String formatted(String key, Object... args) {
    return new MessageFormat(PATTERNS.get(key).replace("'", "''"), Locale.ROOT).format(args);
  }
}
