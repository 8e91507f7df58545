package dev.badgesmith.pages;

import java.util.List;

/**
 * The Atom feed of a site: its newest awards and revocations.
 *
 * @param id the feed's id: the site's home URL
 * @param updated when the newest entry happened, as an RFC 3339 date-time
 * @param author who publishes the feed: the site's default issuer
 */
public record FeedView(
    String title,
    String id,
    String selfUrl,
    String updated,
    String author,
    List<FeedEntryView> entries) {

  public FeedView {
    entries = List.copyOf(entries);
  }
}
