package dev.badgesmith.model;

import dev.badgesmith.framework.CaseFrameworks;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A validated badge site: everything the renderers need, nothing they must check again.
 *
 * @param frameworks the CASE packages of {@code frameworks/}: the hierarchy the skills pages show
 * @param endorsements what the site's issuers endorse, and the endorsements others host of it
 * @param translations the texts of its issuers, badge classes and awards in its other languages
 */
public record Site(
    SiteSettings settings,
    List<Issuer> issuers,
    List<BadgeClass> badges,
    List<Award> awards,
    CaseFrameworks frameworks,
    Endorsements endorsements,
    Translations translations) {

  public Site {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(translations, "translations");
    Objects.requireNonNull(frameworks, "frameworks");
    Objects.requireNonNull(endorsements, "endorsements");
    issuers = List.copyOf(issuers);
    badges = List.copyOf(badges);
    awards = List.copyOf(awards);
  }

  /** A site in one language. */
  public Site(
      SiteSettings settings,
      List<Issuer> issuers,
      List<BadgeClass> badges,
      List<Award> awards,
      CaseFrameworks frameworks,
      Endorsements endorsements) {
    this(settings, issuers, badges, awards, frameworks, endorsements, Translations.NONE);
  }

  /**
   * The site as its pages in one of its languages show it: its settings rendering in that language
   * (so its pages go under the language's folder), its texts translated. The site itself for its
   * default language.
   */
  public Site inLanguage(String language) {
    boolean same = language.equals(settings.language());
    if (same && !translations.awards().containsKey(language)) {
      return this;
    }
    return new Site(
        same ? settings : settings.inLanguage(language),
        issuers.stream().map(i -> translations.issuer(i, language)).toList(),
        badges.stream().map(b -> translations.badge(b, language)).toList(),
        awards.stream().map(a -> translations.award(a, language)).toList(),
        frameworks,
        endorsements,
        translations);
  }

  /** A site that keeps no CASE package. */
  public Site(
      SiteSettings settings, List<Issuer> issuers, List<BadgeClass> badges, List<Award> awards) {
    this(settings, issuers, badges, awards, new CaseFrameworks(List.of()), Endorsements.NONE);
  }

  /** A site with no endorsement either way. */
  public Site(
      SiteSettings settings,
      List<Issuer> issuers,
      List<BadgeClass> badges,
      List<Award> awards,
      CaseFrameworks frameworks) {
    this(settings, issuers, badges, awards, frameworks, Endorsements.NONE);
  }

  public Optional<Issuer> issuer(String id) {
    return issuers.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  public Optional<BadgeClass> badge(String id) {
    return badges.stream().filter(b -> b.id().equals(id)).findFirst();
  }

  public Map<String, BadgeClass> badgesById() {
    return badges.stream().collect(Collectors.toMap(BadgeClass::id, Function.identity()));
  }

  /** Whether a badge class aligns to a skill: the skills page and its index are published then. */
  public boolean hasAlignments() {
    return badges.stream().anyMatch(b -> !b.alignments().isEmpty());
  }
}
