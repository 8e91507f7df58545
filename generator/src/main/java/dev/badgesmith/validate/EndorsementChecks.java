package dev.badgesmith.validate;

import static dev.badgesmith.validate.Suggestions.withSuggestion;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.load.Dates;
import dev.badgesmith.load.Docs.EndorsementDoc;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.load.Docs.TargetDoc;
import dev.badgesmith.load.Located;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.Endorsement.Kind;
import dev.badgesmith.model.Endorsements;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Revocation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Endorsements across files: the issuer that gives one and what it names must be of this site (a
 * badge class or issuer elsewhere is named by its URL), its dates must make sense; the endorsements
 * a badge class or issuer lists join the model beside the ones the site gives.
 */
final class EndorsementChecks {
  private final SiteDoc doc;
  private final Diagnostics d;

  EndorsementChecks(SiteDoc doc, Diagnostics d) {
    this.doc = doc;
    this.d = d;
  }

  /**
   * @param awardKeys every award of the site, {@code <badge-id>/<award-id>}, whether read now or
   *     known from an earlier build
   */
  Endorsements endorsements(
      List<Issuer> issuers,
      List<BadgeClass> badges,
      Set<String> awardKeys,
      ZoneId zone,
      Instant buildDate) {
    List<Endorsement> given = new ArrayList<>();
    for (EndorsementDoc e : doc.endorsements()) {
      endorsement(e, awardKeys, zone, buildDate).ifPresent(given::add);
    }
    List<Endorsements.Received> received = new ArrayList<>();
    Set<String> issuerIds = issuers.stream().map(Issuer::id).collect(Collectors.toSet());
    Set<String> badgeIds = badges.stream().map(BadgeClass::id).collect(Collectors.toSet());
    doc.issuers().stream()
        .filter(i -> issuerIds.contains(i.id()))
        .forEach(
            i ->
                i.endorsements()
                    .forEach(
                        u ->
                            received.add(
                                new Endorsements.Received(Kind.ISSUER, i.id(), u.value()))));
    doc.badges().stream()
        .filter(b -> badgeIds.contains(b.id()))
        .forEach(
            b ->
                b.endorsements()
                    .forEach(
                        u ->
                            received.add(
                                new Endorsements.Received(Kind.BADGE, b.id(), u.value()))));
    return new Endorsements(given, received);
  }

  private Optional<Endorsement> endorsement(
      EndorsementDoc e, Set<String> awardKeys, ZoneId zone, Instant buildDate) {
    // Every check runs, so one run reports all of an endorsement's problems.
    boolean ok = issuer(e.endorser(), "no issuer '%s' to give this endorsement");
    ok &= target(e.target(), awardKeys);
    if (Dates.inGap(e.issuedOn().value(), zone)) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_DATE,
                  e.issuedOn().at(),
                  "'"
                      + e.issuedOn().value()
                      + "' does not exist in "
                      + zone
                      + ": the clocks skip that time when daylight saving time begins")
              .withHint("give a time outside the gap, or an offset such as +01:00"));
      return Optional.empty();
    }
    OffsetDateTime issuedOn = Dates.resolve(e.issuedOn().value(), zone).orElseThrow();
    if (issuedOn.toInstant().isAfter(buildDate)) {
      d.add(
          Diagnostic.warning(
                  Code.ISSUED_IN_FUTURE,
                  e.issuedOn().at(),
                  "the endorsement is issued on "
                      + e.issuedOn().value()
                      + ", after today (the build date): its credential is not valid until then")
              .withHint("give the date the endorsement was given"));
    }
    Optional<Revocation> revocation =
        e.revoked()
            .map(r -> new Revocation(r.reason(), r.date().flatMap(x -> Dates.date(x.value()))));
    Optional<Located<String>> revokedOn = e.revoked().flatMap(r -> r.date());
    if (revocation.flatMap(Revocation::date).filter(issuedOn.toLocalDate()::isAfter).isPresent()) {
      d.add(
          Diagnostic.error(
                  Code.REVOKED_BEFORE_ISSUED,
                  revokedOn.orElseThrow().at(),
                  "the endorsement is revoked on "
                      + revokedOn.get().value()
                      + ", before it is issued ("
                      + e.issuedOn().value()
                      + ")")
              .withHint("a revocation's date is on or after the issue date"));
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    Kind kind = Kind.valueOf(e.target().kind().toUpperCase(Locale.ROOT));
    return Optional.of(
        new Endorsement(
            e.id(),
            e.endorser().value(),
            new Endorsement.Target(kind, e.target().ref().value()),
            e.claim(),
            issuedOn,
            revocation,
            e.path()));
  }

  private boolean target(TargetDoc target, Set<String> awardKeys) {
    Located<String> ref = target.ref();
    if (ref.value().contains(":")) {
      return true; // a URL elsewhere: the build never fetches it
    }
    return switch (target.kind()) {
      case "issuer" -> issuer(ref, "no issuer '%s' to endorse");
      case "badge" -> badge(ref, ref.value());
      default -> award(ref, awardKeys);
    };
  }

  private boolean issuer(Located<String> id, String message) {
    if (doc.issuerIds().contains(id.value())) {
      return true;
    }
    d.add(
        withSuggestion(
            Diagnostic.error(Code.UNKNOWN_ISSUER, id.at(), message.formatted(id.value())),
            id.value(),
            doc.issuerIds(),
            "issuers/" + id.value() + ".yaml"));
    return false;
  }

  private boolean badge(Located<String> at, String id) {
    if (doc.badgeIds().contains(id)) {
      return true;
    }
    d.add(
        withSuggestion(
            Diagnostic.error(Code.UNKNOWN_BADGE, at.at(), "no badge class '" + id + "' to endorse"),
            id,
            doc.badgeIds(),
            "badges/" + id + ".md"));
    return false;
  }

  private boolean award(Located<String> ref, Set<String> awardKeys) {
    String[] parts = ref.value().split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  ref.at(),
                  "'" + ref.value() + "' is not <badge-id>/<award-id>")
              .withHint("name the award by its file, awards/<badge-id>/<award-id>.yaml"));
      return false;
    }
    if (!badge(ref, parts[0])) {
      return false;
    }
    if (awardKeys.contains(ref.value())) {
      return true;
    }
    List<String> ofBadge =
        awardKeys.stream()
            .filter(k -> k.startsWith(parts[0] + "/"))
            .map(k -> k.substring(parts[0].length() + 1))
            .sorted()
            .toList();
    d.add(
        withSuggestion(
            Diagnostic.error(
                Code.UNKNOWN_ENDORSED_AWARD,
                ref.at(),
                "no award '" + parts[1] + "' of the badge class '" + parts[0] + "' to endorse"),
            parts[1],
            ofBadge,
            "awards/" + parts[0] + "/" + parts[1] + ".yaml"));
    return false;
  }
}
