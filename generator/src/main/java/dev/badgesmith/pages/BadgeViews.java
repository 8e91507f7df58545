package dev.badgesmith.pages;

import dev.badgesmith.model.Alignment;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.Endorsements;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Revocation;
import dev.badgesmith.model.SigningSettings;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The views of the pages of badge classes (their criteria), of issuers and of earners. */
final class BadgeViews {
  private final ViewContext context;
  private final Site site;
  private final SiteLayout layout;
  private final EndorsementViews endorsements;

  BadgeViews(ViewContext context) {
    this.context = context;
    this.site = context.site();
    this.layout = context.layout();
    this.endorsements = new EndorsementViews(context);
  }

  BadgePageView badgePage(BadgeClass badge) {
    Issuer issuer =
        site.issuer(badge.issuerId())
            .orElseThrow(() -> new IllegalStateException("unknown issuer: " + badge.issuerId()));
    String jsonUrl = layout.badgeJson(badge.id()).url();
    FrameView frame =
        context.frame(
            context.text("badge.title", badge.name(), site.settings().title()),
            badge.description(),
            layout.badgePage(badge.id()),
            jsonUrl);
    String language = badge.language().filter(l -> !l.equals(context.language())).orElse(null);
    boolean listEarners = site.settings().pages().listEarners();
    return new BadgePageView(
        frame,
        language,
        badge.name(),
        badge.description(),
        layout.badgeImage(badge).url(),
        ViewContext.imageAlt(badge),
        // Under the page's "Criteria" heading (h2): the criteria's own headings start at h3.
        context.markdown().toHtml(badge.criteria(), 3),
        new LinkView(issuer.name(), ViewContext.webUrl(issuer.url())),
        layout.issuerJson(issuer.id()).url(),
        context.tagLinks(badge),
        badge.alignments().stream().map(BadgeViews::alignment).toList(),
        badge.requires().stream().map(context::badgeLink).toList(),
        badge.isStack() ? layout.pathwayPage(badge.id()).url() : null,
        RequirementWords.sentence(
                badge.requirement(), id -> context.badgeLink(id).text(), context.messages())
            .orElse(null),
        badge.validFor().map(p -> PageDates.expiry(p, context.messages())).orElse(null),
        jsonUrl,
        listEarners ? context.awardsOf(badge).stream().map(this::awardRow).toList() : List.of(),
        layout.issuerPage(issuer.id()).url(),
        site.badges().stream()
            .filter(b -> b.requires().contains(badge.id()))
            .map(b -> context.badgeLink(b.id()))
            .toList(),
        listEarners,
        endorsements.of(Endorsement.Kind.BADGE, badge.id()));
  }

  private AwardRowView awardRow(Award award) {
    return new AwardRowView(
        award.id(),
        award.recipient().name().orElse(null),
        PageDates.date(award.issuedOn()),
        award.expires().map(PageDates::date).orElse(null),
        award.revoked(),
        award.revocation().flatMap(Revocation::date).map(PageDates::date).orElse(null),
        layout.awardPage(award).url(),
        context.expired(award),
        context.earnerUrl(award));
  }

  private static AlignmentView alignment(Alignment alignment) {
    return new AlignmentView(
        alignment.targetName(),
        ViewContext.webUrl(alignment.targetUrl()),
        alignment.targetDescription().orElse(null),
        alignment.targetFramework().orElse(null),
        alignment.targetCode().orElse(null));
  }

  IssuerPageView issuerPage(Issuer issuer) {
    SiteUrl page = layout.issuerPage(issuer.id());
    String jsonUrl = layout.issuerJson(issuer.id()).url();
    FrameView frame =
        context.frame(
            context.text("issuer.title", issuer.name(), site.settings().title()),
            context.text("issuer.description", issuer.name()),
            page,
            jsonUrl);
    return new IssuerPageView(
        frame,
        issuer.name(),
        issuer.image().isPresent() ? layout.issuerImage(issuer).url() : null,
        issuer.description().map(d -> context.markdown().toHtml(d, 2)).orElse(null),
        ViewContext.webUrl(issuer.url()),
        jsonUrl,
        layout.revocationList(issuer.id()).url(),
        site.badges().stream()
            .filter(b -> b.issuerId().equals(issuer.id()))
            .map(context::summary)
            .toList(),
        endorsements.of(Endorsement.Kind.ISSUER, issuer.id()),
        site.endorsements().by(issuer.id()).stream()
            .filter(e -> !e.revoked())
            .map(
                e ->
                    new LinkView(
                        Endorsements.endorsedName(site, e.target()),
                        layout.endorsementPage(e.id()).url()))
            .toList());
  }

  /** Each earner's page, as {@code earners/<slug>/} to its view; none unless the site opts in. */
  Map<SiteUrl, EarnerPageView> earnerPages() {
    Map<String, String> earnerSlugs = context.earnerSlugs();
    Map<String, List<Award>> byEarner = new TreeMap<>();
    for (Award award : site.awards()) {
      Optional<String> id = award.recipient().publicId();
      if (id.isPresent() && earnerSlugs.containsKey(id.get()) && !award.revoked()) {
        byEarner.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(award);
      }
    }
    Map<SiteUrl, EarnerPageView> pages = new LinkedHashMap<>();
    Optional<SigningSettings> signing = site.settings().signing();
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
              context.frameView(
                  context.language(),
                  context.text("earner.title", shown, site.settings().title()),
                  context.text("earner.description", shown, site.settings().title()),
                  site.settings().title(),
                  layout.home().url(),
                  layout.stylesheet().url(),
                  page.url(),
                  null,
                  layout.feed().url(),
                  site.settings().pages().indexAwards() ? null : "noindex",
                  null,
                  context.nav(page));
          pages.put(
              page,
              new EarnerPageView(
                  frame,
                  name,
                  id,
                  ViewContext.webUrl(id),
                  newest.stream().map(this::earnerAward).toList(),
                  signing.isPresent() ? layout.earnerClr(earnerSlugs.get(id)).url() : null,
                  signing.flatMap(SigningSettings::jwtKey).isPresent()
                      ? layout.earnerClrJwt(earnerSlugs.get(id)).url()
                      : null,
                  layout.verifyPage().url()));
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
        ViewContext.imageAlt(badge),
        new LinkView(issuer.name(), layout.issuerPage(issuer.id()).url()),
        PageDates.date(award.issuedOn()),
        award.expires().map(PageDates::date).orElse(null),
        context.expired(award),
        award.narrative().map(n -> context.markdown().toHtml(n, 4)).orElse(null));
  }
}
