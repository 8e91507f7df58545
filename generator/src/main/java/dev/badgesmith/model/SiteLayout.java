package dev.badgesmith.model;

import java.util.Objects;

/**
 * Where every published document lives (design §4). The JSON writers and the page renderers ask
 * here, so an id, a link and the file behind it cannot disagree.
 */
public record SiteLayout(SiteSettings settings) {

  public SiteLayout {
    Objects.requireNonNull(settings, "settings");
  }

  /**
   * The folder of the pages in the language these settings render in: none for the site's default
   * language, whose pages stay at the root (published links keep working when a language is added),
   * {@code <language>/} for each other.
   */
  public String pagePrefix() {
    return settings.language().equals(settings.defaultLanguage()) ? "" : settings.language() + "/";
  }

  /** A page (or a document kept once per language) in the language of these settings. */
  private SiteUrl page(String path) {
    return settings.url(pagePrefix() + path);
  }

  /** This layout's page at {@code url}, as it is in another of the site's languages. */
  public SiteUrl inLanguage(SiteUrl url, String language) {
    String path = url.path().substring(pagePrefix().length());
    return new SiteLayout(settings.inLanguage(language)).page(path);
  }

  public SiteUrl home() {
    return page("");
  }

  public SiteUrl issuerJson(String issuerId) {
    return settings.url("issuers/" + issuerId + ".json");
  }

  /**
   * The Open Badges 2.0 BadgeClass: one per language, the default's at {@code badges/<id>.json}, as
   * Open Badges 2.0 links alternate language versions ({@code related}).
   */
  public SiteUrl badgeJson(String badgeId) {
    return page("badges/" + badgeId + ".json");
  }

  /** The criteria page of a badge class. */
  public SiteUrl badgePage(String badgeId) {
    return page("badges/" + badgeId + "/");
  }

  /** The pathway of a stack badge: the badges it builds on, drawn as a map. */
  public SiteUrl pathwayPage(String badgeId) {
    return page("badges/" + badgeId + "/pathway/");
  }

  public SiteUrl badgeImage(BadgeClass badge) {
    return settings.url("badges/" + badge.id() + "." + badge.image().format());
  }

  /** The design as PNG: the design itself, or the PNG rendered from an SVG design. */
  public SiteUrl badgePng(BadgeClass badge) {
    return settings.url("badges/" + badge.id() + ".png");
  }

  /** The 1200×630 preview image for Open Graph and LinkedIn. */
  public SiteUrl socialCard(BadgeClass badge) {
    return settings.url("badges/" + badge.id() + "/card.png");
  }

  public SiteUrl issuerImage(Issuer issuer) {
    ImageFile image = issuer.image().orElseThrow();
    return settings.url("issuers/" + issuer.id() + "." + image.format());
  }

  public SiteUrl assertionJson(Award award) {
    return assertionJson(award.badgeId(), award.id());
  }

  public SiteUrl assertionJson(String badgeId, String awardId) {
    return settings.url("assertions/" + badgeId + "/" + awardId + ".json");
  }

  /** The badge baked with its Open Badges 2.0 assertion, as PNG. */
  public SiteUrl bakedPng(Award award) {
    return settings.url("assertions/" + award.badgeId() + "/" + award.id() + ".png");
  }

  /** The badge baked with its Open Badges 2.0 assertion, as SVG (for SVG designs). */
  public SiteUrl bakedSvg(Award award) {
    return settings.url("assertions/" + award.badgeId() + "/" + award.id() + ".svg");
  }

  /** The Open Badges 3.0 credential of an award, with its embedded proof. */
  public SiteUrl credentialJson(Award award) {
    return settings.url("credentials/" + award.badgeId() + "/" + award.id() + ".json");
  }

  /** The same credential as a VC-JWT. */
  public SiteUrl credentialJwt(Award award) {
    return settings.url("credentials/" + award.badgeId() + "/" + award.id() + ".jwt");
  }

  /** The Open Badges 3.0 Achievement of a badge class. */
  public SiteUrl achievementJson(String badgeId) {
    return settings.url("achievements/" + badgeId + ".json");
  }

  /** An endorsement the site gives, as an Open Badges 2.0 Endorsement (hosted). */
  public SiteUrl endorsementJson(String endorsementId) {
    return settings.url("endorsements/" + endorsementId + ".json");
  }

  /** The page of an endorsement the site gives. */
  public SiteUrl endorsementPage(String endorsementId) {
    return page("endorsements/" + endorsementId + "/");
  }

  /** An endorsement as an Open Badges 3.0 EndorsementCredential with its embedded proof. */
  public SiteUrl endorsementCredential(String endorsementId) {
    return settings.url("endorsements/" + endorsementId + "/credential.json");
  }

  /** The same EndorsementCredential as a VC-JWT. */
  public SiteUrl endorsementJwt(String endorsementId) {
    return settings.url("endorsements/" + endorsementId + "/credential.jwt");
  }

