package dev.badgesmith.pages;

import java.util.List;

/**
 * One earner on the recognition page.
 *
 * @param rank 1 for the first; earners equal on live badges and pathways share one
 * @param name the display name of their newest award that gives one, or null
 * @param identifier the URL or DID their awards name
 * @param identifierUrl the identifier as a link, when it is an http(s) URL, else null
 * @param earnerPageUrl their earner page, when the site publishes earner pages, else null
 * @param newest their newest live awards, newest first
 */
public record RecognitionEarnerView(
    int rank,
    String name,
    String identifier,
    String identifierUrl,
    String earnerPageUrl,
    int liveBadges,
    int completedPathways,
    int currentStreak,
    int longestStreak,
    List<RecognitionAwardView> newest) {

  public RecognitionEarnerView {
    newest = List.copyOf(newest);
  }
}
