package dev.badgesmith.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.verify.Check.Step;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Open Badges 2.0 endorsements: one given to verify, and those a badge class or issuer lists
 * ({@code endorsement}), each fetched from its id. A hosted endorsement holds when the copy at its
 * id is the one listed, it is not revoked, its issuer's profile is at the URL of its id and its
 * verification scope covers it, and its claim is about the document that lists it.
 */
final class Ob2Endorsements {
  private final Documents documents;

  Ob2Endorsements(Documents documents) {
    this.documents = documents;
  }

  /** What one endorsement check found. */
  private record Found(Optional<String> problem, boolean outOfReach, String endorser) {
    static Found problem(String message) {
      return new Found(Optional.of(message), false, "");
    }
  }

  /**
   * The {@code endorsements} step of a badge: every endorsement its badge class and issuer list.
   * Nothing is reported when they list none; those the resolver cannot reach (an endorsement hosted
   * elsewhere, when a built site is checked offline) are noted as not fetched.
   */
  void listed(List<JsonNode> endorsed, Steps steps) {
    List<String> endorsers = new ArrayList<>();
    List<String> unreached = new ArrayList<>();
    for (JsonNode document : endorsed) {
      String about = document.path("id").asText("");
      for (JsonNode entry : Documents.items(document.get("endorsement"))) {
        Optional<String> url = Documents.idOf(entry);
        if (url.isEmpty()) {
          steps.fail(Step.ENDORSEMENTS, about + " lists an endorsement without an id");
          return;
        }
        Found found = check(url.get(), Optional.of(about));
        if (found.outOfReach()) {
          unreached.add(url.get());
        } else if (found.problem().isPresent()) {
          steps.fail(Step.ENDORSEMENTS, url.get() + ": " + found.problem().get());
          return;
        } else {
          endorsers.add(found.endorser());
        }
      }
    }
    if (endorsers.isEmpty() && unreached.isEmpty()) {
      return;
    }
    if (endorsers.isEmpty()) {
      // Not a fault of the badge: what others host is checked where the network is allowed.
      steps.pass(
          Step.ENDORSEMENTS,
          "listed, not fetched: "
              + unreached.size()
              + " endorsement(s) out of reach ("
              + String.join(", ", unreached)
              + "); verify with network access to check them");
      return;
    }
    steps.pass(
        Step.ENDORSEMENTS,
        endorsers.size()
            + " endorsement(s) hold, by "
            + String.join(", ", endorsers.stream().distinct().toList())
            + (unreached.isEmpty() ? "" : "; " + unreached.size() + " out of reach, not checked"));
  }

  /** An endorsement given to verify on its own: the steps an assertion has, but the recipient. */
  void given(ObjectNode endorsement, String carrier, Steps steps) {
    steps.pass(Step.FORMAT, "Open Badges 2.0 hosted endorsement" + carrier);
    String id = endorsement.path("id").asText("");
    Found found;
    if (endorsement.path("revoked").asBoolean(false)) {
      found = Found.problem("revoked: " + reason(endorsement));
    } else {
      found = check(id, Optional.empty());
      if (found.problem().isEmpty() && !found.outOfReach()) {
        try {
          if (!documents.object(id).equals(endorsement)) {
            found = Found.problem("the endorsement published at " + id + " differs from this copy");
          }
        } catch (ResolveException e) {
          found = Found.problem("cannot fetch it again: " + e.getMessage());
        }
      }
    }
    if (found.outOfReach()) {
      steps.skip(Step.PROOF, "not checked: " + id + " is out of reach; verify with network access");
      return;
    }
    String problem = found.problem().orElse("");
    if (problem.startsWith("revoked: ")) {
      steps.skip(Step.PROOF, "not checked: the endorsement is revoked");
      steps.skip(Step.ISSUER_AND_KEY, "not checked: the endorsement is revoked");
      steps.fail(Step.STATUS, problem);
      return;
    }
    if (found.problem().isPresent()) {
      steps.fail(Step.PROOF, problem);
      return;
    }
    steps.pass(Step.PROOF, "hosted: the copy at " + id + " is this one, within its issuer's scope");
    steps.pass(Step.ISSUER_AND_KEY, "endorsed by " + found.endorser() + "; hosted, so no key");
    steps.pass(Step.STATUS, "not revoked: the hosted endorsement is current");
    steps.pass(Step.EXPIRY, "an endorsement does not expire");
    steps.fail(Step.RECIPIENT, "an endorsement has no recipient");
  }