  /** The prefix of every hosted endorsement; an issuer that endorses scopes verification to it. */
  public SiteUrl endorsementsPrefix() {
    return settings.url("endorsements/");
  }

  /** The site's own DID: did:web of its host and path. */
  public String did() {
    java.net.URI base = java.net.URI.create(settings.baseUrl());
    StringBuilder did = new StringBuilder("did:web:").append(base.getHost());
    if (base.getPort() != -1) {
      did.append("%3A").append(base.getPort());
    }
    for (String segment : base.getRawPath().split("/")) {
      if (!segment.isEmpty()) {
        did.append(':').append(segment);
      }
    }
    return did.toString();
  }

  /**
   * Where did:web resolves the site's DID: {@code did.json}, or under .well-known at a host root.
   */
  public SiteUrl didDocument() {
    boolean atRoot = java.net.URI.create(settings.baseUrl()).getRawPath().equals("/");
    return settings.url(atRoot ? ".well-known/did.json" : "did.json");
  }

  /**
   * An issuer's controller document, for sites that name issuers by URL ({@code issuerId: url}):
   * the Open Badges 3.0 issuer id, listing the keys it signs with as {@code assertionMethod}, as a
   * DID document does for a did:web.
   */
  public SiteUrl issuerController(String issuerId) {
    return settings.url("issuers/" + issuerId + "/controller.json");
  }

  /** A public key as a document: a JWK (RS256, ES256) or a Multikey (Ed25519). */
  public SiteUrl keyDocument(String keyId) {
    return settings.url("keys/" + keyId + ".json");
  }

  /** The badge baked with its Open Badges 3.0 credential, as PNG. */
  public SiteUrl credentialPng(Award award) {
    return settings.url("credentials/" + award.badgeId() + "/" + award.id() + ".png");
  }

  /** The badge baked with its Open Badges 3.0 credential, as SVG (for SVG designs). */
  public SiteUrl credentialSvg(Award award) {
    return settings.url("credentials/" + award.badgeId() + "/" + award.id() + ".svg");
  }

  /** Whether the site signs its Open Badges 2.0 assertions instead of hosting them. */
  public boolean ob2Signed() {
    return settings.signing().map(s -> s.ob2Signed()).orElse(false);
  }

  /** An award's Open Badges 2.0 assertion as published: hosted JSON, or a signed JWS. */
  public SiteUrl ob2Assertion(Award award) {
    return ob2Signed() ? signedAssertion(award) : assertionJson(award);
  }

  /** A signed Open Badges 2.0 assertion: the compact JWS. */
  public SiteUrl signedAssertion(Award award) {
    return settings.url("assertions/" + award.badgeId() + "/" + award.id() + ".jws");
  }

  /** The Open Badges 2.0 CryptographicKey document of a key signed assertions name. */
  public SiteUrl cryptographicKey(String keyId) {
    return settings.url("keys/ob2/" + keyId + ".json");
  }

  /** The page of one award: what its earner shares. */
  public SiteUrl awardPage(Award award) {
    return page("assertions/" + award.badgeId() + "/" + award.id() + "/");
  }

  /** An award's printable certificate, beside its page (with {@code pages.certificates}). */
  public SiteUrl certificate(Award award) {
    return settings.url("assertions/" + award.badgeId() + "/" + award.id() + "/certificate.pdf");
  }

  /** The page of an issuer: its profile and its badge classes. */
  public SiteUrl issuerPage(String issuerId) {
    return page("issuers/" + issuerId + "/");
  }

  /**
   * The page of one earner, for a site that publishes them.
   *
   * @param slug the page's name, made from the earner's URL or DID by the page renderer
   */
  public SiteUrl earnerPage(String slug) {
    return page("earners/" + slug + "/");
  }

  /**
   * The learner record of one earner with a page: a signed CLR 2.0 ClrCredential of their awards.
   *
   * @param slug the name of the earner's page
   */
  public SiteUrl earnerClr(String slug) {
    return settings.url("earners/" + slug + "/clr.json");
  }

  /** The same learner record as a VC-JWT, for a site that signs JWTs. */
  public SiteUrl earnerClrJwt(String slug) {
    return settings.url("earners/" + slug + "/clr.jwt");
  }

  /** The badge gallery filtered to one tag. */
  public SiteUrl tagPage(String slug) {
    return page("tags/" + slug + "/");
  }

  /** The skills index: every skill the badge classes align to, by framework. */
  public SiteUrl skills() {
    return page("skills/");
  }

  /** The skills search page: every skill, its badges and their public holders, filterable. */
  public SiteUrl skillsSearch() {
    return page("skills/search/");
  }

  /** The search page's filter script, a theme file. */
  public SiteUrl skillsSearchScript() {
    return settings.url("skills/search/search.js");
  }

  /** The skills index for machines: every skill with its badges and live awards. */
  public SiteUrl skillsJson() {
    return settings.url("skills/index.json");
  }

