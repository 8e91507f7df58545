package dev.badgesmith.pages;

/**
 * One piece of evidence on an award page.
 *
 * @param url an http(s) link, or null
 * @param narrativeHtml the narrative rendered from Markdown, or null
 */
public record EvidenceView(
    String name,
    String url,
    String description,
    String narrativeHtml,
    String genre,
    String audience) {}
