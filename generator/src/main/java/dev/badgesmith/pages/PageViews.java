package dev.badgesmith.pages;

import dev.badgesmith.markdown.MarkdownRenderer;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds the template views of one site from its model, one page kind at a time: the site-wide
 * pages ({@link IndexViews}), badge class, issuer and earner pages ({@link BadgeViews}), award
 * pages ({@link AwardViews}) and the feed and sitemap ({@link FeedViews}), all from one {@link
 * ViewContext}. All URLs come from {@link SiteLayout}, so templates never make one up, and every
 * Optional becomes a value or null, because templates do not understand Optionals.
 *
 * <p>Links are absolute URLs ({@link SiteUrl#url()}), not root-relative ones: the site may be
 * served under a sub-path (https://user.github.io/repo/), where a root-relative link would point
 * outside it, and the same absolute URL is the {@code id} of the JSON documents, so a page and the
 * document it describes name each other alike. A local preview serves the site at a base URL of its
 * own.
 */
final class PageViews {
  private final ViewContext context;
  private final IndexViews indexes;
  private final BadgeViews badges;
  private final AwardViews awards;
  private final FeedViews feeds;
  private final PathwayViews pathways;
  private final RecognitionViews recognition;
  private final EndorsementViews endorsements;

  /**
   * @param buildDate the date the pages take as now: an award whose expiry is before it has expired
   * @param messages the words of the pages' language
   */
  PageViews(Site site, MarkdownRenderer markdown, Instant buildDate, Messages messages) {
    this.context = new ViewContext(site, markdown, buildDate, messages);
    this.indexes = new IndexViews(context);
    this.badges = new BadgeViews(context);
    this.awards = new AwardViews(context);
    this.feeds = new FeedViews(context);
    this.pathways = new PathwayViews(context);
    this.recognition = new RecognitionViews(context, buildDate);
    this.endorsements = new EndorsementViews(context);
  }

  SiteLayout layout() {
    return context.layout();
  }

  IndexView index() {
    return indexes.index();
  }

  /** One gallery page per tag, as {@code tags/<slug>/} to its view. */
  Map<SiteUrl, TagPageView> tagPages() {
    return indexes.tagPages();
  }

  /** The skills index, or null when no badge class aligns to a skill. */
  SkillsPageView skills() {
    return indexes.skills();
  }

  /** The skills search page, or null when no badge class aligns to a skill. */
  SkillSearchPageView skillSearch() {
    return context.hasSkills() ? new SkillSearchViews(context).page() : null;
  }

  VerifyPageView verifyPage() {
    return indexes.verifyPage();
  }

  NotFoundView notFound() {
    return indexes.notFound();
  }

  IssuerPageView issuerPage(Issuer issuer) {
    return badges.issuerPage(issuer);
  }

  BadgePageView badgePage(BadgeClass badge) {
    return badges.badgePage(badge);
  }

  /** The badge classes with a pathway page: those that stack on others. */
  List<BadgeClass> stacks() {
    return pathways.stacks();
  }

  PathwayPageView pathwayPage(BadgeClass stack) {
    return pathways.pathwayPage(stack);
  }

  /** The name of each public earner's page, by the URL or DID their awards name. */
  Map<String, String> earnerSlugs() {
    return context.earnerSlugs();
  }

  /** Each earner's page, as {@code earners/<slug>/} to its view; none unless the site opts in. */
  Map<SiteUrl, EarnerPageView> earnerPages() {
    return badges.earnerPages();
  }

  /** The recognition page, or null when the site does not publish one. */
  RecognitionPageView recognition() {
    return recognition.page();
  }

  /** The earner page of a URL or DID, or null when the site has none. */
  String earnerPage(String id) {
    return recognition.earnerPage(id);
  }

  /** The endorsements the site gives: each has a page. */
  List<Endorsement> endorsements() {
    return endorsements.withPages();
  }

  EndorsementPageView endorsementPage(Endorsement endorsement) {
    return endorsements.page(endorsement);
  }

  AwardPageView awardPage(Award award) {
    return awards.awardPage(award);
  }

  CertificateView certificate(Award award) {
    return awards.certificate(award);
  }

  /** What an award's page depends on beyond its own inputs: see {@link PageRenderer.AwardPages}. */
  String awardPageContext(Award award) {
    return awards.awardPageContext(award);
  }

  FeedView feed() {
    return feeds.feed();
  }

  SitemapView sitemap() {
    return feeds.sitemap();
  }
}
