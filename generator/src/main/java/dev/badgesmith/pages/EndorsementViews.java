package dev.badgesmith.pages;

import dev.badgesmith.model.Award;
import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.Endorsement.Kind;
import dev.badgesmith.model.Endorsements;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Revocation;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Endorsements on the pages: the lists of badge class, issuer and award pages, and their own. */
final class EndorsementViews {
  private final ViewContext context;
  private final Site site;
  private final SiteLayout layout;

  EndorsementViews(ViewContext context) {
    this.context = context;
    this.site = context.site();
    this.layout = context.layout();
  }

  /**
   * The endorsements of this site's badge class, issuer or award: those the site gives that stand,
   * by date, then those others host, as listed.
   */
  List<EndorsementView> of(Kind kind, String id) {
    List<EndorsementView> views = new ArrayList<>();
    site.endorsements().givenOf(kind, id).stream()
        .filter(e -> !e.revoked())
        .sorted(
            java.util.Comparator.comparing(Endorsement::issuedOn).thenComparing(Endorsement::id))
        .forEach(
            e ->
                views.add(
                    new EndorsementView(
                        endorser(e),
                        // Under the page's "Endorsements" heading (h2).
                        context.markdown().toHtml(e.claim(), 3),
                        PageDates.date(e.issuedOn()),
                        layout.endorsementPage(e.id()).url(),
                        null)));
    for (String url : site.endorsements().receivedOf(kind, id)) {
      views.add(new EndorsementView(null, null, null, ViewContext.webUrl(url), host(url)));
    }
    return views;
  }

  /** The endorsements with a page: every one the site gives. */
  List<Endorsement> withPages() {
    return site.endorsements().given();
  }

  EndorsementPageView page(Endorsement e) {
    SiteUrl page = layout.endorsementPage(e.id());
    String jsonUrl = layout.endorsementJson(e.id()).url();
    LinkView endorser = endorser(e);
    String endorsed = Endorsements.endorsedName(site, e.target());
    FrameView frame =
        context.frame(
            context.text("endorsement.title", endorser.text(), endorsed, site.settings().title()),
            context.text("endorsement.description", endorser.text()),
            page,
            jsonUrl);
    boolean signs = site.settings().signing().isPresent();
    boolean jwt = site.settings().signing().flatMap(s -> s.jwtKey()).isPresent();
    return new EndorsementPageView(
        frame,
        endorser,
        new LinkView(endorsed, endorsedUrl(e.target())),
        context.markdown().toHtml(e.claim(), 2),
        PageDates.date(e.issuedOn()),
        e.revocation().map(Revocation::reason).orElse(null),
        e.revocation().flatMap(Revocation::date).map(PageDates::date).orElse(null),
        jsonUrl,
        signs ? layout.endorsementCredential(e.id()).url() : null,
        signs && jwt ? layout.endorsementJwt(e.id()).url() : null);
  }

  private LinkView endorser(Endorsement e) {
    Issuer issuer = site.issuer(e.endorserId()).orElseThrow();
    return new LinkView(issuer.name(), layout.issuerPage(issuer.id()).url());
  }

  /** Where a page links what an endorsement names: its page here, or its URL elsewhere. */
  private String endorsedUrl(Endorsement.Target target) {
    if (target.external()) {
      return ViewContext.webUrl(target.ref());
    }
    return switch (target.kind()) {
      case BADGE -> layout.badgePage(target.ref()).url();
      case ISSUER -> layout.issuerPage(target.ref()).url();
      case AWARD -> {
        Optional<Award> award = Endorsements.endorsedAward(site, target);
        yield award.map(a -> layout.awardPage(a).url()).orElse(null);
      }
    };
  }

  private static String host(String url) {
    try {
      return Optional.ofNullable(URI.create(url).getHost()).orElse(url);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
