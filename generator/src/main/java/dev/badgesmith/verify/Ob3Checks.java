package dev.badgesmith.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.ld.DataIntegrity;
import dev.badgesmith.ld.Verification;
import dev.badgesmith.sign.CredentialSigner;
import dev.badgesmith.sign.JwsVerifier;
import dev.badgesmith.sign.Multibase;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.sign.VerificationException;
import dev.badgesmith.verify.Check.Step;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The steps for an Open Badges 3.0 credential: an embedded Data Integrity proof, or a VC-JWT. */
final class Ob3Checks {
  private final Documents documents;
  private final DataIntegrity dataIntegrity;
  private final Map<String, StatusMethod> statusMethods;
  private final Verifier verifier;
  private final KeyPeriods periods;

  Ob3Checks(
      Documents documents,
      DataIntegrity dataIntegrity,
      Map<String, StatusMethod> statusMethods,
      Verifier verifier) {
    this.documents = documents;
    this.dataIntegrity = dataIntegrity;
    this.statusMethods = statusMethods;
    this.verifier = verifier;
    this.periods = new KeyPeriods(documents);
  }

  /**
   * A public key as its verification method or {@code kid} resolves.
   *
   * @param controller who the key document says controls it; a bare JWK names nobody
   * @param listed whether the DID document lists it in {@code assertionMethod} (true off DIDs)
   * @param source where it was found, for messages
   */
  record ResolvedKey(
      String id, PublicKeyInfo key, Optional<String> controller, boolean listed, String source) {}

  /** A key that cannot be had: not (or no longer) published, unreadable, or of the wrong kind. */
  static final class KeyProblem extends Exception {
    private static final long serialVersionUID = 1L;

    KeyProblem(String message) {
      super(message);
    }
  }

  void embedded(ObjectNode credential, Steps steps, Optional<String> recipient) {
    List<JsonNode> proofs = Documents.items(credential.get("proof"));
    Optional<JsonNode> proof =
        proofs.stream()
            .filter(p -> DataIntegrity.CRYPTOSUITE.equals(p.path("cryptosuite").asText()))
            .findFirst()
            .or(() -> proofs.stream().findFirst());
    Optional<String> method = proof.flatMap(p -> Documents.text(p, "verificationMethod"));
    if (method.isEmpty()) {
      steps.fail(Step.PROOF, "the credential has no proof with a verificationMethod");
    } else {
      try {
        ResolvedKey key = resolve(method.get());
        Verification result =
            dataIntegrity.verifyProof(
                credential,
                m -> m.equals(method.get()) ? rawEd25519(key) : Optional.empty(),
                (raw, data, signature) ->
                    CredentialSigner.verifyEd25519(
                        PublicKeyInfo.ed25519(key.id(), raw).key(), data, signature));
        if (result.verified()) {
          steps.pass(
              Step.PROOF, "Data Integrity " + DataIntegrity.CRYPTOSUITE + " by " + method.get());
        } else {
          steps.fail(Step.PROOF, result.message());
        }
        // The key must have been valid when it signed: when the proof says it was made.
        Optional<String> created = Documents.text(proof.orElseThrow(), "created");
        issuerAndKey(
            credential,
            key,
            steps,
            created.or(() -> Documents.text(credential, "validFrom")),
            created.isPresent() ? "proof created" : "validFrom");
      } catch (KeyProblem e) {
        steps.skip(Step.PROOF, "not checked: no published key to check it with");
        steps.fail(Step.ISSUER_AND_KEY, e.getMessage());
      }
    }
    rest(credential, steps, recipient);
  }

  void jwt(String jwt, ObjectNode header, Steps steps, Optional<String> recipient) {
    Optional<String> kid = Documents.text(header, "kid");
    ResolvedKey key;
    try {
      if (kid.isPresent()) {
        key = resolve(kid.get());
      } else if (header.has("jwk")) {
        key =
            new ResolvedKey(
                "jwk",
                PublicKeyInfo.fromJwk("jwk", header.get("jwk").toString()),
                Optional.empty(),
                false,
                "the JWT header");
      } else {
        throw new KeyProblem("the JWT header names no key (kid or jwk)");
      }
    } catch (KeyProblem | BadgesmithException e) {
      steps.skip(Step.PROOF, "not checked: no published key to check it with");
      steps.fail(Step.ISSUER_AND_KEY, e.getMessage());
      skipRest(steps, "the credential could not be checked");
      return;
    }
    ObjectNode payload;
    try {
      payload = JwsVerifier.verifyVcJwt(jwt, key.key());
    } catch (VerificationException e) {
      steps.fail(Step.PROOF, e.getMessage());
      skipRest(steps, "the JWT does not verify, so its claims cannot be trusted");
      return;
    }
    steps.pass(
        Step.PROOF,
        "VC-JWT "
            + header.path("alg").asText()
            + " by "
            + kid.orElse("the key in its header")
            + "; iss, jti, sub, nbf and exp match the credential");
    ObjectNode credential = Documents.credentialOf(payload);
    if (header.has("jwk") && kid.isEmpty()) {
      steps.fail(
          Step.ISSUER_AND_KEY, "the JWT carries its own key, which nothing ties to the issuer");
    } else {
      // iat says when it was signed: after a key rotation, later than the credential's validFrom.
      JsonNode iat = payload.get("iat");
      if (iat != null && iat.isIntegralNumber()) {
        String at = java.time.Instant.ofEpochSecond(iat.asLong()).toString();
        issuerAndKey(credential, key, steps, Optional.of(at), "iat");
      } else {
        issuerAndKey(credential, key, steps, Documents.text(credential, "validFrom"), "validFrom");
      }
    }
    rest(credential, steps, recipient);
  }

