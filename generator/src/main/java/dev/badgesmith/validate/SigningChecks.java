package dev.badgesmith.validate;

import static dev.badgesmith.validate.Suggestions.withSuggestion;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.load.Dates;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.KeyDoc;
import dev.badgesmith.load.Docs.SigningDoc;
import dev.badgesmith.load.Located;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.PublishedKey;
import dev.badgesmith.model.SigningSettings;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.source.FileNames;
import dev.badgesmith.source.SiteScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The signing section of site.yaml: its keys read and parsed (each public key file inside the site
 * and of its algorithm), the roles they sign in, and the awards a key's period allows it to sign.
 */
final class SigningChecks {
  private final SitePaths paths;
  private final Diagnostics d;

  SigningChecks(SitePaths paths, Diagnostics d) {
    this.paths = paths;
    this.d = d;
  }

  /** The signing section: keys that exist, parse and match their algorithm, and usable roles. */
  Optional<SigningSettings> signing(SigningDoc doc, ZoneId zone) {
    List<PublishedKey> keys = new ArrayList<>();
    Map<String, KeyAlgorithm> algorithms = new HashMap<>();
    boolean ok = true;
    for (KeyDoc k : doc.keys()) {
      Optional<PublishedKey> key = key(k, zone);
      if (key.isEmpty()) {
        ok = false;
      } else if (algorithms.containsKey(key.get().id())) {
        d.add(
            Diagnostic.error(
                Code.DUPLICATE_ID,
                k.id().at(),
                "two signing keys have the id '" + k.id().value() + "'"));
        ok = false;
      } else {
        keys.add(key.get());
        algorithms.put(key.get().id(), KeyAlgorithm.parse(key.get().algorithm()));
      }
    }
    List<String> ids = doc.keys().stream().map(k -> k.id().value()).toList();
    ok &=
        role(
            doc.jwt(),
            "VC-JWTs",
            List.of(KeyAlgorithm.RS256, KeyAlgorithm.ES256),
            ids,
            algorithms,
            keys);
    ok &=
        role(
            doc.dataIntegrity(),
            "Data Integrity proofs",
            List.of(KeyAlgorithm.Ed25519),
            ids,
            algorithms,
            keys);
    if (doc.jwt().isEmpty() && doc.dataIntegrity().isEmpty()) {
      d.add(
          Diagnostic.error(
                  Code.MISSING_FIELD, doc.at(), "the signing settings name no key to sign with")
              .withHint(
                  "add 'jwt: <key-id>' (RS256 or ES256), 'dataIntegrity: <key-id>' (Ed25519), or both"));
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    boolean ob2Signed = doc.ob2().map(o -> o.value().equals("signed")).orElse(false);
    if (ob2Signed
        && !doc.jwt().map(j -> algorithms.get(j.value()) == KeyAlgorithm.RS256).orElse(false)) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  doc.ob2().get().at(),
                  "signed Open Badges 2.0 assertions need an RS256 key as 'jwt'")
              .withHint("Open Badges 2.0 validators check RS256 signatures only"));
      return Optional.empty();
    }
    boolean did = doc.issuerId().map(i -> i.value().equals("did")).orElse(true);
    return Optional.of(
        new SigningSettings(
            did,
            doc.jwt().map(Located::value),
            doc.dataIntegrity().map(Located::value),
            keys,
            ob2Signed));
  }

  private boolean role(
      Optional<Located<String>> named,
      String what,
      List<KeyAlgorithm> allowed,
      List<String> ids,
      Map<String, KeyAlgorithm> algorithms,
      List<PublishedKey> keys) {
    if (named.isEmpty()) {
      return true;
    }
    Located<String> id = named.get();
    if (!ids.contains(id.value())) {
      d.add(
          withSuggestion(
              Diagnostic.error(
                  Code.UNKNOWN_SIGNING_KEY, id.at(), "no signing key '" + id.value() + "'"),
              id.value(),
              ids,
              "a key with 'id: " + id.value() + "' under signing.keys"));
      return false;
    }
    KeyAlgorithm algorithm = algorithms.get(id.value());
    if (algorithm == null) {
      return false; // the key itself is reported
    }
    if (!allowed.contains(algorithm)) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  id.at(),
                  "the key '" + id.value() + "' is " + algorithm + ", which cannot sign " + what)
              .withHint(what + " take a key of " + allowed.stream().map(Enum::name).toList()));
      return false;
    }
    if (keys.stream().anyMatch(k -> k.id().equals(id.value()) && k.revoked())) {
      d.add(
          Diagnostic.error(Code.INVALID_VALUE, id.at(), "the key '" + id.value() + "' is revoked")
              .withHint("make a new key with `badgesmith keygen` and sign with it"));
      return false;
    }
    return true;
  }

  private Optional<PublishedKey> key(KeyDoc k, ZoneId zone) {
    String id = k.id().value();
    KeyAlgorithm algorithm;
    try {
      algorithm = KeyAlgorithm.parse(k.algorithm().value());
    } catch (RuntimeException e) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  k.algorithm().at(),
                  "'" + k.algorithm().value() + "' is not a key algorithm")
              .withHint("write RS256, ES256 or Ed25519"));
      return Optional.empty();
    }
    if (!SiteScanner.isSlug(id)) {
      d.add(
          Diagnostic.error(Code.INVALID_SLUG, k.id().at(), "'" + id + "' is not a valid key id")
              .withHint("key ids are lowercase letters, digits and '-', such as rsa-2026"));
      return Optional.empty();
    }
    if (FileNames.isReserved(id)) {
      // It names the key's files (keys/<id>.pem, keys/<id>.json).
      d.add(
          Diagnostic.error(
                  Code.INVALID_SLUG,
                  k.id().at(),
                  "'"
                      + id
                      + "' is not a valid key id: Windows reserves it for a device, so no file"
                      + " can bear it")
              .withHint("choose another id, such as '" + id + "-1'"));
      return Optional.empty();
    }
    Located<String> named = k.publicKey().orElse(new Located<>("keys/" + id + ".pem", k.id().at()));
    Optional<Path> file = insideSite(named, "public key");
    if (file.isEmpty()) {
      return Optional.empty();
    }
    String pem;
    try {
      pem = Files.readString(file.get(), StandardCharsets.UTF_8);
      PublicKeyInfo.fromPem(id, algorithm, pem);
    } catch (IOException | RuntimeException e) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  named.at(),
                  "'"
                      + named.value()
                      + "' is not a "
                      + algorithm
                      + " public key: "
                      + e.getMessage())
              .withHint(
                  "make a key pair with `badgesmith keygen --id "
                      + id
                      + " --algorithm "
                      + algorithm
                      + "`"));
      return Optional.empty();
    }
    Optional<OffsetDateTime> from = k.validFrom().flatMap(t -> Dates.resolve(t.value(), zone));
    Optional<OffsetDateTime> until = k.validUntil().flatMap(t -> Dates.resolve(t.value(), zone));
    return Optional.of(
        new PublishedKey(id, algorithm.name(), pem, from, until, k.revoked(), named.value()));
  }

  /** A file named in site.yaml: inside the site folder, and there. */
  private Optional<Path> insideSite(Located<String> named, String what) {
    Optional<Path> within = paths.withinSite(named, Code.INVALID_VALUE, what, "keys/rsa-1.pem");
    if (within.isEmpty()) {
      return Optional.empty();
    }
    Path file = within.get();
    if (!Files.isRegularFile(file)) {
      d.add(
          Diagnostic.error(
                  Code.MISSING_FIELD, named.at(), "no " + what + " file '" + named.value() + "'")
              .withHint("make one with `badgesmith keygen`, which writes keys/<id>.pem"));
      return Optional.empty();
    }
    return Optional.of(file);
  }

  /**
   * Verifiers check a key's validity period at the time it signed. A credential is signed as of its
   * award's issue date, or as of the day its key took over when that is later (a key rotation signs
   * earlier awards again), so only an award issued once its key's period is over cannot be signed:
   * the key may no longer sign anything.
   */
  void keyPeriods(AwardDoc doc, Award award, SigningSettings signing) {
    for (String id :
        Stream.concat(signing.jwtKey().stream(), signing.dataIntegrityKey().stream())
            .distinct()
            .toList()) {
      Optional<OffsetDateTime> until = signing.key(id).flatMap(PublishedKey::validUntil);
      if (until.isPresent() && !award.issuedOn().isBefore(until.get())) {
        d.add(
            Diagnostic.error(
                    Code.OUTSIDE_KEY_PERIOD,
                    doc.issuedOn().at(),
                    "the award is issued after the key '"
                        + id
                        + "' ends (validUntil "
                        + until.get()
                        + "), which signs it: a key may sign nothing once its period is over")
                .withHint(
                    "rotate keys: add a new key to signing.keys, sign with it (signing.jwt or"
                        + " signing.dataIntegrity), and keep the old one listed so that what it"
                        + " signed still verifies"));
      }
    }
  }
}
