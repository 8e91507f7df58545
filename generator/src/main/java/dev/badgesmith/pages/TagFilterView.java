package dev.badgesmith.pages;

/**
 * One choice of the gallery's filter by tag: a static page per tag, so it needs no script.
 *
 * @param text the tag, or "All badges" for the unfiltered gallery
 * @param url the gallery of that tag
 * @param count how many badge classes carry it
 * @param current whether it is the tag being shown
 */
public record TagFilterView(String text, String url, int count, boolean current) {}
