package dev.badgesmith.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.jackson.Jackson;
import dev.badgesmith.json.JsonOutput;
import dev.badgesmith.json.Ob2Documents;
import dev.badgesmith.json.Ob3Documents;
import dev.badgesmith.lock.StatusIndexes;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.PublishedKey;
import dev.badgesmith.model.SigningSettings;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.sign.CredentialSigner;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.sign.Signatures;
import dev.badgesmith.sign.SigningKey;
import dev.badgesmith.write.OutputSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Open Badges 3.0 for a site with a signing section: the keys as documents verifiers can fetch
 * ({@code keys/<id>.json}, {@code did.json}), and per award an OpenBadgeCredential with an embedded
 * Data Integrity proof and/or as a VC-JWT.
 */
final class Ob3Publisher {
  private static final ObjectMapper JSON = Jackson.json();

  private final Site site;
  private final SiteLayout layout;
  private final SigningSettings signing;
  private final Credentials credentials;
  private final Ob3Documents documents;
  private final Signatures signatures;
  private final StatusIndexes indexes;

  /**
   * Made once per build, not per credential: an Ed25519 signer derives its public key from the seed
   * (a scalar multiplication), and a thumbprint encodes the key and hashes it.
   */
  private final Optional<Function<byte[], byte[]>> ed25519;

  private final Optional<String> proofThumbprint;

  private final Optional<String> jwtThumbprint;

  /**
   * @param signatures how credentials are signed
   * @param indexes every award's status list index
   */
  Ob3Publisher(
      Site site,
      SiteLayout layout,
      Credentials credentials,
      Signatures signatures,
      StatusIndexes indexes) {
    this.site = site;
    this.layout = layout;
    this.signing = site.settings().signing().orElseThrow();
    this.credentials = credentials;
    this.documents = new Ob3Documents(layout);
    this.signatures = signatures;
    this.indexes = indexes;
    this.ed25519 = credentials.dataIntegrityKey().map(CredentialSigner::ed25519Signer);
    this.proofThumbprint = credentials.dataIntegrityKey().map(k -> k.publicKeyInfo().thumbprint());
    this.jwtThumbprint = credentials.jwt().map(k -> k.publicKeyInfo().thumbprint());
  }

  /** What one award publishes: its files, the text baked into its images, and where those go. */
  record Signed(Map<String, byte[]> files, String baked, String png, String svg) {
    /** The file of the signed credential: with the embedded proof, else the VC-JWT. */
    String signedFile() {
      return files.keySet().stream()
          .filter(f -> f.endsWith(baked.startsWith("{") ? ".json" : ".jwt"))
          .findFirst()
          .orElseThrow();
    }
  }

  /**
   * The id credentials give an issuer: the site's DID, or the URL of the issuer's controller
   * document. Not the Open Badges 2.0 profile's URL: verifiers check that the issuer is the
   * controller of the signing key, and a controller document must list the key in {@code
   * assertionMethod}, which no Open Badges 2.0 context defines.
   */
  String issuerId(String issuer) {
    return signing.issuerIdIsDid() ? layout.did() : layout.issuerController(issuer).url();
  }

  /**
   * Every key not revoked, as a document; and in DID mode the DID document, which lists them all:
   * the Ed25519 keys a Data Integrity proof may name as Multikey, the JWT keys as JsonWebKey.
   * Earlier keys stay, so what they signed still verifies after a rotation; a revoked key is left
   * out, so what it signed no longer does.
   */
  void publishKeys(OutputSink out) throws IOException {
    List<ObjectNode> methods = new java.util.ArrayList<>();
    String controller = issuerId(site.settings().defaultIssuer());
    for (PublishedKey key : signing.keys()) {
      if (key.revoked()) {
        continue;
      }
      KeyAlgorithm algorithm = KeyAlgorithm.parse(key.algorithm());
      PublicKeyInfo info = PublicKeyInfo.fromPem(key.id(), algorithm, key.publicKeyPem());
      ObjectNode document;
      ObjectNode method = JsonOutput.object();
      method.put("id", methodId(key.id()));
      if (algorithm == KeyAlgorithm.Ed25519) {
        document = JsonOutput.object();
        document.put("@context", "https://w3id.org/security/multikey/v1");
        document.put("id", layout.keyDocument(key.id()).url());
        document.put("type", "Multikey");
        document.put("controller", controller);
        document.put("publicKeyMultibase", info.toMultibase());
        method.put("type", "Multikey");
        method.put("controller", controller);
        method.put("publicKeyMultibase", info.toMultibase());
      } else {
        document = (ObjectNode) JSON.readTree(info.toJwkJson(key.id()));
        // The JWT keys too, so the controller document lists every key the site signs with.
        method.put("type", "JsonWebKey");
        method.put("controller", controller);
        method.set("publicKeyJwk", document.deepCopy());
      }
      methods.add(method);
      out.write(layout.keyDocument(key.id()).file(), JsonOutput.bytes(document));
    }
    if (signing.issuerIdIsDid()) {
      out.write(
          layout.didDocument().file(), JsonOutput.bytes(controllerDocument(controller, methods)));
    } else {
      for (Issuer issuer : site.issuers()) {
        String id = issuerId(issuer.id());
        List<ObjectNode> own = new java.util.ArrayList<>();
        for (ObjectNode m : methods) {
          own.add(m.deepCopy().put("controller", id));
        }
        out.write(
            layout.issuerController(issuer.id()).file(),
            JsonOutput.bytes(controllerDocument(id, own)));
      }
    }
    // GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders such as .well-known.
    out.write(".nojekyll", new byte[0]);
  }

