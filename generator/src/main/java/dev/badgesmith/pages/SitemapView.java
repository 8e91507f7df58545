package dev.badgesmith.pages;

import java.util.List;

/**
 * The sitemap: the pages search engines may list.
 *
 * @param urls home, skills, tag, issuer and criteria pages; award and earner pages too when the
 *     site lets search engines index them
 */
public record SitemapView(List<String> urls) {

  public SitemapView {
    urls = List.copyOf(urls);
  }
}