  private void skipRest(Steps steps, String why) {
    for (Step step : List.of(Step.STATUS, Step.EXPIRY, Step.RECIPIENT)) {
      steps.skip(step, "not checked: " + why);
    }
  }

  /**
   * The issuer must control the key: as its controller, or by publishing it on its own site; and
   * the key must have been valid when it signed.
   *
   * @param signed when the credential says it was signed
   * @param what the member that says so
   */
  private void issuerAndKey(
      ObjectNode credential, ResolvedKey key, Steps steps, Optional<String> signed, String what) {
    Optional<String> issuer = Documents.idOf(credential.get("issuer"));
    if (issuer.isEmpty()) {
      steps.fail(Step.ISSUER_AND_KEY, "the credential names no issuer id");
      return;
    }
    if (key.controller().isPresent()) {
      String controller = key.controller().get();
      if (!controller.equals(issuer.get())) {
        steps.fail(
            Step.ISSUER_AND_KEY,
            "the key "
                + key.id()
                + " is controlled by "
                + controller
                + ", not by the issuer "
                + issuer.get());
      } else if (!key.listed()) {
        steps.fail(
            Step.ISSUER_AND_KEY,
            "the key " + key.id() + " is not listed in assertionMethod of " + key.source());
      } else {
        steps.add(
            periods.check(
                key.id(),
                signed,
                what,
                "the issuer "
                    + issuer.get()
                    + " controls "
                    + key.id()
                    + " ("
                    + key.source()
                    + ")"));
      }
      return;
    }
    // A bare JWK names no controller: it counts as the issuer's when the issuer's site serves it.
    Optional<String> site = siteOf(issuer.get());
    if (site.isPresent() && key.id().startsWith(site.get())) {
      steps.add(
          periods.check(
              key.id(),
              signed,
              what,
              "the key " + key.id() + " is published on the site of the issuer " + issuer.get()));
    } else {
      steps.fail(
          Step.ISSUER_AND_KEY,
          "the key " + key.id() + " is not published on the site of the issuer " + issuer.get());
    }
  }

  /** The URL prefix an issuer id stands for: a did:web's folder, an https URL's origin. */
  static Optional<String> siteOf(String issuer) {
    if (DidWeb.isDidWeb(issuer)) {
      return Optional.of(DidWeb.siteUrl(issuer));
    }
    try {
      URI uri = URI.create(issuer);
      if ("https".equals(uri.getScheme()) && uri.getRawAuthority() != null) {
        return Optional.of("https://" + uri.getRawAuthority() + "/");
      }
    } catch (IllegalArgumentException e) {
      // not a URL: no site
    }
    return Optional.empty();
  }

  /** Status, expiry and recipient: the same for both proof forms. */
  private void rest(ObjectNode credential, Steps steps, Optional<String> recipient) {
    status(credential, steps);
    verifier.expiry(credential, "validFrom", "validUntil", steps);
    List<Verifier.Identity> identities = new ArrayList<>();
    JsonNode subject = credential.path("credentialSubject");
    for (JsonNode id : Documents.items(subject.get("identifier"))) {
      identities.add(
          new Verifier.Identity(
              id.path("identityHash").asText(""),
              id.path("hashed").asBoolean(false),
              id.path("salt").asText(""),
              id.path("identityType").asText("")));
    }
    Documents.text(subject, "id")
        .ifPresent(id -> identities.add(new Verifier.Identity(id, false, "", "id")));
    Verifier.recipient(recipient, identities, steps);
  }

  /**
   * Each {@code credentialStatus} entry goes to the status method for its type; this is where
   * status lists plug in.
   */
  private void status(ObjectNode credential, Steps steps) {
    List<JsonNode> entries = Documents.items(credential.get("credentialStatus"));
    if (entries.isEmpty()) {
      steps.pass(Step.STATUS, "no status list");
      return;
    }
    List<String> passed = new ArrayList<>();
    for (JsonNode entry : entries) {
      String type = Documents.strings(entry.get("type")).stream().findFirst().orElse("");
      StatusMethod method = statusMethods.get(type);
      if (method == null || !(entry instanceof ObjectNode object)) {
        steps.fail(
            Step.STATUS,
            "cannot read a credentialStatus of type '" + type + "', so revocation is unknown");
        return;
      }
      Check check = method.check(object, credential, verifier.statusContext(steps.depth()));
      if (!check.passed()) {
        steps.add(Check.failed(Step.STATUS, check.message()));
        return;
      }
      passed.add(check.message());
    }
    steps.pass(Step.STATUS, String.join("; ", passed));
  }

