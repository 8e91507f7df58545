package dev.badgesmith.pages;

import java.util.List;

/**
 * A page of the sitemap, with the same page in each of the site's languages.
 *
 * @param url the page
 * @param languages the page in each language, the default first
 */
public record SitemapEntryView(String url, List<LanguageLinkView> languages) {
  public SitemapEntryView {
    languages = List.copyOf(languages);
  }
}
