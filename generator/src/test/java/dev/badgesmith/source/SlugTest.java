package dev.badgesmith.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SlugTest {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

  @Test
  void theScannersCheckAgreesWithThePatternIdsAreDocumentedBy() {
    List<String> ids =
        new ArrayList<>(List.of("", "-", "a-", "-a", "a--b", "A", "é", "a_b", "a.b"));
    String alphabet = "az09-A_.é ";
    // Every id of up to three characters over an alphabet with each kind of character.
    for (char a : alphabet.toCharArray()) {
      ids.add("" + a);
      for (char b : alphabet.toCharArray()) {
        ids.add("" + a + b);
        for (char c : alphabet.toCharArray()) {
          ids.add("" + a + b + c);
        }
      }
    }
    for (String id : ids) {
      assertThat(SiteScanner.isSlug(id)).as("'%s'", id).isEqualTo(SLUG.matcher(id).matches());
    }
  }
}
