package dev.badgesmith.pages;

/** A link: its text and its absolute URL (null for text that links nowhere). */
public record LinkView(String text, String url) {}