  /**
   * Checks the endorsement at {@code url}.
   *
   * @param about the id its claim must be about, when it is listed by a document
   */
  private Found check(String url, Optional<String> about) {
    ObjectNode hosted;
    try {
      hosted = documents.object(url);
    } catch (ResolveException e) {
      if (e.reason() == ResolveException.Reason.OUT_OF_REACH) {
        return new Found(Optional.empty(), true, "");
      }
      if (e.reason() == ResolveException.Reason.GONE) {
        return Found.problem("revoked: the hosted endorsement is gone (HTTP 410)");
      }
      return Found.problem("cannot fetch it: " + e.getMessage());
    }
    if (hosted.path("revoked").asBoolean(false)) {
      return Found.problem("revoked: " + reason(hosted));
    }
    if (!Documents.strings(hosted.get("type")).contains("Endorsement")) {
      return Found.problem("not an Open Badges 2.0 Endorsement");
    }
    if (!url.equals(hosted.path("id").asText())) {
      return Found.problem("its id is " + hosted.path("id").asText("missing") + ", not its URL");
    }
    Optional<String> claim = Documents.idOf(hosted.get("claim"));
    if (claim.isEmpty()) {
      return Found.problem("its claim names nothing");
    }
    if (about.isPresent() && !claim.get().equals(about.get())) {
      return Found.problem("it endorses " + claim.get() + ", not " + about.get());
    }
    String kind = hosted.path("verification").path("type").asText("hosted");
    if (!kind.equalsIgnoreCase("hosted") && !kind.equalsIgnoreCase("HostedBadge")) {
      return Found.problem("only hosted endorsements are verified, not " + kind);
    }
    Optional<String> issuerUrl = Documents.idOf(hosted.get("issuer"));
    if (issuerUrl.isEmpty()) {
      return Found.problem("it names no issuer");
    }
    ObjectNode issuer;
    try {
      issuer = documents.object(issuerUrl.get());
    } catch (ResolveException e) {
      return Found.problem("cannot fetch its issuer " + issuerUrl.get() + ": " + e.getMessage());
    }
    if (!issuerUrl.get().equals(issuer.path("id").asText())) {
      return Found.problem("the issuer profile at " + issuerUrl.get() + " has another id");
    }
    Optional<String> outside = outsideScope(url, issuerUrl.get(), issuer);
    if (outside.isPresent()) {
      return Found.problem(outside.get());
    }
    return new Found(Optional.empty(), false, issuer.path("name").asText(issuerUrl.get()));
  }

  /** The issuer's verification policy: startsWith, then the allowed origins (OB 2.0 §Hosted). */
  private static Optional<String> outsideScope(String id, String issuerUrl, ObjectNode issuer) {
    JsonNode policy = issuer.path("verification");
    List<String> startsWith = Documents.strings(policy.get("startsWith"));
    if (!startsWith.isEmpty() && startsWith.stream().noneMatch(id::startsWith)) {
      return Optional.of(
          id + " is outside its issuer's verification.startsWith " + String.join(", ", startsWith));
    }
    List<String> origins = Documents.strings(policy.get("allowedOrigins"));
    if (origins.isEmpty()) {
      origins = List.of(authority(issuerUrl));
    }
    if (!origins.contains(authority(id))) {
      return Optional.of(id + " is not hosted on its issuer's origins " + origins);
    }
    return Optional.empty();
  }

  private static String authority(String url) {
    try {
      String authority = URI.create(url).getRawAuthority();
      return authority == null ? "" : authority;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String reason(JsonNode revoked) {
    return revoked.path("revocationReason").asText("no reason given");
  }
}
