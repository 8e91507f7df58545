package dev.badgesmith.pages;

/**
 * The page in one of the site's languages: a {@code hreflang} alternate and a link of the language
 * switcher.
 *
 * @param language the BCP 47 tag ({@code hreflang}, and {@code lang} of the link)
 * @param name the language's name in itself (Deutsch, العربية), as a reader looks for it
 * @param url the page in that language
 * @param current whether it is the page shown ({@code aria-current="page"})
 */
public record LanguageLinkView(String language, String name, String url, boolean current) {}
