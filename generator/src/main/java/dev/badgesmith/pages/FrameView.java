package dev.badgesmith.pages;

import freemarker.template.TemplateMethodModelEx;
import java.util.List;

/**
 * What the page frame ({@code layout.ftlh}) needs on every page. Every URL is absolute.
 *
 * @param language the {@code lang} of the page
 * @param title the document title
 * @param description the meta description, or null
 * @param canonicalUrl the public URL of this page, or null for a page served at many URLs (404)
 * @param jsonUrl the Open Badges document this page describes, or null
 * @param feedUrl the site's Atom feed
 * @param robots the robots meta value (such as {@code noindex}), or null
 * @param social the Open Graph and Twitter card of the page, or null
 * @param nav the site's main links (home, skills), the current page's marked
 * @param t a message of the page's language: {@code ${frame.t("key", args...)}}
 * @param date an ISO day in the words of the page's language: {@code ${frame.date(issuedOn)}}
 * @param direction {@code ltr} or {@code rtl}: the writing direction of the page's language
 * @param languages the same page in each of the site's languages, the default first, for the {@code
 *     hreflang} alternates and the language switcher; empty on a site with one language
 */
public record FrameView(
    String language,
    String title,
    String description,
    String siteTitle,
    String homeUrl,
    String stylesheetUrl,
    String canonicalUrl,
    String jsonUrl,
    String feedUrl,
    String robots,
    SocialView social,
    List<NavItemView> nav,
    TemplateMethodModelEx t,
    TemplateMethodModelEx date,
    String direction,
    List<LanguageLinkView> languages) {

  public FrameView {
    nav = List.copyOf(nav);
    languages = List.copyOf(languages);
  }

  /** The same frame with another robots value. */
  public FrameView withRobots(String otherRobots) {
    return new FrameView(
        language,
        title,
        description,
        siteTitle,
        homeUrl,
        stylesheetUrl,
        canonicalUrl,
        jsonUrl,
        feedUrl,
        otherRobots,
        social,
        nav,
        t,
        date,
        direction,
        languages);
  }
}
