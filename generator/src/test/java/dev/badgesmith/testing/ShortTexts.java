package dev.badgesmith.testing;

import java.util.ArrayList;
import java.util.List;

/** Every short text over an alphabet: hand-written checks are compared with patterns over them. */
public final class ShortTexts {
  private ShortTexts() {}

  /** The empty text and every text of one to three characters of the alphabet. */
  public static List<String> upToThree(String alphabet) {
    List<String> texts = new ArrayList<>(List.of(""));
    for (char a : alphabet.toCharArray()) {
      texts.add("" + a);
      for (char b : alphabet.toCharArray()) {
        texts.add("" + a + b);
        for (char c : alphabet.toCharArray()) {
          texts.add("" + a + b + c);
        }
      }
    }
    return texts;
  }
}
