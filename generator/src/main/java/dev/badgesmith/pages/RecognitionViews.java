package dev.badgesmith.pages;

import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import dev.badgesmith.recognition.RecognitionBoard;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/** The view of the recognition page, from the site's {@link RecognitionBoard}. */
final class RecognitionViews {
  private final ViewContext context;
  private final Site site;
  private final SiteLayout layout;
  private final Instant buildDate;

  RecognitionViews(ViewContext context, Instant buildDate) {
    this.context = context;
    this.site = context.site();
    this.layout = context.layout();
    this.buildDate = buildDate;
  }

  /** The page, or null when the site does not publish one. */
  RecognitionPageView page() {
    if (!site.settings().pages().recognition()) {
      return null;
    }
    RecognitionBoard board = RecognitionBoard.of(site, buildDate);
    SiteUrl page = layout.recognition();
    String title = site.settings().title();
    FrameView frame =
        context.frameView(
            context.language(),
            context.text("recognition.title", title),
            context.text("recognition.description", title),
            title,
            layout.home().url(),
            layout.stylesheet().url(),
            page.url(),
            null,
            layout.feed().url(),
            // It names people, as earner pages do.
            site.settings().pages().indexAwards() ? null : "noindex",
            null,
            context.nav(page));
    Map<String, String> shown = new HashMap<>();
    board.earners().forEach(e -> shown.put(e.id(), e.name().orElse(e.id())));
    return new RecognitionPageView(
        frame,
        PageDates.date(board.asOf()),
        board.zone().getId(),
        // The page states the rules in its language; recognition.json keeps the board's own words.
        IntStream.rangeClosed(1, RecognitionBoard.RULES.size())
            .mapToObj(i -> context.text("recognition.rule." + i))
            .toList(),
        board.earners().stream()
            .map(
                e ->
                    new RecognitionEarnerView(
                        e.rank(),
                        e.name().orElse(null),
                        e.id(),
                        ViewContext.webUrl(e.id()),
                        earnerPage(e.id()),
                        e.liveBadges(),
                        e.completedPathways(),
                        e.currentStreak(),
                        e.longestStreak(),
                        e.newest().stream().map(a -> award(a, shown)).toList()))
            .toList(),
        board.newest().stream().map(a -> award(a, shown)).toList(),
        layout.recognitionJson().url());
  }

  /** The earner page of a URL or DID, or null when the site has none. */
  String earnerPage(String id) {
    String slug = context.earnerSlugs().get(id);
    return slug == null ? null : layout.earnerPage(slug).url();
  }

  private RecognitionAwardView award(Award award, Map<String, String> shown) {
    BadgeClass badge = site.badge(award.badgeId()).orElseThrow();
    return new RecognitionAwardView(
        shown.get(award.recipient().publicId().orElseThrow()),
        badge.name(),
        layout.badgeImage(badge).url(),
        ViewContext.imageAlt(badge),
        layout.awardPage(award).url(),
        PageDates.date(award.issuedOn()));
  }
}
