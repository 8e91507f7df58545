package dev.badgesmith.pages;

import java.util.List;

/**
 * The recognition page, on a site with {@code pages.recognition}.
 *
 * @param asOf the build date in the site's time zone ({@code yyyy-MM-dd}): what the board is as of
 * @param timeZone the site's time zone, which the streaks' months are in
 * @param rules the ranking rules, in the words {@code recognition.json} gives them
 * @param earners in rank order
 * @param newest the newest live awards of the earners listed, newest first
 * @param jsonUrl {@code recognition.json}
 */
public record RecognitionPageView(
    FrameView frame,
    String asOf,
    String timeZone,
    List<String> rules,
    List<RecognitionEarnerView> earners,
    List<RecognitionAwardView> newest,
    String jsonUrl) {

  public RecognitionPageView {
    rules = List.copyOf(rules);
    earners = List.copyOf(earners);
    newest = List.copyOf(newest);
  }
}
