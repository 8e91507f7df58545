package dev.badgesmith.pages;

/**
 * What a link preview shows (Open Graph, Twitter card): every URL absolute.
 *
 * @param image the 1200x630 social card
 */
public record SocialView(
    String title, String description, String url, String image, String imageAlt) {}