  /**
   * A verification method's id: the key's fragment of the site's DID, or its key document's URL
   * (what proofs and VC-JWTs name in URL mode).
   */
  private String methodId(String keyId) {
    return signing.issuerIdIsDid() ? layout.did() + "#" + keyId : layout.keyDocument(keyId).url();
  }

  /**
   * A controller document (the DID document, or an issuer's in URL mode): every key as a
   * verification method and an assertion method. Its context starts with the DID context, as
   * verifiers expect of a controller document, and defines {@code JsonWebKey} and {@code
   * publicKeyJwk} inline, with the IRIs of the security vocabulary: no context that defines them
   * ships with the verifiers people use.
   */
  private static ObjectNode controllerDocument(String id, List<ObjectNode> methods) {
    ObjectNode json = JsonOutput.object();
    ArrayNode context = json.putArray("@context");
    context.add("https://www.w3.org/ns/did/v1");
    context.add("https://w3id.org/security/multikey/v1");
    if (methods.stream().anyMatch(m -> m.has("publicKeyJwk"))) {
      ObjectNode jwk = context.addObject();
      jwk.put("JsonWebKey", "https://w3id.org/security#JsonWebKey");
      ObjectNode publicKeyJwk = jwk.putObject("publicKeyJwk");
      publicKeyJwk.put("@id", "https://w3id.org/security#publicKeyJwk");
      publicKeyJwk.put("@type", "@json");
    }
    json.put("id", id);
    ArrayNode verification = json.putArray("verificationMethod");
    ArrayNode assertion = json.putArray("assertionMethod");
    for (ObjectNode method : methods) {
      verification.add(method);
      assertion.add(method.get("id").asText());
    }
    return json;
  }

  /** The documents credentials are made of. */
  Ob3Documents documents() {
    return documents;
  }

  /** What signs this site's credentials. */
  Credentials credentials() {
    return credentials;
  }

  /**
   * The Achievement a badge class's credentials name, at the URL of its id, with the endorsements
   * the site gives of it as signed EndorsementCredentials ({@code endorsement}), where the site
   * makes embedded proofs. Not as VC-JWTs: the 1EdTech schema has {@code endorsementJwt}, but no
   * context defines it (3.0.3 included), and JSON-LD processors in safe mode reject an undefined
   * term. The Achievement embedded in award credentials carries none, so giving an endorsement
   * changes no award's credential.
   */
  void publishAchievement(BadgeClass badge, List<SignedEndorsement> endorsements, OutputSink out)
      throws IOException {
    ObjectNode json = JsonOutput.object();
    ArrayNode context = json.putArray("@context");
    context.add(Ob3Documents.VC_CONTEXT);
    context.add(Ob3Documents.OB_CONTEXT);
    json.setAll(documents.achievement(badge));
    if (!endorsements.isEmpty() && credentials.dataIntegrityKey().isPresent()) {
      ArrayNode list = json.putArray("endorsement");
      endorsements.forEach(e -> list.add(e.withProof().orElseThrow()));
    }
    out.write(layout.achievementJson(badge.id()).file(), JsonOutput.bytes(json));
  }

  /** An endorsement's EndorsementCredential with its embedded proof, when the site makes them. */
  record SignedEndorsement(Optional<ObjectNode> withProof) {}

  /** The id an EndorsementCredential gives what it endorses: its Open Badges 3.0 document. */
  String endorsedId(Endorsement.Target target, Optional<Award> award) {
    if (target.external()) {
      return target.ref();
    }
    return switch (target.kind()) {
      case BADGE -> layout.achievementJson(target.ref()).url();
      case ISSUER -> issuerId(target.ref());
      case AWARD -> layout.credentialJson(award.orElseThrow()).url();
    };
  }

