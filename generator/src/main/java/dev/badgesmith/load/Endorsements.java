package dev.badgesmith.load;

import static dev.badgesmith.load.SiteKeys.ENDORSEMENT_KEYS;
import static dev.badgesmith.load.SiteKeys.ENDORSES_KEYS;
import static dev.badgesmith.load.SiteKeys.REVOKED_KEYS;
import static dev.badgesmith.load.ValueChecks.date;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.load.Docs.EndorsementDoc;
import dev.badgesmith.load.Docs.RevocationDoc;
import dev.badgesmith.load.Docs.TargetDoc;
import dev.badgesmith.source.SourceFile;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Endorsements, both ways: {@code endorsements/<id>.yaml}, which one of the site's issuers gives,
 * and the {@code endorsements:} list of a badge class or issuer, the URLs of endorsements others
 * host. Only their form is checked here; what they name, by the validator.
 */
final class Endorsements {
  private Endorsements() {}

  /** One endorsement file. */
  static Optional<EndorsementDoc> endorsement(SourceFile f, String text, Diagnostics d) {
    Optional<MapReader> read =
        YamlReader.read(text, f.path(), 0, d)
            .flatMap(n -> MapReader.of(n, "an endorsement", ENDORSEMENT_KEYS, d));
    if (read.isEmpty()) {
      return Optional.empty();
    }
    MapReader r = read.get();
    Optional<Located<String>> endorser = r.requiredText("endorser");
    Optional<TargetDoc> target = Optional.empty();
    if (r.node("endorses").isEmpty()) {
      r.missing("endorses");
    } else {
      target =
          r.map("endorses", "what an endorsement endorses", ENDORSES_KEYS)
              .flatMap(m -> target(m, d));
    }
    Optional<Located<String>> claim = r.requiredText("claim");
    Optional<Located<String>> issuedOn = r.requiredText("issuedOn").filter(t -> date(t, d));
    Optional<RevocationDoc> revoked = Optional.empty();
    if (r.node("revoked").isPresent()) {
      revoked =
          r.map("revoked", "a revocation", REVOKED_KEYS)
              .flatMap(
                  m -> {
                    Optional<Located<String>> reason = m.requiredText("reason");
                    Optional<Located<String>> day = m.text("date").filter(t -> date(t, d));
                    return reason.map(x -> new RevocationDoc(x.value(), day));
                  });
    }
    if (d.hasErrors()
        || endorser.isEmpty()
        || target.isEmpty()
        || claim.isEmpty()
        || issuedOn.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new EndorsementDoc(
            f.id(),
            f.path(),
            endorser.get(),
            target.get(),
            claim.get().value(),
            issuedOn.get(),
            revoked));
  }

  /** {@code endorses:} names exactly one thing: a badge class, an issuer or an award. */
  private static Optional<TargetDoc> target(MapReader m, Diagnostics d) {
    List<String> given = ENDORSES_KEYS.stream().filter(m::has).toList();
    if (given.size() != 1) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  m.at(),
                  given.isEmpty()
                      ? "'endorses' names nothing"
                      : "'endorses' names " + String.join(" and ", given) + ": one at a time")
              .withHint(
                  "write one of badge: <badge-id or URL>, issuer: <issuer-id or URL>, award:"
                      + " <badge-id>/<award-id>; endorse each in a file of its own"));
      return Optional.empty();
    }
    String kind = given.get(0);
    Optional<Located<String>> ref = m.text(kind);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    boolean url = ref.get().value().contains(":");
    if (url && kind.equals("award")) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  ref.get().at(),
                  "'award' names an award of this site, not a URL")
              .withHint(
                  "write <badge-id>/<award-id>; endorse a badge class or issuer elsewhere by its"
                      + " URL"));
      return Optional.empty();
    }
    if (url && !https(ref.get(), d)) {
      return Optional.empty();
    }
    return Optional.of(new TargetDoc(kind, ref.get()));
  }

  /** A badge class's or issuer's {@code endorsements:}: https URLs, each once. */
  static List<Located<String>> incoming(MapReader r, Diagnostics d) {
    List<Located<String>> urls = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Located<String> url : r.textList("endorsements")) {
      if (!https(url, d)) {
        continue;
      }
      if (!seen.add(url.value())) {
        d.add(
            Diagnostic.warning(
                    Code.INVALID_VALUE,
                    url.at(),
                    "the endorsement " + url.value() + " is listed twice")
                .withHint("list each endorsement once"));
        continue;
      }
      urls.add(url);
    }
    return urls;
  }

  /**
   * Whether a URL is https with a host: what another site's hosted endorsement is published at, and
   * what {@code badgesmith verify} fetches.
   */
  private static boolean https(Located<String> url, Diagnostics d) {
    try {
      URI uri = new URI(url.value());
      if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
        return true;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    d.add(
        Diagnostic.error(Code.INVALID_URL, url.at(), "'" + url.value() + "' is not an https URL")
            .withHint(
                "give the https address the endorsement or the endorsed document is published at"));
    return false;
  }
}
