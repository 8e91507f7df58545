package dev.badgesmith.model;

import java.util.Objects;

/**
 * Where every published document lives (design §4). The JSON writers and the page renderers ask
 * here, so an id, a link and the file behind it cannot disagree.
 */
public record SiteLayout(SiteSettings settings) {

  public SiteLayout {
    Objects.requireNonNull(settings, "settings");
  }

  public SiteUrl home() {
    return settings.url("");
  }

  public SiteUrl issuerJson(String issuerId) {
    return settings.url("issuers/" + issuerId + ".json");
  }

  public SiteUrl badgeJson(String badgeId) {
    return settings.url("badges/" + badgeId + ".json");
  }

  /** The criteria page of a badge class. */
  public SiteUrl badgePage(String badgeId) {
    return settings.url("badges/" + badgeId + "/");
  }

  public SiteUrl badgeImage(BadgeClass badge) {
    return settings.url("badges/" + badge.id() + "." + badge.image().format());
  }

  /** The design as PNG: the design itself, or the PNG rendered from an SVG design. */
  public SiteUrl badgePng(BadgeClass badge) {
    return settings.url("badges/" + badge.id() + ".png");
  }

  /** The 1200×630 preview image for Open Graph and LinkedIn. */
  public SiteUrl socialCard(BadgeClass badge) {
    return settings.url("badges/" + badge.id() + "/card.png");
  }

  public SiteUrl issuerImage(Issuer issuer) {
    ImageFile image = issuer.image().orElseThrow();
    return settings.url("issuers/" + issuer.id() + "." + image.format());
  }

  public SiteUrl assertionJson(Award award) {
    return settings.url("assertions/" + award.badgeId() + "/" + award.id() + ".json");
  }

  /** The badge baked with its Open Badges 2.0 assertion, as PNG. */
  public SiteUrl bakedPng(Award award) {
    return settings.url("assertions/" + award.badgeId() + "/" + award.id() + ".png");
  }

  /** The badge baked with its Open Badges 2.0 assertion, as SVG (for SVG designs). */
  public SiteUrl bakedSvg(Award award) {
    return settings.url("assertions/" + award.badgeId() + "/" + award.id() + ".svg");
  }

  /** The Open Badges 3.0 credential of an award, with its embedded proof. */
  public SiteUrl credentialJson(Award award) {
    return settings.url("credentials/" + award.badgeId() + "/" + award.id() + ".json");
  }

  /** The same credential as a VC-JWT. */
  public SiteUrl credentialJwt(Award award) {
    return settings.url("credentials/" + award.badgeId() + "/" + award.id() + ".jwt");
  }

  /** The Open Badges 3.0 Achievement of a badge class. */
  public SiteUrl achievementJson(String badgeId) {
    return settings.url("achievements/" + badgeId + ".json");
  }

  /**
   * The prefix every hosted assertion of this site starts with; issuers scope verification to it.
   */
  public SiteUrl assertionsPrefix() {
    return settings.url("assertions/");
  }

  public SiteUrl stylesheet() {
    return settings.url("assets/style.css");
  }

  public SiteUrl manifest() {
    return settings.url("manifest.json");
  }
}