  /**
   * An endorsement as a signed EndorsementCredential, written beside its page, with its own entry
   * in the status list.
   *
   * @param name how wallets list it
   * @param subjectId the id of what it endorses ({@link #endorsedId})
   */
  SignedEndorsement endorsement(
      Endorsement endorsement, String name, String subjectId, OutputSink out) throws IOException {
    Issuer endorser = site.issuer(endorsement.endorserId()).orElseThrow();
    int index = indexes.of(endorsement);
    ObjectNode unsigned =
        documents.endorsementCredential(
            endorsement,
            name,
            endorser,
            issuerId(endorser.id()),
            subjectId,
            documents.statusEntry(index, statusListUrl()));
    Optional<ObjectNode> withProof = Optional.empty();
    if (credentials.dataIntegrityKey().isPresent()) {
      byte[] json = embeddedProof(unsigned, endorsement.issuedOn());
      out.write(layout.endorsementCredential(endorsement.id()).file(), json);
      withProof = Optional.of((ObjectNode) JSON.readTree(json));
    }
    if (credentials.jwt().isPresent()) {
      ObjectNode jwtForm = unsigned;
      if (withProof.isPresent()) {
        jwtForm = jwtForm(unsigned, index);
      } else {
        out.write(layout.endorsementCredential(endorsement.id()).file(), JsonOutput.bytes(jwtForm));
      }
      byte[] signed = vcJwt(jwtForm, endorsement.issuedOn());
      out.write(layout.endorsementJwt(endorsement.id()).file(), signed);
    }
    return new SignedEndorsement(withProof);
  }

  /**
   * The revocation status of every credential: the signed BitstringStatusList credential their
   * {@code credentialStatus} names, and the 1EdTech revocation list.
   */
  void publishStatus(OutputSink out, VerifyPageData verifyPage) throws IOException {
    BitSet revoked = new BitSet(StatusIndexes.SIZE);
    List<Award> revokedAwards = site.awards().stream().filter(Award::revoked).toList();
    revokedAwards.forEach(a -> revoked.set(indexes.of(a)));
    List<Endorsement> revokedEndorsements =
        site.endorsements().given().stream().filter(Endorsement::revoked).toList();
    revokedEndorsements.forEach(e -> revoked.set(indexes.of(e)));
    String issuer = issuerId(site.settings().defaultIssuer());
    // Dated by the site's settings, never by an award's: one revocation or award dated far ahead
    // would otherwise make the list, and so every credential's status, not valid yet. The signing
    // keys' latest validFrom (a key verifies only what it signed within its period), else the
    // Unix epoch; the list's content says what changed, and its signature covers it.
    java.time.OffsetDateTime date = java.time.OffsetDateTime.parse("1970-01-01T00:00:00Z");
    for (String key : signingKeys()) {
      Optional<java.time.OffsetDateTime> from = signing.key(key).flatMap(PublishedKey::validFrom);
      if (from.isPresent() && date.isBefore(from.get())) {
        date = from.get();
      }
    }
    String created = Ob2Documents.dateTime(date);
    // Each form names itself: a verifier that reads one form never has to know the other.
    if (credentials.dataIntegrityKey().isPresent()) {
      ObjectNode list =
          documents.statusListCredential(
              layout.statusList().url(), issuer, created, revoked, StatusIndexes.SIZE);
      verifyPage.statusList(list);
      out.write(layout.statusList().file(), embeddedProof(list, date));
    }
    if (credentials.jwt().isPresent()) {
      ObjectNode list =
          documents.statusListCredential(
              layout.statusListJwt().url(), issuer, created, revoked, StatusIndexes.SIZE);
      verifyPage.statusList(list);
      out.write(layout.statusListJwt().file(), vcJwt(list, date));
    }
    ObjectNode revocations =
        documents.credentialRevocations(issuer, revokedAwards, revokedEndorsements);
    verifyPage.credentialRevocations(revocations);
    out.write(layout.credentialRevocations().file(), JsonOutput.bytes(revocations));
  }

  /** The keys that sign credentials: the VC-JWT's and the Data Integrity proof's. */
  private List<String> signingKeys() {
    return java.util.stream.Stream.concat(
            signing.jwtKey().stream(), signing.dataIntegrityKey().stream())
        .distinct()
        .toList();
  }

