package dev.badgesmith.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.sign.JwsVerifier;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.sign.VerificationException;
import dev.badgesmith.verify.Check.Step;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The steps for an Open Badges 2.0 assertion: hosted (the copy at its id is the truth) or signed (a
 * JWS checked with the issuer's CryptographicKey).
 */
final class Ob2Checks {
  private final Documents documents;
  private final Verifier verifier;
  private final KeyPeriods periods;
  private final Ob2Endorsements endorsements;

  Ob2Checks(Documents documents, Verifier verifier) {
    this.documents = documents;
    this.verifier = verifier;
    this.periods = new KeyPeriods(documents);
    this.endorsements = new Ob2Endorsements(documents);
  }

  /** An issuer profile and the URL it was fetched from. */
  private record Issuer(String url, ObjectNode profile) {}

  /** An SVG that carries only the assertion's URL: what is published there is the assertion. */
  void hostedByUrl(String url, String carrier, Steps steps, Optional<String> recipient) {
    try {
      hosted(documents.object(url), carrier, steps, recipient);
    } catch (ResolveException e) {
      steps.pass(Step.FORMAT, "Open Badges 2.0 hosted assertion, by its URL" + carrier);
      if (e.reason() == ResolveException.Reason.GONE) {
        revoked(steps, "the hosted assertion is gone (HTTP 410)");
      } else {
        steps.fail(Step.PROOF, "cannot fetch the hosted assertion: " + e.getMessage());
      }
    }
  }

  /** An Open Badges 2.0 Endorsement given on its own. */
  void endorsement(ObjectNode given, String carrier, Steps steps) {
    endorsements.given(given, carrier, steps);
  }

  void hosted(ObjectNode given, String carrier, Steps steps, Optional<String> recipient) {
    if (given.path("revoked").asBoolean(false)) {
      steps.pass(Step.FORMAT, "Open Badges 2.0 hosted assertion, in its revoked form" + carrier);
      revoked(steps, reason(given));
      return;
    }
    String kind = given.path("verification").path("type").asText("HostedBadge");
    if (kind.equalsIgnoreCase("SignedBadge") || kind.equalsIgnoreCase("signed")) {
      steps.pass(Step.FORMAT, "Open Badges 2.0 signed assertion, without its JWS" + carrier);
      steps.fail(Step.PROOF, "a signed assertion is verified as its JWS, not as bare JSON");
      return;
    }
    steps.pass(Step.FORMAT, "Open Badges 2.0 hosted assertion" + carrier);
    String id = given.path("id").asText("");
    if (!id.startsWith("https://")) {
      steps.fail(Step.PROOF, "a hosted assertion's id must be its https URL, not '" + id + "'");
      return;
    }
    ObjectNode hosted;
    try {
      hosted = documents.object(id);
    } catch (ResolveException e) {
      if (e.reason() == ResolveException.Reason.GONE) {
        revoked(steps, "the hosted assertion is gone (HTTP 410)");
      } else {
        steps.fail(Step.PROOF, "cannot fetch the hosted assertion: " + e.getMessage());
      }
      return;
    }
    if (hosted.path("revoked").asBoolean(false)) {
      revoked(steps, reason(hosted));
      return;
    }
    Optional<Issuer> issuer = issuer(hosted, steps);
    if (!hosted.equals(given)) {
      steps.fail(Step.PROOF, "the assertion published at " + id + " differs from this copy");
    } else if (!id.equals(hosted.path("id").asText())) {
      steps.fail(
          Step.PROOF,
          "the assertion fetched from " + id + " says its id is " + hosted.path("id").asText());
    } else if (issuer.isEmpty()) {
      steps.skip(Step.PROOF, "not checked: the issuer's verification policy is unknown");
    } else {
      scope(id, issuer.get(), steps);
    }
    issuer.ifPresent(
        i ->
            steps.pass(
                Step.ISSUER_AND_KEY,
                "issued by "
                    + i.url()
                    + " ("
                    + i.profile().path("name").asText("no name")
                    + "); hosted, so no key"));
    rest(hosted, issuer, steps, recipient, "not revoked: the hosted assertion is current");
  }

  void signed(String jws, ObjectNode assertion, Steps steps, Optional<String> recipient) {
    Optional<String> creator =
        Documents.text(assertion.path("verification"), "creator")
            .filter(c -> c.startsWith("https://"));
    Optional<Issuer> issuer = issuer(assertion, steps);
    if (creator.isEmpty()) {
      steps.fail(Step.PROOF, "the assertion's verification names no https creator key");
      return;
    }
    ObjectNode keyDocument;
    try {
      keyDocument = documents.object(creator.get());
    } catch (ResolveException e) {
      steps.skip(Step.PROOF, "not checked: no published key to check it with");
      steps.fail(
          Step.ISSUER_AND_KEY,
          e.notPublished()
              ? "the key "
                  + creator.get()
                  + " is not published (revoked, or never published): "
                  + e.getMessage()
              : "cannot fetch the key " + creator.get() + ": " + e.getMessage());
      return;
    }
    try {
      PublicKeyInfo key =
          PublicKeyInfo.fromPem(creator.get(), keyDocument.path("publicKeyPem").asText(""));
      JwsVerifier.verifyCompactJws(jws, key);
      steps.pass(Step.PROOF, "JWS " + key.algorithm().jwsName() + " by " + creator.get());
    } catch (VerificationException | BadgesmithException e) {
      steps.fail(Step.PROOF, e.getMessage());
      return;
    }
    if (issuer.isPresent()) {
      String owner = keyDocument.path("owner").asText("");
      List<String> listed = Documents.strings(issuer.get().profile().get("publicKey"));
      if (!owner.equals(issuer.get().url())) {
        steps.fail(
            Step.ISSUER_AND_KEY,
            "the key " + creator.get() + " is owned by '" + owner + "', not the issuer");
      } else if (!listed.contains(creator.get())) {
        steps.fail(
            Step.ISSUER_AND_KEY,
            "the issuer " + issuer.get().url() + " does not list the key " + creator.get());
      } else {
        steps.add(
            periods.checkUndated(
                creator.get(),
                Documents.text(assertion, "issuedOn"),
                "issuedOn",
                "the issuer " + issuer.get().url() + " owns " + creator.get()));
      }
    }
    rest(assertion, issuer, steps, recipient, "no revocation list");
  }

  /** The badge class and the issuer it names, each at the URL of its id. */
  private Optional<Issuer> issuer(ObjectNode assertion, Steps steps) {
    JsonNode badge = assertion.get("badge");
    try {
      if (badge != null && badge.isTextual()) {
        String url = badge.asText();
        badge = documents.object(url);
        if (!url.equals(badge.path("id").asText())) {
          steps.fail(Step.ISSUER_AND_KEY, "the badge class at " + url + " has another id");
          return Optional.empty();
        }
      }
      Optional<String> url = badge == null ? Optional.empty() : Documents.idOf(badge.get("issuer"));
      if (url.isEmpty()) {
        steps.fail(Step.ISSUER_AND_KEY, "the badge class names no issuer");
        return Optional.empty();
      }
      ObjectNode profile = documents.object(url.get());
      if (!url.get().equals(profile.path("id").asText())) {
        steps.fail(Step.ISSUER_AND_KEY, "the issuer profile at " + url.get() + " has another id");
        return Optional.empty();
      }
      endorsements.listed(List.of(badge, profile), steps);
      return Optional.of(new Issuer(url.get(), profile));
    } catch (ResolveException e) {
      steps.fail(Step.ISSUER_AND_KEY, "cannot fetch the badge class or issuer: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The issuer's verification policy: startsWith, then the allowed origins (OB 2.0 §Hosted). */
  private static void scope(String id, Issuer issuer, Steps steps) {
    JsonNode policy = issuer.profile().path("verification");
    List<String> startsWith = Documents.strings(policy.get("startsWith"));
    if (!startsWith.isEmpty() && startsWith.stream().noneMatch(id::startsWith)) {
      steps.fail(
          Step.PROOF,
          id + " is outside the issuer's verification.startsWith " + String.join(", ", startsWith));
      return;
    }
    List<String> origins = Documents.strings(policy.get("allowedOrigins"));
    if (origins.isEmpty()) {
      origins = List.of(authority(issuer.url()));
    }
    if (!origins.contains(authority(id))) {
      steps.fail(Step.PROOF, id + " is not hosted on the issuer's origins " + origins);
      return;
    }
    steps.pass(
        Step.PROOF,
        "hosted: the copy at "
            + id
            + " is this one"
            + (startsWith.isEmpty()
                ? ", on the issuer's origin"
                : ", within the issuer's verification.startsWith "
                    + String.join(", ", startsWith)));
  }

  private static String authority(String url) {
    try {
      String authority = URI.create(url).getRawAuthority();
      return authority == null ? "" : authority;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private void rest(
      ObjectNode assertion,
      Optional<Issuer> issuer,
      Steps steps,
      Optional<String> recipient,
      String notRevoked) {
    status(assertion, issuer, steps, notRevoked);
    verifier.expiry(assertion, "issuedOn", "expires", steps);
    JsonNode r = assertion.path("recipient");
    List<Verifier.Identity> identities =
        r.has("identity")
            ? List.of(
                new Verifier.Identity(
                    r.path("identity").asText(),
                    r.path("hashed").asBoolean(false),
                    r.path("salt").asText(""),
                    r.path("type").asText("")))
            : List.of();
    Verifier.recipient(recipient, identities, steps);
  }

  /** The issuer's RevocationList, when it has one. */
  private void status(
      ObjectNode assertion, Optional<Issuer> issuer, Steps steps, String notRevoked) {
    Optional<String> list = issuer.flatMap(i -> Documents.idOf(i.profile().get("revocationList")));
    if (list.isEmpty()) {
      steps.pass(Step.STATUS, notRevoked);
      return;
    }
    String id = assertion.path("id").asText();
    try {
      ObjectNode revocations = documents.object(list.get());
      for (JsonNode entry : Documents.items(revocations.get("revokedAssertions"))) {
        if (Documents.idOf(entry).filter(id::equals).isPresent()) {
          steps.fail(
              Step.STATUS,
              "revoked: "
                  + entry.path("revocationReason").asText("no reason given")
                  + " (in "
                  + list.get()
                  + ")");
          return;
        }
      }
      steps.pass(Step.STATUS, "not in the revocation list " + list.get());
    } catch (ResolveException e) {
      steps.fail(Step.STATUS, "cannot read the revocation list: " + e.getMessage());
    }
  }

  private static void revoked(Steps steps, String reason) {
    steps.skip(Step.PROOF, "not checked: the assertion is revoked");
    steps.skip(Step.ISSUER_AND_KEY, "not checked: the assertion is revoked");
    steps.fail(Step.STATUS, "revoked: " + reason);
    steps.skip(Step.EXPIRY, "not checked: the assertion is revoked");
    steps.skip(Step.RECIPIENT, "not checked: the assertion is revoked");
  }

  private static String reason(JsonNode revoked) {
    return revoked.path("revocationReason").asText("no reason given");
  }
}
