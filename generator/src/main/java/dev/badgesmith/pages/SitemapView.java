package dev.badgesmith.pages;

import java.util.List;

/**
 * The sitemap: the pages search engines may list.
 *
 * @param urls home, skills, tag, issuer and criteria pages; award and earner pages too when the
 *     site lets search engines index them; on a site in several languages, each in every language
 * @param entries on a site in several languages, each of those pages with its alternates ({@code
 *     xhtml:link}); empty on a site with one
 */
public record SitemapView(List<String> urls, List<SitemapEntryView> entries) {

  public SitemapView {
    urls = List.copyOf(urls);
    entries = List.copyOf(entries);
  }
}