  /** An award's credential, signed as the site's settings say. */
  Signed credential(Award award, BadgeClass badge) {
    Issuer issuer = site.issuer(badge.issuerId()).orElseThrow();
    int index = indexes.of(award);
    ObjectNode unsigned =
        documents.credential(
            award,
            badge,
            issuer,
            issuerId(issuer.id()),
            // A URL or DID the site made public (pages.earnerPages) names the subject, and the
            // VC-JWT's sub; an e-mail address or telephone number never does.
            award.recipient().publicId(),
            Optional.of(documents.statusEntry(index, statusListUrl())));
    // The VC-JWT is the same credential secured by the JWT alone: its status entry names the
    // status list as a JWT too, which a JWT-only verifier can check. It is signed while the proof
    // is made.
    boolean proof = credentials.dataIntegrityKey().isPresent();
    Optional<ObjectNode> jwtForm =
        credentials.jwt().map(k -> proof ? jwtForm(unsigned, index) : unsigned);
    Optional<Beside<byte[]>> jwt =
        jwtForm.map(form -> Beside.start(() -> vcJwt(form, award.issuedOn())));
    Map<String, byte[]> files = new LinkedHashMap<>();
    String baked = null;
    if (proof) {
      byte[] json = embeddedProof(unsigned, award.issuedOn());
      files.put(layout.credentialJson(award).file(), json);
      baked = new String(json, StandardCharsets.UTF_8);
    }
    if (jwt.isPresent()) {
      byte[] signed = jwt.get().result();
      files.put(layout.credentialJwt(award).file(), signed);
      if (baked == null) {
        baked = new String(signed, StandardCharsets.US_ASCII);
        // Without an embedded proof, the JSON form is the unsigned credential, for reading.
        files.put(layout.credentialJson(award).file(), JsonOutput.bytes(jwtForm.get()));
      }
    }
    return new Signed(
        files, baked, layout.credentialPng(award).file(), layout.credentialSvg(award).file());
  }

  /** The credential as its VC-JWT holds it: its status entry names the status list's JWT. */
  private ObjectNode jwtForm(ObjectNode unsigned, int index) {
    ObjectNode form = unsigned.deepCopy();
    form.set("credentialStatus", documents.statusEntry(index, layout.statusListJwt().url()));
    return form;
  }

  /** The status list credentials name first: the one with an embedded proof, when there is one. */
  private String statusListUrl() {
    return credentials.dataIntegrityKey().isPresent()
        ? layout.statusList().url()
        : layout.statusListJwt().url();
  }

  /**
   * When a key signs a document that took effect at {@code effective}: then, or when the key's
   * validity period began if that is later. After a key rotation the new key signs every earlier
   * award again, as of the day it took over; the date follows from the input alone, so the same
   * commit builds the same bytes, and verifiers see each signature made within its key's period.
   */
  private OffsetDateTime signedAt(SigningKey key, OffsetDateTime effective) {
    return signing
        .key(key.id())
        .flatMap(PublishedKey::validFrom)
        .filter(effective::isBefore)
        .orElse(effective);
  }

  /**
   * The document with an embedded eddsa-rdfc-2022 proof, as published: the tree signed, then
   * written out once.
   */
  byte[] embeddedProof(ObjectNode unsigned, OffsetDateTime effective) {
    SigningKey key = credentials.dataIntegrityKey().orElseThrow();
    String created = Ob2Documents.dateTime(signedAt(key, effective));
    String method =
        signing.issuerIdIsDid()
            ? layout.did() + "#" + key.id()
            : layout.keyDocument(key.id()).url();
    return signatures.sign(
        () ->
            JsonOutput.bytes(
                credentials
                    .dataIntegrity()
                    .addProof(unsigned, method, created, ed25519.orElseThrow())),
        unsigned,
        "eddsa-rdfc-2022",
        proofThumbprint.orElseThrow(),
        method,
        created);
  }

  /** The document as a VC-JWT. */
  byte[] vcJwt(ObjectNode unsigned, OffsetDateTime effective) {
    SigningKey key = credentials.jwt().orElseThrow();
    String kid = layout.keyDocument(key.id()).url();
    long issuedAt = signedAt(key, effective).toEpochSecond();
    java.util.function.Supplier<byte[]> signed =
        () ->
            CredentialSigner.signVcJwt(key, kid, unsigned, issuedAt)
                .getBytes(StandardCharsets.US_ASCII);
    // ES256 signatures are randomised: only deterministic ones may be made once and reused.
    return key.algorithm() == KeyAlgorithm.ES256
        ? signed.get()
        : signatures.sign(
            signed, unsigned, "vc-jwt", jwtThumbprint.orElseThrow(), kid, Long.toString(issuedAt));
  }
}
