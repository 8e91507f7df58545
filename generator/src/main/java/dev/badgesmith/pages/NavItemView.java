package dev.badgesmith.pages;

/**
 * A link of the site's navigation.
 *
 * @param current whether it leads to the page being shown ({@code aria-current="page"})
 */
public record NavItemView(String text, String url, boolean current) {}
