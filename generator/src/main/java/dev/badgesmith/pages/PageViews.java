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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
  private static final Comparator<String> BY_TEXT =
      Comparator.comparing((String t) -> t.toLowerCase(Locale.ROOT)).thenComparing(t -> t);

  private final Site site;
  private final SiteLayout layout;
  private final MarkdownRenderer markdown;
  private final Instant buildDate;
  // Grouped once: asking the site per badge would scan every award for every badge.
  private final Map<String, List<Award>> awardsByBadge;

  /** Each tag's page name, by the tag's folded form: "Rust" and "rust" are one tag. */
  private final Map<String, String> tagSlugs;

  /** Each tag as first written, by its folded form, in the order of the filter. */
  private final Map<String, String> tagTexts;

  /** Each earner page's name, by the URL or DID it is for; empty unless the site has them. */
  private final Map<String, String> earnerSlugs;

  /**
   * @param buildDate the date the pages take as now: an award whose expiry is before it has expired
   */
  PageViews(Site site, MarkdownRenderer markdown, Instant buildDate) {
    this.site = site;
    this.layout = new SiteLayout(site.settings());
    this.markdown = markdown;
    this.buildDate = buildDate;
    this.awardsByBadge =
        site.awards().stream().collect(Collectors.groupingBy(Award::badgeId, Collectors.toList()));
    Map<String, String> texts = new TreeMap<>(BY_TEXT);
    for (BadgeClass badge : site.badges()) {
      for (String tag : badge.tags()) {
        texts.putIfAbsent(fold(tag), tag);
      }
    }
    this.tagTexts = texts;
    this.tagSlugs = Slugs.assign(texts.keySet(), "tag");
    this.earnerSlugs =
        site.settings().pages().earnerPages()
            ? Slugs.assign(
                site.awards().stream()
                    .filter(a -> !a.revoked())
                    .flatMap(a -> a.recipient().publicId().stream())
                    .toList(),
                "earner",
                id -> id.replaceFirst("^(?i)https?://", ""))
            : Map.of();
  }

  SiteLayout layout() {
    return layout;
  }

  private static String fold(String tag) {
    return tag.strip().toLowerCase(Locale.ROOT);
  }

  IndexView index() {
    String title = site.settings().title();
    String description = site.settings().description().orElse(null);
    FrameView frame = frame(title, description, layout.home(), null);
    return new IndexView(
        frame,
        title,
        description,
        site.badges().stream().map(this::summary).toList(),
        tagFilter(null),
        site.issuers().stream()
            .map(i -> new LinkView(i.name(), layout.issuerPage(i.id()).url()))
            .toList(),
        hasSkills() ? layout.skills().url() : null);
  }

  private BadgeSummaryView summary(BadgeClass badge) {
    int standing = (int) awardsOf(badge).stream().filter(a -> !a.revoked()).count();
    return new BadgeSummaryView(
        badge.name(),
        badge.description(),
        layout.badgeImage(badge).url(),
        imageAlt(badge),
        layout.badgePage(badge.id()).url(),
        standing,
        tagLinks(badge));
  }

  /** A badge class's tags, each linked to its gallery. */
  private List<LinkView> tagLinks(BadgeClass badge) {
    return badge.tags().stream()
        .map(PageViews::fold)
        .distinct()
        .map(t -> new LinkView(tagTexts.get(t), layout.tagPage(tagSlugs.get(t)).url()))
        .toList();
  }

  /** The filter: "All badges", then each tag with how many badge classes carry it. */
  private List<TagFilterView> tagFilter(String currentTag) {
    List<TagFilterView> filter = new ArrayList<>();
    if (tagTexts.isEmpty()) {
      return filter;
    }
    filter.add(
        new TagFilterView(
            "All badges", layout.home().url(), site.badges().size(), currentTag == null));
    for (String tag : tagTexts.keySet()) {
      filter.add(
          new TagFilterView(
              tagTexts.get(tag),
              layout.tagPage(tagSlugs.get(tag)).url(),
              badgesTagged(tag).size(),
              tag.equals(currentTag)));
    }
    return filter;
  }

  private List<BadgeClass> badgesTagged(String foldedTag) {
    return site.badges().stream()
        .filter(b -> b.tags().stream().map(PageViews::fold).anyMatch(foldedTag::equals))
        .toList();
  }

  /** One gallery page per tag, as {@code tags/<slug>/} to its view. */
  Map<SiteUrl, TagPageView> tagPages() {
    Map<SiteUrl, TagPageView> pages = new java.util.LinkedHashMap<>();
    for (String tag : tagTexts.keySet()) {
      String text = tagTexts.get(tag);
      SiteUrl page = layout.tagPage(tagSlugs.get(tag));
      FrameView frame =
          frame(
              "Badges tagged “" + text + "” – " + site.settings().title(),
              "The badges of " + site.settings().title() + " tagged " + text + ".",
              page,
              null);
      pages.put(
          page,
          new TagPageView(
              frame, text, badgesTagged(tag).stream().map(this::summary).toList(), tagFilter(tag)));
    }
    return pages;
  }

  private boolean hasSkills() {
    return site.badges().stream().anyMatch(b -> !b.alignments().isEmpty());
  }

  /** The skills index, or null when no badge class aligns to a skill. */
  SkillsPageView skills() {
    if (!hasSkills()) {
      return null;
    }
    // Framework (null last), then the skill by its code, name and URL.
    record SkillKey(String code, String name, String url) {}
    Map<String, Map<SkillKey, List<BadgeClass>>> byFramework =
        new TreeMap<>(Comparator.nullsLast(BY_TEXT));
    Map<SkillKey, String> descriptions = new java.util.HashMap<>();
    for (BadgeClass badge : site.badges()) {
      for (Alignment a : badge.alignments()) {
        SkillKey key = new SkillKey(a.targetCode().orElse(""), a.targetName(), a.targetUrl());
        List<BadgeClass> badges =
            byFramework
                .computeIfAbsent(
                    a.targetFramework().orElse(null),
                    f ->
                        new TreeMap<>(
                            Comparator.comparing(SkillKey::code, BY_TEXT)
                                .thenComparing(SkillKey::name, BY_TEXT)
                                .thenComparing(SkillKey::url)))
                .computeIfAbsent(key, k -> new ArrayList<>());
        if (!badges.contains(badge)) {
          badges.add(badge);
        }
        a.targetDescription().ifPresent(d -> descriptions.putIfAbsent(key, d));
      }
    }
    List<FrameworkView> frameworks = new ArrayList<>();
    byFramework.forEach(
        (framework, skills) ->
            frameworks.add(
                new FrameworkView(
                    framework,
                    skills.entrySet().stream()
                        .map(
                            e ->
                                new SkillView(
                                    e.getKey().name(),
                                    webUrl(e.getKey().url()),
                                    e.getKey().code().isEmpty() ? null : e.getKey().code(),
                                    descriptions.get(e.getKey()),
                                    e.getValue().stream().map(b -> badgeLink(b.id())).toList()))
                        .toList())));
    FrameView frame =
        frame(
            "Skills – " + site.settings().title(),
            "The skills the badges of " + site.settings().title() + " recognise, by framework.",
            layout.skills(),
            null);
    return new SkillsPageView(frame, frameworks);
  }

  IssuerPageView issuerPage(Issuer issuer) {
    SiteUrl page = layout.issuerPage(issuer.id());
    String jsonUrl = layout.issuerJson(issuer.id()).url();
    FrameView frame =
        frame(
            issuer.name() + " – " + site.settings().title(),
            "Badges issued by " + issuer.name() + ".",
            page,
            jsonUrl);
    return new IssuerPageView(
        frame,
        issuer.name(),
        issuer.image().isPresent() ? layout.issuerImage(issuer).url() : null,
        issuer.description().map(d -> markdown.toHtml(d, 2)).orElse(null),
        webUrl(issuer.url()),
        jsonUrl,
        layout.revocationList(issuer.id()).url(),
        site.badges().stream()
            .filter(b -> b.issuerId().equals(issuer.id()))
            .map(this::summary)
            .toList());
  }

  /** Each earner's page, as {@code earners/<slug>/} to its view; none unless the site opts in. */
  Map<SiteUrl, EarnerPageView> earnerPages() {
    Map<String, List<Award>> byEarner = new TreeMap<>();
    for (Award award : site.awards()) {
      Optional<String> id = award.recipient().publicId();
      if (id.isPresent() && earnerSlugs.containsKey(id.get()) && !award.revoked()) {
        byEarner.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(award);
      }
    }
    Map<SiteUrl, EarnerPageView> pages = new java.util.LinkedHashMap<>();
    byEarner.forEach(
        (id, awards) -> {
          List<Award> newest =
              awards.stream()
                  .sorted(
                      Comparator.comparing((Award a) -> a.issuedOn().toInstant())
                          .reversed()
                          .thenComparing(Award::badgeId)
                          .thenComparing(Award::id))
                  .toList();
          String name =
              newest.stream().flatMap(a -> a.recipient().name().stream()).findFirst().orElse(null);
          SiteUrl page = layout.earnerPage(earnerSlugs.get(id));
          String shown = name != null ? name : id;
          FrameView frame =
              new FrameView(
                  site.settings().language(),
                  shown + " – " + site.settings().title(),
                  "The badges " + shown + " earned at " + site.settings().title() + ".",
                  site.settings().title(),
                  layout.home().url(),
                  layout.stylesheet().url(),
                  page.url(),
                  null,
                  layout.feed().url(),
                  site.settings().pages().indexAwards() ? null : "noindex",
                  null,
                  nav(page));
          pages.put(
              page,
              new EarnerPageView(
                  frame, name, id, webUrl(id), newest.stream().map(this::earnerAward).toList()));
        });
    return pages;
  }

  private EarnerAwardView earnerAward(Award award) {
    BadgeClass badge = site.badge(award.badgeId()).orElseThrow();
    Issuer issuer = site.issuer(badge.issuerId()).orElseThrow();
    return new EarnerAwardView(
        badge.name(),
        layout.awardPage(award).url(),
        layout.badgePage(badge.id()).url(),
        layout.badgeImage(badge).url(),
        imageAlt(badge),
        new LinkView(issuer.name(), layout.issuerPage(issuer.id()).url()),
        date(award.issuedOn()),
        award.expires().map(PageViews::date).orElse(null),
        expired(award),
        award.narrative().map(n -> markdown.toHtml(n, 4)).orElse(null));
  }

  /** The earner page of an award's recipient, or null. */
  private String earnerUrl(Award award) {
    if (award.revoked()) {
      return null;
    }
    return award
        .recipient()
        .publicId()
        .map(earnerSlugs::get)
        .map(slug -> layout.earnerPage(slug).url())
        .orElse(null);
  }

  /** What an award's page depends on beyond its own inputs: see {@link PageRenderer.AwardPages}. */
  String awardPageContext(Award award) {
    return "expired=" + expired(award) + " earner=" + earnerUrl(award);
  }

  /** Expired before the build date; a revoked award says so instead. */
  private boolean expired(Award award) {
    return !award.revoked()
        && award.expires().map(e -> e.toInstant().isBefore(buildDate)).orElse(false);
  }

  NotFoundView notFound() {
    FrameView frame =
        new FrameView(
            site.settings().language(),
            "Page not found – " + site.settings().title(),
            null,
            site.settings().title(),
            layout.home().url(),
            layout.stylesheet().url(),
            null,
            null,
            layout.feed().url(),
            "noindex",
            null,
            nav(null));
    return new NotFoundView(frame);
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
    boolean listEarners = site.settings().pages().listEarners();
    return new BadgePageView(
        frame,
        language,
        badge.name(),
        badge.description(),
        layout.badgeImage(badge).url(),
        imageAlt(badge),
        // Under the page's "Criteria" heading (h2): the criteria's own headings start at h3.
        markdown.toHtml(badge.criteria(), 3),
        new LinkView(issuer.name(), webUrl(issuer.url())),
        layout.issuerJson(issuer.id()).url(),
        tagLinks(badge),
        badge.alignments().stream().map(PageViews::alignment).toList(),
        badge.requires().stream().map(this::badgeLink).toList(),
        badge.validFor().map(PageViews::expiry).orElse(null),
        jsonUrl,
        listEarners ? awardsOf(badge).stream().map(this::awardRow).toList() : List.of(),
        layout.issuerPage(issuer.id()).url(),
        site.badges().stream()
            .filter(b -> b.requires().contains(badge.id()))
            .map(b -> badgeLink(b.id()))
            .toList(),
        listEarners);
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
            null,
            nav(page));
    boolean dataIntegrity =
        site.settings().signing().flatMap(s -> s.dataIntegrityKey()).isPresent();
    return new VerifyPageView(
        frame,
        title,
        layout.verifyScript().relativeFrom(page),
        layout.verifyData().relativeFrom(page),
        dataIntegrity
            ? List.of(
                layout.verifyLibrary().relativeFrom(page),
                layout.verifyContexts().relativeFrom(page))
            : List.of(),
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
        null,
        nav(page));
  }

  /** The site's main links: its badges, its skills index when it has one, the verify page. */
  private List<NavItemView> nav(SiteUrl page) {
    List<NavItemView> nav = new ArrayList<>();
    nav.add(new NavItemView("Badges", layout.home().url(), layout.home().equals(page)));
    if (hasSkills()) {
      nav.add(new NavItemView("Skills", layout.skills().url(), layout.skills().equals(page)));
    }
    nav.add(new NavItemView("Verify", layout.verifyPage().url(), layout.verifyPage().equals(page)));
    return nav;
  }

  /** How many entries the feed holds: the newest, so it stays small on a large site. */
  static final int FEED_ENTRIES = 100;

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
    String who = award.recipient().name().map(n -> " to " + n).orElse("");
    String page = layout.awardPage(award).url();
    if (!revocation) {
      return new FeedEntryView(
          page,
          badge.name() + " awarded" + who,
          page,
          Ob2Documents.dateTime(award.issuedOn()),
          badge.description());
    }
    Revocation r = award.revocation().orElseThrow();
    return new FeedEntryView(
        page + "#revoked",
        badge.name() + " revoked" + (who.isEmpty() ? "" : " (awarded" + who + ")"),
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
    return time.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  /**
   * The pages search engines may list: home, skills, tags, issuers and criteria; award and earner
   * pages (standing awards only) when the site lets them be indexed.
   */
  SitemapView sitemap() {
    List<String> urls = new ArrayList<>();
    urls.add(layout.home().url());
    if (hasSkills()) {
      urls.add(layout.skills().url());
    }
    tagSlugs.values().stream().sorted().forEach(t -> urls.add(layout.tagPage(t).url()));
    site.issuers().forEach(i -> urls.add(layout.issuerPage(i.id()).url()));
    site.badges().forEach(b -> urls.add(layout.badgePage(b.id()).url()));
    if (site.settings().pages().indexAwards()) {
      site.awards().stream()
          .filter(a -> !a.revoked())
          .forEach(a -> urls.add(layout.awardPage(a).url()));
      earnerSlugs.values().stream()
          .sorted()
          .distinct()
          .forEach(e -> urls.add(layout.earnerPage(e).url()));
    }
    return new SitemapView(urls);
  }

  /**
   * An award's page. Search engines are kept off it, as it names a person, unless the site lets
   * them index award pages; a revoked award's page is never indexed. Besides the award, its badge
   * class, its issuer and the site's settings, it shows only its {@link #awardPageContext context}:
   * the renderer skips an award whose inputs did not change.
   */
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
            site.settings().pages().indexAwards() && !award.revoked() ? null : "noindex",
            social,
            nav(page));
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
        // Under the page's "What was done" heading (h2).
        award.narrative().map(n -> markdown.toHtml(n, 3)).orElse(null),
        award.evidence().stream().map(this::evidence).toList(),
        downloads(award, badge),
        award.revoked() ? null : linkedIn(award, badge, issuer, page),
        layout.issuerPage(issuer.id()).url(),
        expired(award),
        earnerUrl(award),
        layout.verifyPage().url());
  }

  private EvidenceView evidence(dev.badgesmith.model.Evidence e) {
    return new EvidenceView(
        e.name().orElse(null),
        e.url().map(PageViews::webUrl).orElse(null),
        e.description().orElse(null),
        e.narrative().map(n -> markdown.toHtml(n, 3)).orElse(null),
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
        layout.awardPage(award).url(),
        expired(award),
        earnerUrl(award));
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
