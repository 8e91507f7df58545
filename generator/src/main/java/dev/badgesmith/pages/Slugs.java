package dev.badgesmith.pages;

import dev.badgesmith.hash.Sha256;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Page names made from free text (tags, earners' URLs and DIDs): readable where they can be, and
 * never shared. Names that would collide, or that have no letter or digit to show, take a short
 * digest of their text, so each page's name depends on its own text alone, whatever else the site
 * holds, and no page ever takes another's.
 */
final class Slugs {
  private static final int MAX_LENGTH = 60;

  private Slugs() {}

  /**
   * One page name per text.
   *
   * @param prefix leads the name of a text with no letter or digit, as in {@code tag-1f2e3d4c}
   */
  static Map<String, String> assign(Collection<String> texts, String prefix) {
    return assign(texts, prefix, UnaryOperator.identity());
  }

  /**
   * @param shown the part of a text its readable name is made from, such as a URL without its
   *     scheme; the digest is of the whole text
   */
  static Map<String, String> assign(
      Collection<String> texts, String prefix, UnaryOperator<String> shown) {
    Map<String, List<String>> bySlug =
        texts.stream()
            .distinct()
            .sorted()
            .collect(
                Collectors.groupingBy(
                    t -> readable(shown.apply(t)), TreeMap::new, Collectors.toList()));
    Map<String, String> slugs = new TreeMap<>();
    bySlug.forEach(
        (slug, sharing) -> {
          for (String text : sharing) {
            if (slug.isEmpty()) {
              slugs.put(text, prefix + "-" + digest(text));
            } else if (sharing.size() > 1) {
              slugs.put(text, slug + "-" + digest(text));
            } else {
              slugs.put(text, slug);
            }
          }
        });
    return slugs;
  }

  /** Lower-case ASCII letters and digits, runs of anything else as one {@code -}. */
  static String readable(String text) {
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (plain.length() > MAX_LENGTH) {
      plain = plain.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return plain;
  }

  private static String digest(String text) {
    return HexFormat.of().formatHex(Sha256.of(text), 0, 4);
  }
}
