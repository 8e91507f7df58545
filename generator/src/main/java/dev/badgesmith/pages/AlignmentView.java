package dev.badgesmith.pages;

/**
 * An alignment of a badge class; the optional parts are null when absent.
 *
 * @param url the target's URL, or null when it is not a web URL
 */
public record AlignmentView(
    String name, String url, String description, String framework, String code) {}
