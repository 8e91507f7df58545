package dev.badgesmith.pages;

import dev.badgesmith.json.Ob2Documents;
import dev.badgesmith.markdown.MarkdownRenderer;
import dev.badgesmith.model.Alignment;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Revocation;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the template views of one site from its model. All URLs come from {@link SiteLayout}, so
 * templates never make one up, and every Optional becomes a value or null here, because templates
 * do not understand Optionals.
 *
 * <p>Links are absolute URLs ({@link SiteUrl#url()}), not root-relative ones: the site may be
 * served under a sub-path (https://user.github.io/repo/), where a root-relative link would point
 * outside it, and the same absolute URL is the {@code id} of the JSON documents, so a page and the
 * document it describes name each other alike. A local preview serves the site at a base URL of its
 * own.
 */
final class PageViews {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

  private final Site site;
  private final SiteLayout layout;
  private final MarkdownRenderer markdown;
  // Grouped once: asking the site per badge would scan every award for every badge.
  private final Map<String, List<Award>> awardsByBadge;

  PageViews(Site site, MarkdownRenderer markdown) {
    this.site = site;
    this.layout = new SiteLayout(site.settings());
    this.markdown = markdown;
    this.awardsByBadge =
        site.awards().stream().collect(Collectors.groupingBy(Award::badgeId, Collectors.toList()));
  }

  SiteLayout layout() {
    return layout;
  }

  IndexView index() {
    String title = site.settings().title();
    String description = site.settings().description().orElse(null);
    FrameView frame = frame(title, description, layout.home(), null);
    List<BadgeSummaryView> badges = new ArrayList<>();
    for (BadgeClass badge : site.badges()) {
      int standing = (int) awardsOf(badge).stream().filter(a -> !a.revoked()).count();
      badges.add(
          new BadgeSummaryView(
              badge.name(),
              badge.description(),
              layout.badgeImage(badge).url(),
              imageAlt(badge),
              layout.badgePage(badge.id()).url(),
              standing));
    }
    return new IndexView(frame, title, description, badges);
  }

  BadgePageView badgePage(BadgeClass badge) {
    Issuer issuer =
        site.issuer(badge.issuerId())
            .orElseThrow(() -> new IllegalStateException("unknown issuer: " + badge.issuerId()));
    String jsonUrl = layout.badgeJson(badge.id()).url();
    FrameView frame =
        frame(
            badge.name() + " – " + site.settings().title(),
            badge.description(),
            layout.badgePage(badge.id()),
            jsonUrl);
    String language =
        badge.language().filter(l -> !l.equals(site.settings().language())).orElse(null);
    return new BadgePageView(
        frame,
        language,
        badge.name(),
        badge.description(),
        layout.badgeImage(badge).url(),
        imageAlt(badge),
        markdown.toHtml(badge.criteria()),
        new LinkView(issuer.name(), webUrl(issuer.url())),
        layout.issuerJson(issuer.id()).url(),
        badge.tags(),
        badge.alignments().stream().map(PageViews::alignment).toList(),
        badge.requires().stream().map(this::badgeLink).toList(),
        badge.validFor().map(PageViews::expiry).orElse(null),
        jsonUrl,
        awardsOf(badge).stream().map(this::awardRow).toList());
  }

  /**
   * The verify page. What it loads (stylesheet, script, data) is linked relative to it, so that it
   * works from a saved copy of the site opened over file://.
   */
  VerifyPageView verifyPage() {
    SiteUrl page = layout.verifyPage();
    String title = "Verify a badge";
    FrameView frame =
        new FrameView(
            site.settings().language(),
            title + " – " + site.settings().title(),
            "Check a badge from " + site.settings().title() + " in your browser.",
            site.settings().title(),
            layout.home().url(),
            layout.stylesheet().relativeFrom(page),
            page.url(),
            null,
            layout.feed().url(),
            null,
            null);
    return new VerifyPageView(
        frame,
        title,
        layout.verifyScript().relativeFrom(page),
        layout.verifyData().relativeFrom(page),
        layout.home().url());
  }

  /** In model order: groupingBy keeps the order of each group's elements. */
  private List<Award> awardsOf(BadgeClass badge) {
    return awardsByBadge.getOrDefault(badge.id(), List.of());
  }

  private FrameView frame(String title, String description, SiteUrl page, String jsonUrl) {
    return new FrameView(
        site.settings().language(),
        title,
        description,
        site.settings().title(),
        layout.home().url(),
        layout.stylesheet().url(),
        page.url(),
        jsonUrl,
        layout.feed().url(),
        null,
        null);
  }

  /** How many entries the feed holds: the newest, so it stays small on a large site. */
  static final int FEED_ENTRIES = 100;

  /** The Atom feed: each award, and each revocation, newest first. */
  FeedView feed() {
    List<FeedEntryView> entries = new ArrayList<>();
    for (Award award : site.awards()) {
      BadgeClass badge = site.badge(award.badgeId()).orElseThrow();
      String who = award.recipient().name().map(n -> " to " + n).orElse("");
      String page = layout.awardPage(award).url();
      entries.add(
          new FeedEntryView(
              page,
              badge.name() + " awarded" + who,
              page,
              Ob2Documents.dateTime(award.issuedOn()),
              badge.description()));
      award
          .revocation()
          .ifPresent(
              r ->
                  entries.add(
                      new FeedEntryView(
                          page + "#revoked",
                          badge.name()
                              + " revoked"
                              + (who.isEmpty() ? "" : " (awarded" + who + ")"),
                          page,
                          Ob2Documents.dateTime(
                              r.date()
                                  .map(
                                      d ->
                                          d.atStartOfDay(site.settings().timeZone())
                                              .toOffsetDateTime())
                                  .orElse(award.issuedOn())),
                          r.reason())));
    }
    entries.sort(
        java.util.Comparator.comparing(
                (FeedEntryView e) -> java.time.OffsetDateTime.parse(e.updated()))
            .reversed()
            .thenComparing(FeedEntryView::id));
    List<FeedEntryView> newest = entries.subList(0, Math.min(FEED_ENTRIES, entries.size()));
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

  /** The pages search engines may list: the home page and the criteria pages. */
  List<String> sitemap() {
    List<String> urls = new ArrayList<>();
    urls.add(layout.home().url());
    site.badges().forEach(b -> urls.add(layout.badgePage(b.id()).url()));
    return urls;
  }

  /** An award's page: never indexed by search engines, it names a person. */
  AwardPageView awardPage(Award award) {
    BadgeClass badge = site.badge(award.badgeId()).orElseThrow();
    Issuer issuer = site.issuer(badge.issuerId()).orElseThrow();
    String title =
        badge.name()
            + award.recipient().name().map(n -> ", awarded to " + n).orElse("")
            + " – "
            + site.settings().title();
    SiteUrl page = layout.awardPage(award);
    SocialView social =
        new SocialView(
            badge.name() + award.recipient().name().map(n -> " – " + n).orElse(""),
            badge.description(),
            page.url(),
            layout.socialCard(badge).url(),
            badge.name() + ", by " + issuer.name());
    FrameView frame =
        new FrameView(
            site.settings().language(),
            title,
            badge.description(),
            site.settings().title(),
            layout.home().url(),
            layout.stylesheet().url(),
            page.url(),
            layout.ob2Assertion(award).url(),
            layout.feed().url(),
            "noindex",
            social);
    String image = award.revoked() ? layout.badgeImage(badge).url() : layout.bakedPng(award).url();
    return new AwardPageView(
        frame,
        badge.name(),
        badge.description(),
        layout.badgePage(badge.id()).url(),
        image,
        imageAlt(badge),
        award.recipient().name().orElse(null),
        new LinkView(issuer.name(), webUrl(issuer.url())),
        date(award.issuedOn()),
        award.expires().map(PageViews::date).orElse(null),
        award.revocation().map(Revocation::reason).orElse(null),
        award.revocation().flatMap(Revocation::date).map(DATE::format).orElse(null),
        award.narrative().map(markdown::toHtml).orElse(null),
        award.evidence().stream().map(this::evidence).toList(),
        downloads(award, badge),
        award.revoked() ? null : linkedIn(award, badge, issuer, page),
        layout.verifyPage().url());
  }

  private EvidenceView evidence(dev.badgesmith.model.Evidence e) {
    return new EvidenceView(
        e.name().orElse(null),
        e.url().map(PageViews::webUrl).orElse(null),
        e.description().orElse(null),
        e.narrative().map(markdown::toHtml).orElse(null),
        e.genre().orElse(null),
        e.audience().orElse(null));
  }

  /** The award's files: the baked badges to import, and the documents verifiers read. */
  private List<LinkView> downloads(Award award, BadgeClass badge) {
    Map<String, SiteUrl> documents = layout.awardDocuments(award, badge);
    List<LinkView> links = new ArrayList<>();
    // The images an earner imports come first, then what verifiers read.
    for (String kind :
        List.of(
            "ob2Png", "ob2Svg", "ob2Assertion", "ob3Credential", "ob3Jwt", "ob3Png", "ob3Svg")) {
      SiteUrl url = documents.get(kind);
      if (url != null) {
        links.add(new LinkView(label(kind), url.url()));
      }
    }
    return links;
  }

  private String label(String kind) {
    return switch (kind) {
      case "ob2Png" -> "Badge image (PNG, Open Badges 2.0)";
      case "ob2Svg" -> "Badge image (SVG, Open Badges 2.0)";
      case "ob2Assertion" ->
          layout.ob2Signed()
              ? "Open Badges 2.0 signed assertion (JWS)"
              : "Open Badges 2.0 assertion (JSON)";
      case "ob3Credential" -> "Open Badges 3.0 credential (JSON)";
      case "ob3Jwt" -> "Open Badges 3.0 credential (VC-JWT)";
      case "ob3Png" -> "Badge image (PNG, Open Badges 3.0)";
      case "ob3Svg" -> "Badge image (SVG, Open Badges 3.0)";
      default -> throw new IllegalArgumentException("no label for " + kind);
    };
  }

  /**
   * LinkedIn's "Add to profile" form, filled in: the certification, its organisation, the month and
   * year of issue and expiry, and the award page as the credential's URL.
   */
  private static String linkedIn(Award award, BadgeClass badge, Issuer issuer, SiteUrl page) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("startTask", "CERTIFICATION_NAME");
    fields.put("name", badge.name());
    fields.put("organizationName", issuer.name());
    fields.put("issueYear", Integer.toString(award.issuedOn().getYear()));
    fields.put("issueMonth", Integer.toString(award.issuedOn().getMonthValue()));
    award
        .expires()
        .ifPresent(
            e -> {
              fields.put("expirationYear", Integer.toString(e.getYear()));
              fields.put("expirationMonth", Integer.toString(e.getMonthValue()));
            });
    fields.put("certUrl", page.url());
    fields.put("certId", award.badgeId() + "/" + award.id());
    return "https://www.linkedin.com/profile/add?"
        + fields.entrySet().stream()
            .map(
                f ->
                    f.getKey()
                        + "="
                        + java.net.URLEncoder.encode(
                            f.getValue(), java.nio.charset.StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  private LinkView badgeLink(String badgeId) {
    String name =
        site.badge(badgeId)
            .map(BadgeClass::name)
            .orElseThrow(() -> new IllegalStateException("unknown badge: " + badgeId));
    return new LinkView(name, layout.badgePage(badgeId).url());
  }

  private AwardRowView awardRow(Award award) {
    return new AwardRowView(
        award.id(),
        award.recipient().name().orElse(null),
        date(award.issuedOn()),
        award.expires().map(PageViews::date).orElse(null),
        award.revoked(),
        award.revocation().flatMap(Revocation::date).map(DATE::format).orElse(null),
        layout.awardPage(award).url());
  }

  private static AlignmentView alignment(Alignment alignment) {
    return new AlignmentView(
        alignment.targetName(),
        webUrl(alignment.targetUrl()),
        alignment.targetDescription().orElse(null),
        alignment.targetFramework().orElse(null),
        alignment.targetCode().orElse(null));
  }

  /**
   * An outside URL, or null when it is not http(s). Validation already insists on that; this second
   * guard is because escaping makes text safe but not a {@code javascript:} href.
   */
  static String webUrl(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
  }

  private static String imageAlt(BadgeClass badge) {
    return badge.imageAlt().orElse(badge.name());
  }

  // The date as the award record wrote it (in its own offset), not as some other zone sees it.
  private static String date(OffsetDateTime time) {
    return DATE.format(time.toLocalDate());
  }

  /** {@code P2Y6M} reads "Each award expires 2 years and 6 months after it was issued." */
  static String expiry(Period period) {
    List<String> parts = new ArrayList<>();
    unit(parts, period.getYears(), "year");
    unit(parts, period.getMonths(), "month");
    unit(parts, period.getDays(), "day");
    if (parts.isEmpty()) {
      return "Each award expires on the day it was issued.";
    }
    String span;
    if (parts.size() == 1) {
      span = parts.get(0);
    } else {
      span =
          String.join(", ", parts.subList(0, parts.size() - 1))
              + " and "
              + parts.get(parts.size() - 1);
    }
    return "Each award expires " + span + " after it was issued.";
  }

  private static void unit(List<String> parts, int count, String unit) {
    if (count != 0) {
      // Integer.toString, not a locale-aware format: output must not depend on the machine.
      parts.add(Integer.toString(count) + " " + unit + (count == 1 ? "" : "s"));
    }
  }
}
