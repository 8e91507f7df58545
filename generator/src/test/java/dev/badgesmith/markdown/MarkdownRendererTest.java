package dev.badgesmith.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  private final MarkdownRenderer markdown = new MarkdownRenderer();

  @Test
  void rendersPlainParagraphs() {
    assertThat(markdown.toHtml("First *one*.\n\nSecond one.", 2))
        .isEqualTo("<p>First <em>one</em>.</p>\n<p>Second one.</p>\n");
  }

  @Test
  void escapesRawHtmlBlocksAndInlineHtml() {
    String html =
        markdown.toHtml("<script>alert(1)</script>\n\nText with <img src=x onerror=alert(1)>.", 2);

    assertThat(html).doesNotContain("<script").doesNotContain("<img");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
  }

  @Test
  void dropsTheHrefOfAJavascriptLink() {
    assertThat(markdown.toHtml("[x](javascript:alert(1))", 2))
        .isEqualTo("<p><a rel=\"nofollow\">x</a></p>\n");
  }

  @Test
  void dropsOtherUnsafeProtocolsWhateverTheirCase() {
    String html =
        markdown.toHtml(
            "[a](VBScript:msgbox) [b](data:text/html;base64,PHNjcmlwdD4=) [c]( JavaScript:alert(1))"
                + " ![d](data:image/svg+xml,x)",
            2);

    assertThat(html.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("vbscript:")
        .doesNotContain("data:")
        .doesNotContain("javascript:");
  }

  @Test
  void anImageFromAnotherHostBecomesALinkSoAPageLoadsNothingFromElsewhere() {
    String html =
        markdown.toHtml(
            "![a pixel](https://tracker.example.net/p.gif \"t\") ![also](//cdn.example.net/x.png)"
                + " ![ours](../assets/diagram.png)",
            2);

    assertThat(html)
        .contains(
            "<a rel=\"nofollow\" href=\"https://tracker.example.net/p.gif\" title=\"t\">a pixel</a>")
        .contains("<a rel=\"nofollow\" href=\"//cdn.example.net/x.png\">also</a>")
        .contains("<img src=\"../assets/diagram.png\" alt=\"ours\" />")
        .doesNotContain("<img src=\"https:")
        .doesNotContain("<img src=\"//");
  }

  @Test
  void keepsSafeLinks() {
    assertThat(
            markdown.toHtml(
                "[site](https://example.org/a?b=1&c=2) [mail](mailto:a@example.org)"
                    + " [page](../other/)",
                2))
        .contains("href=\"https://example.org/a?b=1&amp;c=2\"")
        .contains("href=\"mailto:a@example.org\"")
        .contains("href=\"../other/\"");
  }

  @Test
  void rendersGfmTables() {
    String html = markdown.toHtml("| Skill | Level |\n|---|---|\n| Rust | 1 |\n", 2);

    assertThat(html)
        .contains("<table>")
        .contains("<th>Skill</th>")
        .contains("<td>Rust</td>")
        .contains("<td>1</td>");
  }

  @Test
  void rendersTheSameInputToTheSameOutput() {
    String input = "# Title\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";

    assertThat(new MarkdownRenderer().toHtml(input, 2)).isEqualTo(markdown.toHtml(input, 2));
  }

  /**
   * One-line sentences, with and without {@code **strong**}, come out as commonmark parses them:
   * the same text after a blank line, which no shortcut takes, is the reference.
   */
  @Test
  void rendersOneLineSentencesAsTheParserDoes() {
    String[] pieces = {
      "Wrote",
      "and",
      "shipped",
      "**project 0**",
      "**x**",
      "reviewed",
      "by",
      "two",
      "peers",
      ".",
      ",",
      ";",
      ":",
      "?",
      "!",
      "'",
      "(",
      ")",
      "/",
      "%",
      "-",
      "*",
      "**",
      "***",
      "_",
      "&",
      "<",
      ">",
      "\"",
      "#",
      "1.",
      "2)",
      "`",
      "[a](b)",
      "\\",
      "|",
      "~",
      "café",
      "日本",
      "x**",
      "**y",
      " ",
      "\t",
      "\u00a0",
      "**a b**",
      "**1**",
      "**é**)"
    };
    java.util.Random random = new java.util.Random(21);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "Did" : "");
      int words = 1 + random.nextInt(8);
      for (int w = 0; w < words; w++) {
        String piece = pieces[random.nextInt(pieces.length)];
        text.append(random.nextInt(3) == 0 ? "" : " ").append(piece);
      }
      String sentence = text.toString();
      assertThat(markdown.toHtml(sentence, 3))
          .as(sentence)
          .isEqualTo(markdown.toHtml("\n" + sentence, 3));
    }
    assertThat(markdown.toHtml("Wrote and shipped **project 0**, reviewed by two peers.", 3))
        .isEqualTo("<p>Wrote and shipped <strong>project 0</strong>, reviewed by two peers.</p>\n");
  }
}