  /** The JSON Schema of {@link #skillsJson}, published beside it. */
  public SiteUrl skillsJsonSchema() {
    return settings.url("schemas/skills-index.schema.json");
  }

  /** The recognition page: earners named by a URL or DID, ranked, for a site that opts in. */
  public SiteUrl recognition() {
    return page("recognition/");
  }

  /** The recognition board for machines. */
  public SiteUrl recognitionJson() {
    return settings.url("recognition.json");
  }

  /** The JSON Schema of {@link #recognitionJson}. */
  public SiteUrl recognitionJsonSchema() {
    return settings.url("schemas/recognition.schema.json");
  }

  /** The page a static host serves for a missing path (GitHub Pages reads {@code 404.html}). */
  public SiteUrl notFound() {
    return settings.url("404.html");
  }

  /** The Atom feed of awards and revocations. */
  public SiteUrl feed() {
    return settings.url("feed.xml");
  }

  public SiteUrl sitemap() {
    return settings.url("sitemap.xml");
  }

  public SiteUrl robots() {
    return settings.url("robots.txt");
  }

  /**
   * Every document an award publishes, by kind: the Open Badges 2.0 assertion, the badge baked with
   * it (unless revoked; as SVG only for an SVG design), and with a signing section the Open Badges
   * 3.0 credential, its JWT (with a JWT key) and the badge baked with it. The one place that says
   * so, for the manifest and the award page alike.
   */
  public java.util.Map<String, SiteUrl> awardDocuments(Award award, BadgeClass badge) {
    java.util.Map<String, SiteUrl> documents = new java.util.LinkedHashMap<>();
    boolean svg = badge.image().format().equals("svg");
    documents.put("ob2Assertion", ob2Assertion(award));
    if (!award.revoked()) {
      documents.put("ob2Png", bakedPng(award));
      if (svg) {
        documents.put("ob2Svg", bakedSvg(award));
      }
    }
    settings
        .signing()
        .ifPresent(
            signing -> {
              documents.put("ob3Credential", credentialJson(award));
              if (signing.jwtKey().isPresent()) {
                documents.put("ob3Jwt", credentialJwt(award));
              }
              if (!award.revoked()) {
                documents.put("ob3Png", credentialPng(award));
                if (svg) {
                  documents.put("ob3Svg", credentialSvg(award));
                }
              }
            });
    if (settings.pages().certificates()) {
      documents.put("certificate", certificate(award));
    }
    return documents;
  }

  /** An issuer's Open Badges 2.0 RevocationList. */
  public SiteUrl revocationList(String issuerId) {
    return settings.url("issuers/" + issuerId + "/revocations.json");
  }

  /** The signed BitstringStatusList credential of every Open Badges 3.0 credential's revocation. */
  public SiteUrl statusList() {
    return settings.url("status/revocation.json");
  }

  /** The same status list credential as a VC-JWT, for a site that signs with JWTs only. */
  public SiteUrl statusListJwt() {
    return settings.url("status/revocation.jwt");
  }

  /** The 1EdTech revocation list of Open Badges 3.0 credentials. */
  public SiteUrl credentialRevocations() {
    return settings.url("status/revocations.json");
  }

  /**
   * The prefix every hosted assertion of this site starts with; issuers scope verification to it.
   */
  public SiteUrl assertionsPrefix() {
    return settings.url("assertions/");
  }

  /** The verify page: visitors check a badge in their browser against this site's files. */
  public SiteUrl verifyPage() {
    return page("verify/");
  }

  /** The verify page's script, a theme file. */
  public SiteUrl verifyScript() {
    return settings.url("verify/verify.js");
  }

  /**
   * What the verify page checks against (keys, digests of hosted documents, status lists), as a
   * script: a page opened from a saved copy over file:// may load scripts but not fetch JSON.
   */
  public SiteUrl verifyData() {
    return settings.url("verify/data.js");
  }

  /**
   * One bucket of the hosted assertions' digests the verify page loads when a badge is dropped:
   * those whose id's SHA-256 starts with these hex digits.
   */
  public SiteUrl verifyHostedBucket(String prefix) {
    return settings.url("verify/hosted/" + prefix + ".js");
  }

  /**
   * The JSON-LD contexts the site's credentials name, as a script, for the verify page to check
   * embedded Data Integrity proofs with (file:// forbids fetching them).
   */
  public SiteUrl verifyContexts() {
    return settings.url("verify/contexts.js");
  }

  /** The JSON-LD library the verify page canonicalises credentials with (jsonld.js, vendored). */
  public SiteUrl verifyLibrary() {
    return settings.url("verify/jsonld.min.js");
  }

  /** The licences of that library, under the name its first line points to. */
  public SiteUrl verifyLibraryLicence() {
    return settings.url("verify/jsonld.min.js.LICENSE.txt");
  }

  public SiteUrl stylesheet() {
    return settings.url("assets/style.css");
  }
}
