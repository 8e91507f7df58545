package dev.badgesmith.pages;

import dev.badgesmith.json.Ob2Documents;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Revocation;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The views of what machines read: the Atom feed and the sitemap. */
final class FeedViews {
  /** How many entries the feed holds: the newest, so it stays small on a large site. */
  private static final int FEED_ENTRIES = 100;

  private final ViewContext context;
  private final Site site;
  private final SiteLayout layout;

  FeedViews(ViewContext context) {
    this.context = context;
    this.site = context.site();
    this.layout = context.layout();
  }

  /** The Atom feed: each award, and each revocation, newest first. */
  FeedView feed() {
    // Entries are dated to the second, as the feed shows them. Only those as new as the
    // FEED_ENTRIES-th newest are built: a large site has thousands of awards.
    record Dated(Instant at, Award award, boolean revocation) {}
    List<Dated> dated = new ArrayList<>();
    for (Award award : site.awards()) {
      dated.add(new Dated(second(award.issuedOn()), award, false));
      award
          .revocation()
          .ifPresent(r -> dated.add(new Dated(second(revoked(award, r)), award, true)));
    }
    dated.sort(Comparator.comparing(Dated::at).reversed());
    Instant oldest =
        dated.isEmpty() ? Instant.MIN : dated.get(Math.min(FEED_ENTRIES, dated.size()) - 1).at();
    record Entry(Instant at, FeedEntryView view) {}
    List<FeedEntryView> newest =
        dated.stream()
            .takeWhile(d -> !d.at().isBefore(oldest))
            .map(d -> new Entry(d.at(), feedEntry(d.award(), d.revocation())))
            .sorted(Comparator.comparing(Entry::at).reversed().thenComparing(e -> e.view().id()))
            .limit(FEED_ENTRIES)
            .map(Entry::view)
            .toList();
    String updated = newest.isEmpty() ? "2000-01-01T00:00:00Z" : newest.get(0).updated();
    return new FeedView(
        site.settings().title(),
        layout.home().url(),
        layout.feed().url(),
        updated,
        site.issuer(site.settings().defaultIssuer())
            .map(Issuer::name)
            .orElse(site.settings().title()),
        newest);
  }

  private FeedEntryView feedEntry(Award award, boolean revocation) {
    BadgeClass badge = site.badge(award.badgeId()).orElseThrow();
    String who = award.recipient().name().orElse(null);
    String page = layout.awardPage(award).url();
    if (!revocation) {
      return new FeedEntryView(
          page,
          who == null
              ? context.text("feed.awarded", badge.name())
              : context.text("feed.awardedTo", badge.name(), who),
          page,
          Ob2Documents.dateTime(award.issuedOn()),
          badge.description());
    }
    Revocation r = award.revocation().orElseThrow();
    return new FeedEntryView(
        page + "#revoked",
        who == null
            ? context.text("feed.revoked", badge.name())
            : context.text("feed.revokedFrom", badge.name(), who),
        page,
        Ob2Documents.dateTime(revoked(award, r)),
        r.reason());
  }

  /** When a revocation took effect: its date's start, else the award's own date. */
  private OffsetDateTime revoked(Award award, Revocation revocation) {
    return revocation
        .date()
        .map(d -> d.atStartOfDay(site.settings().timeZone()).toOffsetDateTime())
        .orElse(award.issuedOn());
  }

  /** A time as the feed writes it: to the second. */
  private static Instant second(OffsetDateTime time) {
    return time.toInstant().truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * The pages search engines may list: home, skills, tags, issuers and criteria; award and earner
   * pages (standing awards only) and the recognition page when the site lets them be indexed.
   */
  SitemapView sitemap() {
    List<String> urls = new ArrayList<>();
    urls.add(layout.home().url());
    if (context.hasSkills()) {
      urls.add(layout.skills().url());
      // Unless it names earners, as their own pages are kept out unless the site lets them in.
      if (site.settings().pages().indexAwards() || !new SkillSearchViews(context).namesEarners()) {
        urls.add(layout.skillsSearch().url());
      }
    }
    context.tagSlugs().values().stream().sorted().forEach(t -> urls.add(layout.tagPage(t).url()));
    site.issuers().forEach(i -> urls.add(layout.issuerPage(i.id()).url()));
    site.badges().forEach(b -> urls.add(layout.badgePage(b.id()).url()));
    site.badges().stream()
        .filter(BadgeClass::isStack)
        .forEach(b -> urls.add(layout.pathwayPage(b.id()).url()));
    if (site.settings().pages().indexAwards()) {
      site.awards().stream()
          .filter(a -> !a.revoked())
          .forEach(a -> urls.add(layout.awardPage(a).url()));
      context.earnerSlugs().values().stream()
          .sorted()
          .distinct()
          .forEach(e -> urls.add(layout.earnerPage(e).url()));
      if (site.settings().pages().recognition()) {
        urls.add(layout.recognition().url());
      }
    }
    if (!site.settings().multilingual()) {
      return new SitemapView(urls, List.of());
    }
    // Each page in every language, each naming all its languages, itself included, as search
    // engines read alternates from a sitemap.
    List<SitemapEntryView> entries = new ArrayList<>();
    for (String url : urls) {
      List<LanguageLinkView> languages = context.languages(url);
      languages.forEach(l -> entries.add(new SitemapEntryView(l.url(), languages)));
    }
    return new SitemapView(entries.stream().map(SitemapEntryView::url).toList(), entries);
  }
}
