package dev.badgesmith.model;

import java.util.List;

/**
 * A site's endorsements, both ways.
 *
 * @param given what the site's issuers endorse ({@code endorsements/})
 * @param received the endorsements others host, by the badge class or issuer that lists them
 */
public record Endorsements(List<Endorsement> given, List<Received> received) {
  public static final Endorsements NONE = new Endorsements(List.of(), List.of());

  public Endorsements {
    given = List.copyOf(given);
    received = List.copyOf(received);
  }

  /**
   * An endorsement hosted elsewhere that a badge class or issuer lists.
   *
   * @param kind {@link Endorsement.Kind#BADGE} or {@link Endorsement.Kind#ISSUER}
   * @param id the badge class's or issuer's id
   * @param url where the endorsement is published
   */
  public record Received(Endorsement.Kind kind, String id, String url) {}

  /** The endorsements this site gives of its badge class, issuer or award with this id. */
  public List<Endorsement> givenOf(Endorsement.Kind kind, String id) {
    return given.stream().filter(e -> e.target().is(kind, id)).toList();
  }

  /** The URLs of the endorsements others host of this site's badge class or issuer. */
  public List<String> receivedOf(Endorsement.Kind kind, String id) {
    return received.stream()
        .filter(r -> r.kind() == kind && r.id().equals(id))
        .map(Received::url)
        .toList();
  }

  /** The endorsements one issuer gives. */
  public List<Endorsement> by(String issuerId) {
    return given.stream().filter(e -> e.endorserId().equals(issuerId)).toList();
  }

  /**
   * How pages and wallets name what an endorsement names: the badge class's or issuer's name (an
   * award's badge class, for an award), or the URL of one elsewhere.
   */
  public static String endorsedName(Site site, Endorsement.Target target) {
    if (target.external()) {
      return target.ref();
    }
    return switch (target.kind()) {
      case BADGE -> site.badge(target.ref()).map(BadgeClass::name).orElse(target.ref());
      case ISSUER -> site.issuer(target.ref()).map(Issuer::name).orElse(target.ref());
      case AWARD -> {
        String badge = target.ref().substring(0, target.ref().indexOf('/'));
        yield "an award of " + site.badge(badge).map(BadgeClass::name).orElse(badge);
      }
    };
  }

  /** The award an endorsement names, when it names one of this site. */
  public static java.util.Optional<Award> endorsedAward(Site site, Endorsement.Target target) {
    if (target.kind() != Endorsement.Kind.AWARD || target.external()) {
      return java.util.Optional.empty();
    }
    return site.awards().stream()
        .filter(a -> (a.badgeId() + "/" + a.id()).equals(target.ref()))
        .findFirst();
  }
}
