package dev.badgesmith.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The texts of a site's issuers, badge classes and awards in its other languages, from translation
 * files. A text a translation leaves out stays as the file it translates has it.
 *
 * @param badges each language's badge class texts, by badge id
 * @param issuers each language's issuer texts, by issuer id
 * @param awards each language's award texts, by {@code <badge-id>/<award-id>}
 */
public record Translations(
    Map<String, Map<String, BadgeText>> badges,
    Map<String, Map<String, IssuerText>> issuers,
    Map<String, Map<String, AwardText>> awards) {

  public static final Translations NONE = new Translations(Map.of(), Map.of(), Map.of());

  public Translations {
    // Sorted, so that the same translations always print (and fingerprint) alike.
    badges = sorted(badges);
    issuers = sorted(issuers);
    awards = sorted(awards);
  }

  private static <T> Map<String, Map<String, T>> sorted(Map<String, Map<String, T>> byLanguage) {
    Map<String, Map<String, T>> copy = new TreeMap<>();
    byLanguage.forEach((language, texts) -> copy.put(language, new TreeMap<>(texts)));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** A badge class's translated texts; each absent one is the badge class's own. */
  public record BadgeText(
      Optional<String> name,
      Optional<String> description,
      Optional<String> imageAlt,
      Optional<String> criteria) {}

  public record IssuerText(Optional<String> name, Optional<String> description) {}

  /**
   * @param evidence the evidence entries' texts, in the award's order: each a map of {@code name},
   *     {@code description}, {@code narrative}
   */
  public record AwardText(Optional<String> narrative, List<Map<String, String>> evidence) {
    public AwardText {
      evidence = evidence.stream().map(Map::copyOf).toList();
    }
  }

  /** A badge class as it reads in {@code language}. */
  public BadgeClass badge(BadgeClass badge, String language) {
    BadgeText text = badges.getOrDefault(language, Map.of()).get(badge.id());
    if (text == null) {
      return badge;
    }
    return new BadgeClass(
        badge.id(),
        text.name().orElse(badge.name()),
        text.description().orElse(badge.description()),
        badge.issuerId(),
        badge.image(),
        text.imageAlt().or(badge::imageAlt),
        badge.tags(),
        badge.alignments(),
        badge.validFor(),
        badge.requires(),
        badge.requirement(),
        Optional.of(language),
        text.criteria().orElse(badge.criteria()),
        badge.source());
  }

  public Issuer issuer(Issuer issuer, String language) {
    IssuerText text = issuers.getOrDefault(language, Map.of()).get(issuer.id());
    if (text == null) {
      return issuer;
    }
    return new Issuer(
        issuer.id(),
        text.name().orElse(issuer.name()),
        issuer.url(),
        issuer.email(),
        text.description().or(issuer::description),
        issuer.image(),
        issuer.source());
  }

  /** An award as it reads in {@code language}: its own texts in its own language. */
  public Award award(Award award, String language) {
    AwardText text =
        award.language().filter(language::equals).isPresent()
            ? null
            : awards.getOrDefault(language, Map.of()).get(award.badgeId() + "/" + award.id());
    if (text == null) {
      return award;
    }
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < award.evidence().size(); i++) {
      Evidence e = award.evidence().get(i);
      Map<String, String> t = i < text.evidence().size() ? text.evidence().get(i) : Map.of();
      evidence.add(
          new Evidence(
              e.url(),
              Optional.ofNullable(t.get("name")).or(e::name),
              Optional.ofNullable(t.get("description")).or(e::description),
              Optional.ofNullable(t.get("narrative")).or(e::narrative),
              e.genre(),
              e.audience()));
    }
    return new Award(
        award.badgeId(),
        award.id(),
        award.recipient(),
        award.issuedOn(),
        award.expires(),
        text.narrative().or(award::narrative),
        evidence,
        award.revocation(),
        award.source(),
        award.language());
  }

  /** What an award's pages show of its translations, to tell when they change. */
  public String ofAward(Award award) {
    StringBuilder all = new StringBuilder();
    awards.forEach(
        (language, texts) -> {
          AwardText text = texts.get(award.badgeId() + "/" + award.id());
          if (text != null) {
            all.append(language).append(' ').append(text).append('\n');
          }
        });
    return all.toString();
  }

  /** Whether there is none. */
  public boolean isEmpty() {
    return Objects.equals(this, NONE);
  }
}
