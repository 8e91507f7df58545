package dev.badgesmith.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8PageTextTest {

  /** Text written in pieces, split anywhere (inside a surrogate pair too), as Java encodes it. */
  @Test
  void encodesAsStringGetBytesDoesWhereverTheTextIsSplit() {
    String[] pieces = {
      "a",
      "<p>",
      "é",
      "\u2026",
      "\u05d0",
      "\ud83c\udf93",
      "\ud83c",
      "\udf93",
      "\u0000",
      "\u07ff",
      "\u0800",
      "\uffff",
      "x".repeat(20_000)
    };
    Random random = new Random(7);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i >= 0; i--) {
        text.append(pieces[random.nextInt(pieces.length - (n % 50 == 0 ? 0 : 1))]);
      }
      String page = text.toString();
      Utf8PageText out = new Utf8PageText();
      for (int at = 0; at < page.length(); ) {
        int end = Math.min(page.length(), at + 1 + random.nextInt(5));
        switch (random.nextInt(3)) {
          case 0 -> out.write(page, at, end - at);
          case 1 -> out.write(page.substring(at, end).toCharArray(), 0, end - at);
          default -> {
            for (int i = at; i < end; i++) {
              out.write(page.charAt(i));
            }
          }
        }
        at = end;
      }
      assertThat(out.toBytes()).as(page).isEqualTo(page.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void pagesWrittenAtOnceOnOneThreadKeepTheirOwnBytes() {
    Utf8PageText first = new Utf8PageText();
    first.write("first page, ");
    Utf8PageText second = new Utf8PageText();
    second.write("second page é");
    first.write("written on");
    assertThat(second.toBytes()).isEqualTo("second page é".getBytes(StandardCharsets.UTF_8));
    Utf8PageText third = new Utf8PageText();
    third.write("third");
    assertThat(first.toBytes())
        .isEqualTo("first page, written on".getBytes(StandardCharsets.UTF_8));
    assertThat(third.toBytes()).isEqualTo("third".getBytes(StandardCharsets.UTF_8));
  }
}
