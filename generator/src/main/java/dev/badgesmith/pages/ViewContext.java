package dev.badgesmith.pages;

import dev.badgesmith.markdown.MarkdownRenderer;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import freemarker.template.TemplateMethodModelEx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the views of every page kind share: the site, its layout, its tags and earner pages, and the
 * pieces several pages show alike (the frame, a badge class's summary, links).
 */
final class ViewContext {
  static final Comparator<String> BY_TEXT =
      Comparator.comparing((String t) -> t.toLowerCase(Locale.ROOT)).thenComparing(t -> t);

  private final Site site;
  private final SiteLayout layout;
  private final MarkdownRenderer markdown;
  private final Instant buildDate;
  private final Messages messages;
  private final TemplateMethodModelEx t;
  private final TemplateMethodModelEx date;
  // Grouped once: asking the site per badge would scan every award for every badge.
  private final Map<String, List<Award>> awardsByBadge;

  /** Each tag's page name, by the tag's folded form: "Rust" and "rust" are one tag. */
  private final Map<String, String> tagSlugs;

  /** Each tag as first written, by its folded form, in the order of the filter. */
  private final Map<String, String> tagTexts;

  /** Each earner page's name, by the URL or DID it is for; empty unless the site has them. */
  private final Map<String, String> earnerSlugs;

  // What every page but the linked ones shows alike, made once rather than for each award page.
  private final String direction;
  private final List<NavItemView> navElsewhere;

  /**
   * @param buildDate the date the pages take as now: an award whose expiry is before it has expired
   */
  ViewContext(Site site, MarkdownRenderer markdown, Instant buildDate, Messages messages) {
    this.site = site;
    this.messages = messages;
    this.t = TemplateMessages.text(messages);
    this.date = TemplateMessages.date(messages);
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
    this.direction = TextDirection.of(messages.language());
    this.navElsewhere = List.copyOf(navItems(null));
  }

  /** The words of the language the pages are rendered in: the one place that says which. */
  Messages messages() {
    return messages;
  }

  /** The BCP 47 tag of the pages' language. */
  String language() {
    return messages.language();
  }

  /** A message of the page's language. */
  String text(String key, Object... args) {
    return messages.text(key, args);
  }

  /** The templates' {@code frame.t}. */
  TemplateMethodModelEx t() {
    return t;
  }

  /** The templates' {@code frame.date}. */
  TemplateMethodModelEx date() {
    return date;
  }

  Site site() {
    return site;
  }

  SiteLayout layout() {
    return layout;
  }

  MarkdownRenderer markdown() {
    return markdown;
  }

  static String fold(String tag) {
    return tag.strip().toLowerCase(Locale.ROOT);
  }

  /** Each tag as first written, by its folded form, in the order of the filter. */
  Map<String, String> tagTexts() {
    return tagTexts;
  }

  /** The page of a tag, by its folded form. */
  SiteUrl tagPage(String foldedTag) {
    return layout.tagPage(tagSlugs.get(foldedTag));
  }

  /** Each tag's page name, by the tag's folded form. */
  Map<String, String> tagSlugs() {
    return tagSlugs;
  }

  /** Each earner page's name, by the URL or DID it is for. */
  Map<String, String> earnerSlugs() {
    return earnerSlugs;
  }

  BadgeSummaryView summary(BadgeClass badge) {
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
  List<LinkView> tagLinks(BadgeClass badge) {
    return badge.tags().stream()
        .map(ViewContext::fold)
        .distinct()
        .map(t -> new LinkView(tagTexts.get(t), tagPage(t).url()))
        .toList();
  }

  boolean hasSkills() {
    return site.hasAlignments();
  }

  /** The earner page of an award's recipient, or null. */
  String earnerUrl(Award award) {
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

  /** Expired before the build date; a revoked award says so instead. */
  boolean expired(Award award) {
    return !award.revoked()
        && award.expires().map(e -> e.toInstant().isBefore(buildDate)).orElse(false);
  }

  /** In model order: groupingBy keeps the order of each group's elements. */
  List<Award> awardsOf(BadgeClass badge) {
    return awardsByBadge.getOrDefault(badge.id(), List.of());
  }

  LinkView badgeLink(String badgeId) {
    String name =
        site.badge(badgeId)
            .map(BadgeClass::name)
            .orElseThrow(() -> new IllegalStateException("unknown badge: " + badgeId));
    return new LinkView(name, layout.badgePage(badgeId).url());
  }

  FrameView frame(String title, String description, SiteUrl page, String jsonUrl) {
    return frameView(
        language(),
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

  /**
   * A frame in this context's language: its direction, and the page in each of the site's
   * languages, found from its canonical URL (none for a page served at many URLs, the 404 page).
   */
  FrameView frameView(
      String language,
      String title,
      String description,
      String siteTitle,
      String homeUrl,
      String stylesheetUrl,
      String canonicalUrl,
      String jsonUrl,
      String feedUrl,
      String robots,
      SocialView social,
      List<NavItemView> nav) {
    return new FrameView(
        language,
        title,
        description,
        siteTitle,
        homeUrl,
        stylesheetUrl,
        canonicalUrl,
        jsonUrl,
        feedUrl,
        robots,
        social,
        nav,
        t,
        date,
        language.equals(messages.language()) ? direction : TextDirection.of(language),
        canonicalUrl == null ? List.of() : languages(canonicalUrl));
  }

  /** The page at {@code url} in each of the site's languages; empty on a site with one. */
  List<LanguageLinkView> languages(String url) {
    if (!site.settings().multilingual()) {
      return List.of();
    }
    String base = site.settings().baseUrl();
    SiteUrl page = new SiteUrl(base, url.substring(base.length()));
    List<LanguageLinkView> links = new ArrayList<>();
    for (String language : site.settings().languages()) {
      links.add(
          new LanguageLinkView(
              language,
              languageName(language),
              layout.inLanguage(page, language).url(),
              language.equals(site.settings().language())));
    }
    return links;
  }

  /** A language's name in itself, capitalised as a menu item starts: "Deutsch", "Français". */
  static String languageName(String language) {
    Locale locale = Locale.forLanguageTag(language);
    String name = locale.getDisplayName(locale);
    if (name.isEmpty()) {
      return language;
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first).toUpperCase(locale) + name.substring(first);
  }

  /**
   * The site's main links: its badges, its skills index and recognition page when it has them, the
   * verify page.
   */
  List<NavItemView> nav(SiteUrl page) {
    boolean linked =
        page != null
            && (page.equals(layout.home())
                || page.equals(layout.skills())
                || page.equals(layout.recognition())
                || page.equals(layout.verifyPage()));
    return linked ? navItems(page) : navElsewhere;
  }

  private List<NavItemView> navItems(SiteUrl page) {
    List<NavItemView> nav = new ArrayList<>();
    nav.add(new NavItemView(text("nav.badges"), layout.home().url(), layout.home().equals(page)));
    if (hasSkills()) {
      nav.add(
          new NavItemView(text("nav.skills"), layout.skills().url(), layout.skills().equals(page)));
    }
    if (site.settings().pages().recognition()) {
      nav.add(
          new NavItemView(
              text("nav.recognition"),
              layout.recognition().url(),
              layout.recognition().equals(page)));
    }
    nav.add(
        new NavItemView(
            text("nav.verify"), layout.verifyPage().url(), layout.verifyPage().equals(page)));
    return nav;
  }

  /**
   * An outside URL, or null when it is not http(s). Validation already insists on that; this second
   * guard is because escaping makes text safe but not a {@code javascript:} href.
   */
  static String webUrl(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
  }

  static String imageAlt(BadgeClass badge) {
    return badge.imageAlt().orElse(badge.name());
  }
}
