package dev.badgesmith.pages;

import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.Evidence;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Revocation;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The view of an award's page. */
final class AwardViews {
  private final ViewContext context;
  private final Site site;
  private final SiteLayout layout;

  /** Each badge class's criteria summary, by badge id: every award's certificate shows it. */
  private final Map<String, String> criteriaSummaries = new ConcurrentHashMap<>();

  /** The start of each badge class's LinkedIn link, by badge id: its names, encoded. */
  private final Map<String, String> linkedInFields = new ConcurrentHashMap<>();

  private final EndorsementViews endorsements;

  /** The words of each download link, by its kind: the same on every award page. */
  private final Map<String, String> labels = new ConcurrentHashMap<>();

  AwardViews(ViewContext context) {
    this.context = context;
    this.endorsements = new EndorsementViews(context);
    this.site = context.site();
    this.layout = context.layout();
  }

  /** What an award's page depends on beyond its own inputs: see {@link AwardPages}. */
  String awardPageContext(Award award) {
    return "expired=" + context.expired(award) + " earner=" + context.earnerUrl(award);
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
        award
            .recipient()
            .name()
            .map(n -> context.text("award.titleTo", badge.name(), n, site.settings().title()))
            .orElseGet(() -> context.text("award.title", badge.name(), site.settings().title()));
    SiteUrl page = layout.awardPage(award);
    SocialView social =
        new SocialView(
            award
                .recipient()
                .name()
                .map(n -> context.text("award.social.titleTo", badge.name(), n))
                .orElse(badge.name()),
            badge.description(),
            page.url(),
            layout.socialCard(badge).url(),
            context.text("award.social.imageAlt", badge.name(), issuer.name()));
    FrameView frame =
        context.frameView(
            context.language(),
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
            context.nav(page));
    String image = award.revoked() ? layout.badgeImage(badge).url() : layout.bakedPng(award).url();
    return new AwardPageView(
        frame,
        badge.name(),
        badge.description(),
        layout.badgePage(badge.id()).url(),
        image,
        ViewContext.imageAlt(badge),
        award.recipient().name().orElse(null),
        new LinkView(issuer.name(), ViewContext.webUrl(issuer.url())),
        PageDates.date(award.issuedOn()),
        award.expires().map(PageDates::date).orElse(null),
        award.revocation().map(Revocation::reason).orElse(null),
        award.revocation().flatMap(Revocation::date).map(PageDates::date).orElse(null),
        // Under the page's "What was done" heading (h2).
        award.narrative().map(n -> context.markdown().toHtml(n, 3)).orElse(null),
        award.evidence().stream().map(this::evidence).toList(),
        downloads(award, badge),
        award.revoked()
            ? null
            : ShareLinks.linkedIn(
                award,
                linkedInFields.computeIfAbsent(
                    badge.id(), id -> ShareLinks.badgeFields(badge, issuer)),
                page),
        layout.issuerPage(issuer.id()).url(),
        context.expired(award),
        context.earnerUrl(award),
        layout.verifyPage().url(),
        endorsements.of(Endorsement.Kind.AWARD, award.badgeId() + "/" + award.id()));
  }

  /** An award's certificate: what it says, for the layout its template draws. */
  CertificateView certificate(Award award) {
    BadgeClass badge = site.badge(award.badgeId()).orElseThrow();
    Issuer issuer = site.issuer(badge.issuerId()).orElseThrow();
    Locale locale = context.messages().locale();
    DateTimeFormatter words =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    return new CertificateView(
        context.language(),
        SocialCardTemplate.xmlText(site.settings().title()),
        SocialCardTemplate.xmlText(badge.name()),
        award.recipient().name().map(SocialCardTemplate::xmlText).orElse(null),
        SocialCardTemplate.xmlText(issuer.name()),
        PageDates.date(award.issuedOn()),
        words.format(award.issuedOn().toLocalDate()),
        award.expires().map(PageDates::date).orElse(null),
        award.expires().map(e -> words.format(e.toLocalDate())).orElse(null),
        criteriaSummaries.computeIfAbsent(
            badge.id(),
            id ->
                SocialCardTemplate.xmlText(
                    summary(context.markdown().toPlainText(badge.criteria())))),
        layout.awardPage(award).url(),
        award.revoked(),
        award.revocation().flatMap(Revocation::date).map(PageDates::date).orElse(null),
        award.revocation().map(r -> SocialCardTemplate.xmlText(r.reason())).orElse(null),
        context.t());
  }

  /** At most about 400 characters, cut after a word, with "…". */
  private static String summary(String text) {
    int max = 400;
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max);
    return text.substring(0, cut > 0 ? cut : max).strip() + "\u2026";
  }

  private EvidenceView evidence(Evidence e) {
    return new EvidenceView(
        e.name().orElse(null),
        e.url().map(ViewContext::webUrl).orElse(null),
        e.description().orElse(null),
        e.narrative().map(n -> context.markdown().toHtml(n, 3)).orElse(null),
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
            "ob2Png",
            "ob2Svg",
            "certificate",
            "ob2Assertion",
            "ob3Credential",
            "ob3Jwt",
            "ob3Png",
            "ob3Svg")) {
      SiteUrl url = documents.get(kind);
      // A revoked award's certificate stays published, saying so, but is nothing to share.
      if (url != null && !(kind.equals("certificate") && award.revoked())) {
        links.add(new LinkView(labels.computeIfAbsent(kind, this::label), url.url()));
      }
    }
    return links;
  }

  /** The words of a download: {@code award.download.<kind>}, a signed assertion's its own. */
  private String label(String kind) {
    boolean signed = kind.equals("ob2Assertion") && layout.ob2Signed();
    return context.text("award.download." + (signed ? "ob2SignedAssertion" : kind));
  }
}
