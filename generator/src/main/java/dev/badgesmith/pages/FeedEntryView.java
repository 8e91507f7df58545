package dev.badgesmith.pages;

/** One entry of the feed: an award, or its revocation. */
public record FeedEntryView(String id, String title, String url, String updated, String summary) {}
