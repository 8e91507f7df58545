package dev.badgesmith.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.ShortTexts;
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
    // Every id of up to three characters over an alphabet with each kind of character.
    ids.addAll(ShortTexts.upToThree("az09-A_.é "));
    for (String id : ids) {
      assertThat(SiteScanner.isSlug(id)).as("'%s'", id).isEqualTo(SLUG.matcher(id).matches());
    }
  }
}
