package dev.badgesmith.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.json.JsonOutput;
import dev.badgesmith.json.Ob2Documents;
import dev.badgesmith.json.Ob3Documents;
import dev.badgesmith.lock.StatusIndexes;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.PublishedKey;
import dev.badgesmith.model.SigningSettings;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.sign.CredentialSigner;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.write.OutputSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open Badges 3.0 for a site with a signing section: the keys as documents verifiers can fetch
 * ({@code keys/<id>.json}, {@code did.json}), and per award an OpenBadgeCredential with an embedded
 * Data Integrity proof and/or as a VC-JWT.
 */
final class Ob3Publisher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Site site;
  private final SiteLayout layout;
  private final SigningSettings signing;
  private final Credentials credentials;
  private final Ob3Documents documents;
  private final SignatureCache cache;
  private final StatusIndexes indexes;

  /**
   * @param cache signed credentials kept between builds
   * @param indexes every award's status list index
   */
  Ob3Publisher(
      Site site,
      SiteLayout layout,
      Credentials credentials,
      SignatureCache cache,
      StatusIndexes indexes) {
    this.site = site;
    this.layout = layout;
    this.signing = site.settings().signing().orElseThrow();
    this.credentials = credentials;
    this.documents = new Ob3Documents(layout);
    this.cache = cache;
    this.indexes = indexes;
  }

  /** What one award publishes: its files, the text baked into its images, and where those go. */
  record Signed(Map<String, byte[]> files, String baked, String png, String svg) {}

  /** A signed credential's files (JSON and/or JWT), and the form of it an image carries. */
  private record Proofs(Map<String, byte[]> files, String baked) {}

  /** The id credentials give an issuer: the site's DID, or the issuer's profile URL. */
  String issuerId(String issuer) {
    return signing.issuerIdIsDid() ? layout.did() : layout.issuerJson(issuer).url();
  }

  /**
   * Every key not revoked, as a document; and in DID mode the DID document, which lists them all:
   * the Ed25519 keys a Data Integrity proof may name as Multikey, the JWT keys as JsonWebKey.
   * Earlier keys stay, so what they signed still verifies after a rotation; a revoked key is left
   * out, so what it signed no longer does.
   */
  void publishKeys(OutputSink out) throws IOException {
    ObjectNode did = JsonOutput.object();
    ArrayNode didContext = did.putArray("@context");
    didContext.add("https://www.w3.org/ns/did/v1");
    didContext.add("https://w3id.org/security/multikey/v1");
    did.put("id", layout.did());
    ArrayNode methods = did.putArray("verificationMethod");
    ArrayNode assertion = did.putArray("assertionMethod");
    boolean jwkKeys = false;
    for (PublishedKey key : signing.keys()) {
      if (key.revoked()) {
        continue;
      }
      KeyAlgorithm algorithm = KeyAlgorithm.parse(key.algorithm());
      PublicKeyInfo info = PublicKeyInfo.fromPem(key.id(), algorithm, key.publicKeyPem());
      ObjectNode document;
      if (algorithm == KeyAlgorithm.Ed25519) {
        document = JsonOutput.object();
        document.put("@context", "https://w3id.org/security/multikey/v1");
        document.put("id", layout.keyDocument(key.id()).url());
        document.put("type", "Multikey");
        document.put("controller", issuerId(site.settings().defaultIssuer()));
        document.put("publicKeyMultibase", info.toMultibase());
        ObjectNode method = methods.addObject();
        method.put("id", layout.did() + "#" + key.id());
        method.put("type", "Multikey");
        method.put("controller", layout.did());
        method.put("publicKeyMultibase", info.toMultibase());
        assertion.add(layout.did() + "#" + key.id());
      } else {
        document = (ObjectNode) JSON.readTree(info.toJwkJson(key.id()));
        // The JWT keys too, so the DID document lists every key the site signs with.
        ObjectNode method = methods.addObject();
        method.put("id", layout.did() + "#" + key.id());
        method.put("type", "JsonWebKey");
        method.put("controller", layout.did());
        method.set("publicKeyJwk", document.deepCopy());
        assertion.add(layout.did() + "#" + key.id());
        jwkKeys = true;
      }
      out.write(layout.keyDocument(key.id()).file(), JsonOutput.bytes(document));
    }
    if (jwkKeys) {
      didContext.add("https://w3id.org/security/jwk/v1");
    }
    if (signing.issuerIdIsDid()) {
      out.write(layout.didDocument().file(), JsonOutput.bytes(did));
    }
    // GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders such as .well-known.
    out.write(".nojekyll", new byte[0]);
  }

  /** The Achievement a badge class's credentials name, at the URL of its id. */
  void publishAchievement(BadgeClass badge, OutputSink out) throws IOException {
    ObjectNode json = JsonOutput.object();
    ArrayNode context = json.putArray("@context");
    context.add(Ob3Documents.VC_CONTEXT);
    context.add(Ob3Documents.OB_CONTEXT);
    json.setAll(documents.achievement(badge));
    out.write(layout.achievementJson(badge.id()).file(), JsonOutput.bytes(json));
  }

  /**
   * The revocation status of every credential: the signed BitstringStatusList credential their
   * {@code credentialStatus} names, and the 1EdTech revocation list.
   */
  void publishStatus(OutputSink out, VerifyPageData verifyPage) throws IOException {
    BitSet revoked = new BitSet(StatusIndexes.SIZE);
    List<Award> revokedAwards = site.awards().stream().filter(Award::revoked).toList();
    revokedAwards.forEach(a -> revoked.set(indexes.of(a)));
    String issuer = issuerId(site.settings().defaultIssuer());
    // Dated by the newest revocation (or, with none, the oldest award): the list changes only
    // when a revocation does, so adding an award does not sign it again.
    java.time.ZoneId zone = site.settings().timeZone();
    java.time.OffsetDateTime date =
        revokedAwards.stream()
            .map(
                a ->
                    a.revocation()
                        .flatMap(r -> r.date())
                        .map(d -> d.atStartOfDay(zone).toOffsetDateTime())
                        .orElse(a.issuedOn()))
            .max(java.util.Comparator.naturalOrder())
            .or(
                () ->
                    site.awards().stream()
                        .map(Award::issuedOn)
                        .min(java.util.Comparator.naturalOrder()))
            .orElse(java.time.OffsetDateTime.parse("2000-01-01T00:00:00Z"));
    // Not before the signing keys' validity periods begin: verifiers check a key at the date it
    // signed, so a list dated by an award older than a new key would not verify.
    for (String key : signingKeys()) {
      Optional<java.time.OffsetDateTime> from = signing.key(key).flatMap(PublishedKey::validFrom);
      if (from.isPresent() && date.isBefore(from.get())) {
        date = from.get();
      }
    }
    String created = Ob2Documents.dateTime(date);
    ObjectNode list =
        documents.statusListCredential(
            statusListUrl(), issuer, created, revoked, StatusIndexes.SIZE);
    verifyPage.statusList(list);
    Proofs proofs = sign(list, created, layout.statusList().file(), layout.statusListJwt().file());
    for (var file : proofs.files().entrySet()) {
      // Unsigned, the list would say nothing: without an embedded proof only its JWT is published.
      if (file.getKey().equals(layout.statusListJwt().file())
          || credentials.dataIntegrityKey().isPresent()) {
        out.write(file.getKey(), file.getValue());
      }
    }
    ObjectNode revocations = documents.credentialRevocations(issuer, revokedAwards);
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

  /** The status list as a credential with an embedded proof, or as a JWT when that is all. */
  private String statusListUrl() {
    return credentials.dataIntegrityKey().isPresent()
        ? layout.statusList().url()
        : layout.statusListJwt().url();
  }

  /** An award's credential, signed as the site's settings say. */
  Signed credential(Award award, BadgeClass badge) {
    Issuer issuer = site.issuer(badge.issuerId()).orElseThrow();
    ObjectNode credential =
        documents.credential(
            award,
            badge,
            issuer,
            issuerId(issuer.id()),
            // A URL or DID the site made public (pages.earnerPages) names the subject, and the
            // VC-JWT's sub; an e-mail address or telephone number never does.
            award.recipient().publicId(),
            Optional.of(documents.statusEntry(indexes.of(award), statusListUrl())));
    Proofs proofs =
        sign(
            credential,
            Ob2Documents.dateTime(award.issuedOn()),
            layout.credentialJson(award).file(),
            layout.credentialJwt(award).file());
    return new Signed(
        proofs.files(),
        proofs.baked(),
        layout.credentialPng(award).file(),
        layout.credentialSvg(award).file());
  }

  /**
   * A credential with an embedded Data Integrity proof and/or as a VC-JWT, as the site's settings
   * say; {@code created} dates the proof, so the same input always gives the same proof.
   */
  private Proofs sign(ObjectNode credential, String created, String jsonFile, String jwtFile) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    String baked;
    byte[] json;
    if (credentials.dataIntegrityKey().isPresent()) {
      var key = credentials.dataIntegrityKey().get();
      String method =
          signing.issuerIdIsDid()
              ? layout.did() + "#" + key.id()
              : layout.keyDocument(key.id()).url();
      ObjectNode unsigned = credential;
      String signed =
          cache.get(
              () ->
                  new String(
                      JsonOutput.bytes(
                          credentials
                              .dataIntegrity()
                              .addProof(
                                  unsigned, method, created, CredentialSigner.ed25519Signer(key))),
                      StandardCharsets.UTF_8),
              "eddsa-rdfc-2022",
              key.publicKeyInfo().thumbprint(),
              method,
              created,
              new String(JsonOutput.bytes(unsigned), StandardCharsets.UTF_8));
      json = signed.getBytes(StandardCharsets.UTF_8);
      credential = parse(signed);
    } else {
      json = JsonOutput.bytes(credential);
    }
    files.put(jsonFile, json);
    baked = new String(json, StandardCharsets.UTF_8);
    if (credentials.jwt().isPresent()) {
      var key = credentials.jwt().get();
      String kid = layout.keyDocument(key.id()).url();
      ObjectNode payload = credential;
      // ES256 signatures are randomised: only deterministic ones are kept and reused.
      String jwt =
          key.algorithm() == KeyAlgorithm.ES256
              ? CredentialSigner.signVcJwt(key, kid, payload)
              : cache.get(
                  () -> CredentialSigner.signVcJwt(key, kid, payload),
                  "vc-jwt",
                  key.publicKeyInfo().thumbprint(),
                  kid,
                  new String(json, StandardCharsets.UTF_8));
      files.put(jwtFile, jwt.getBytes(StandardCharsets.US_ASCII));
      if (credentials.dataIntegrityKey().isEmpty()) {
        baked = jwt; // without an embedded proof, the JWT is what carries the signature
      }
    }
    return new Proofs(files, baked);
  }

  /** How many credentials were signed in this build, and how many came from the cache. */
  long signed() {
    return cache.signed();
  }

  long reused() {
    return cache.reused();
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
