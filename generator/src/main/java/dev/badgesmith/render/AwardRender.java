package dev.badgesmith.render;

import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.PngBaker;
import dev.badgesmith.json.JsonOutput;
import dev.badgesmith.json.Ob2Documents;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.pages.AwardPages;
import dev.badgesmith.sign.CredentialSigner;
import dev.badgesmith.sign.Signatures;
import dev.badgesmith.sign.SigningKey;
import dev.badgesmith.write.OutputSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders one award into its outputs: its Open Badges 2.0 assertion (hosted, or signed as a JWS)
 * and the badge baked with it; for a site with a signing section its Open Badges 3.0 credential
 * (with a Data Integrity proof, as a VC-JWT or both) and the badge baked with that; and its page.
 * It is given the award and what all awards share, and knows nothing of what an earlier build
 * rendered: which awards to render is decided before.
 */
public final class AwardRender {
  private final SiteLayout layout;
  private final Site site;

  /** The Open Badges 2.0 documents in each of the site's languages. */
  private final Map<String, Ob2Documents> ob2;

  private final Map<String, BadgeClass> badges;
  private final Map<String, Design> designs;
  private final Optional<SigningKey> ob2Key;

  /** The thumbprint of {@link #ob2Key}, made once: it encodes the key and hashes it. */
  private final Optional<String> ob2Thumbprint;

  private final Signatures signatures;
  private final Optional<Ob3Publisher> ob3;
  private final AwardPages pages;
  private final Optional<CertificateRender> certificates;

  /** Each design's PNG read for baking, by version and badge id: read once, baked per award. */
  private final Map<BadgeVersion, Map<String, PngBaker.Template>> pngs =
      Map.of(
          BadgeVersion.OB2, new ConcurrentHashMap<>(), BadgeVersion.OB3, new ConcurrentHashMap<>());

  /**
   * @param designs each badge class's design, by its id
   * @param ob2Key the key of signed Open Badges 2.0 assertions, when the site signs them
   * @param signatures how results are signed
   * @param ob3 the site's Open Badges 3.0 credentials, when it publishes them
   * @param certificates what draws the awards' certificates, when the site publishes them
   */
  AwardRender(
      Site site,
      Map<String, BadgeClass> badges,
      Map<String, Design> designs,
      Optional<SigningKey> ob2Key,
      Signatures signatures,
      Optional<Ob3Publisher> ob3,
      AwardPages pages,
      Optional<CertificateRender> certificates) {
    this.site = site;
    this.layout = new SiteLayout(site.settings());
    Map<String, Ob2Documents> documents = new java.util.HashMap<>();
    for (String language : site.settings().languages()) {
      documents.put(
          language, new Ob2Documents(new SiteLayout(site.settings().inLanguage(language))));
    }
    this.ob2 = Map.copyOf(documents);
    this.badges = Map.copyOf(badges);
    this.designs = Map.copyOf(designs);
    this.ob2Key = ob2Key;
    this.ob2Thumbprint = ob2Key.map(k -> k.publicKeyInfo().thumbprint());
    this.signatures = signatures;
    this.ob3 = ob3;
    this.pages = pages;
    this.certificates = certificates;
  }

  /**
   * Writes the award's files.
   *
   * @return what the verify page learns from it: the digest of its hosted assertion
   */
  public List<String> render(Award award, OutputSink out) throws IOException {
    // An award is issued in its own language: its badge class's texts, and its assertion's badge
    // class, are that language's.
    BadgeClass badge =
        award.language().isPresent()
            ? site.translations().badge(badges.get(award.badgeId()), award.language().get())
            : badges.get(award.badgeId());
    Design design = designs.get(award.badgeId());
    List<String> facts = new ArrayList<>();
    Map.Entry<String, byte[]> carried = ob2(award, badge, design, facts, out);
    if (ob3.isPresent()) {
      Ob3Publisher.Signed signed = ob3.get().credential(award, badge);
      ob3(signed, award.badgeId(), design, !award.revoked(), out);
      // The certificate carries the signed credential rather than the Open Badges 2.0 assertion.
      carried = Map.entry(signed.signedFile(), signed.files().get(signed.signedFile()));
    }
    pages.write(award, out);
    if (certificates.isPresent()) {
      certificates.get().write(award, badge, design, carried, out);
    }
    return facts;
  }

  /**
   * The award's hosted assertion and, unless revoked (and hosted), the badge baked with it; the
   * verify page learns the hosted assertion's digest.
   *
   * @return the assertion as published (hosted or signed), and where
   */
  private Map.Entry<String, byte[]> ob2(
      Award award, BadgeClass badge, Design design, List<String> facts, OutputSink out)
      throws IOException {
    var document =
        ob2.get(award.language().orElse(site.settings().defaultLanguage())).assertion(award, badge);
    byte[] assertion = JsonOutput.bytes(document);
    // Hosted, the assertion is the JSON at its id; signed, it is a JWS over that JSON.
    String baked;
    Map.Entry<String, byte[]> published;
    Optional<String> verify = Optional.of(layout.assertionJson(award).url());
    if (ob2Key.isPresent()) {
      SigningKey key = ob2Key.get();
      byte[] jws =
          signatures.sign(
              () ->
                  CredentialSigner.signCompactJws(key, assertion)
                      .getBytes(StandardCharsets.US_ASCII),
              document,
              "ob2-jws",
              ob2Thumbprint.orElseThrow());
      baked = new String(jws, StandardCharsets.US_ASCII);
      verify = Optional.empty();
      out.write(layout.signedAssertion(award).file(), jws);
      published = Map.entry(layout.signedAssertion(award).file(), jws);
    } else {
      baked = new String(assertion, StandardCharsets.UTF_8);
      out.write(layout.assertionJson(award).file(), assertion);
      published = Map.entry(layout.assertionJson(award).file(), assertion);
      if (!award.revoked()) {
        VerifyPageData.hostedAssertion(layout.assertionJson(award).url(), document, facts);
      }
    }
    if (award.revoked() && ob2Key.isEmpty()) {
      // A revoked hosted assertion no longer names its image. A signed one cannot change and
      // names its baked image for good: that image stays, and the revocation list says the rest.
      return published;
    }
    PngBaker.Baked png = png(award.badgeId(), design, BadgeVersion.OB2).bakeDigested(baked);
    out.write(layout.bakedPng(award).file(), png.bytes(), png.sha256());
    if (design.ob2Svg().isPresent()) {
      out.write(layout.bakedSvg(award).file(), design.ob2Svg().get().bake(baked, verify));
    }
    return published;
  }

  /** A badge class's design read for baking one version, the first time an award needs it. */
  private PngBaker.Template png(String badgeId, Design design, BadgeVersion version) {
    return pngs.get(version)
        .computeIfAbsent(badgeId, id -> PngBaker.template(design.png(), version));
  }

  /** An award's credential documents, and the badge baked with the credential. */
  private void ob3(
      Ob3Publisher.Signed signed, String badgeId, Design design, boolean bake, OutputSink out)
      throws IOException {
    for (var file : signed.files().entrySet()) {
      out.write(file.getKey(), file.getValue());
    }
    if (!bake) {
      return; // a revoked award's credential stays verifiable, but is no badge to download
    }
    PngBaker.Baked png = png(badgeId, design, BadgeVersion.OB3).bakeDigested(signed.baked());
    out.write(signed.png(), png.bytes(), png.sha256());
    if (design.ob3Svg().isPresent()) {
      out.write(signed.svg(), design.ob3Svg().get().bake(signed.baked(), Optional.empty()));
    }
  }
}
