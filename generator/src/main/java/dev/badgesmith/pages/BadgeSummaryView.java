package dev.badgesmith.pages;

/**
 * One badge class in the list on the home page.
 *
 * @param awardCount how many awards of it stand (revoked ones do not count)
 */
public record BadgeSummaryView(
    String name,
    String description,
    String imageUrl,
    String imageAlt,
    String pageUrl,
    int awardCount) {}