  /** Finds the key a verification method or {@code kid} names. */
  ResolvedKey resolve(String method) throws KeyProblem {
    if (method.startsWith("did:key:")) {
      String did = DidWeb.withoutFragment(method);
      return new ResolvedKey(
          method,
          ed25519(method, did.substring("did:key:".length())),
          Optional.of(did),
          true,
          "the key is its own DID");
    }
    if (DidWeb.isDidWeb(method)) {
      return fromDid(method);
    }
    if (!method.startsWith("https://")) {
      throw new KeyProblem("the key " + method + " is neither a did:web, a did:key nor https URL");
    }
    ObjectNode document = fetch(method, "key document");
    if (document.has("kty")) {
      return new ResolvedKey(method, jwk(method, document), Optional.empty(), true, method);
    }
    String url = DidWeb.withoutFragment(method);
    if (!url.equals(document.path("id").asText())) {
      throw new KeyProblem(
          "the key document at " + url + " has the id '" + document.path("id").asText() + "'");
    }
    PublicKeyInfo key = ed25519(method, document.path("publicKeyMultibase").asText(""));
    Optional<String> controller = Documents.text(document, "controller");
    if (controller.isEmpty()) {
      return new ResolvedKey(method, key, controller, true, "its key document");
    }
    // As Data Integrity verifiers do: the controller's document must list the key as an assertion
    // method, or the key is not the controller's to sign with.
    ObjectNode controlling =
        DidWeb.isDidWeb(controller.get())
            ? fetch(controller.get(), "DID document")
            : fetch(controller.get(), "controller document");
    List<String> assertion = new ArrayList<>();
    for (JsonNode entry : Documents.items(controlling.get("assertionMethod"))) {
      assertion.add(entry.isObject() ? entry.path("id").asText() : entry.asText());
    }
    boolean listed =
        controller.get().equals(controlling.path("id").asText()) && assertion.contains(method);
    return new ResolvedKey(
        method,
        key,
        controller,
        listed,
        "its key document and the controller document of " + controller.get());
  }

  private ResolvedKey fromDid(String method) throws KeyProblem {
    String did = DidWeb.withoutFragment(method);
    ObjectNode document = fetch(did, "DID document");
    if (!did.equals(document.path("id").asText())) {
      throw new KeyProblem(
          "the DID document of " + did + " has the id '" + document.path("id").asText() + "'");
    }
    String fragment = method.substring(did.length());
    for (JsonNode entry : Documents.items(document.get("verificationMethod"))) {
      String id = entry.path("id").asText();
      if (!id.equals(method) && !(id.equals(fragment) && !fragment.isEmpty())) {
        continue;
      }
      PublicKeyInfo key =
          entry.has("publicKeyJwk")
              ? jwk(method, entry.get("publicKeyJwk"))
              : ed25519(method, entry.path("publicKeyMultibase").asText(""));
      List<String> assertion = Documents.strings(document.get("assertionMethod"));
      boolean listed = assertion.contains(method) || assertion.contains(fragment);
      return new ResolvedKey(
          method,
          key,
          Documents.text(entry, "controller"),
          listed,
          "the DID document at " + DidWeb.documentUrl(did));
    }
    throw new KeyProblem(
        "the key "
            + method
            + " is not published: the DID document of "
            + did
            + " does not list it (revoked, or never published)");
  }

  private ObjectNode fetch(String url, String what) throws KeyProblem {
    try {
      return documents.object(url);
    } catch (ResolveException e) {
      if (e.notPublished()) {
        throw new KeyProblem(
            "the key "
                + url
                + " is not published (revoked, or never published): "
                + e.getMessage());
      }
      throw new KeyProblem("cannot fetch the " + what + " of " + url + ": " + e.getMessage());
    }
  }

  private static PublicKeyInfo ed25519(String id, String multibase) throws KeyProblem {
    try {
      return PublicKeyInfo.ed25519(id, Multibase.decodeEd25519PublicKey(multibase));
    } catch (IllegalArgumentException | BadgesmithException e) {
      throw new KeyProblem("the key " + id + " is not an Ed25519 Multikey: " + e.getMessage());
    }
  }

  private static PublicKeyInfo jwk(String id, JsonNode jwk) throws KeyProblem {
    try {
      return PublicKeyInfo.fromJwk(id, jwk.toString());
    } catch (BadgesmithException e) {
      throw new KeyProblem("the key " + id + ": " + e.getMessage());
    }
  }

  private static Optional<byte[]> rawEd25519(ResolvedKey key) {
    try {
      return Optional.of(key.key().rawEd25519());
    } catch (IllegalStateException e) {
      return Optional.empty(); // not an Ed25519 key: the proof step says so
    }
  }
}
