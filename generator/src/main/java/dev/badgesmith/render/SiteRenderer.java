package dev.badgesmith.render;

import dev.badgesmith.BadgesmithException;
import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.PngBaker;
import dev.badgesmith.bake.SvgBaker;
import dev.badgesmith.images.ImageRenderException;
import dev.badgesmith.images.SocialCardRenderer;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.json.JsonOutput;
import dev.badgesmith.json.ManifestDocument;
import dev.badgesmith.json.Ob2Documents;
import dev.badgesmith.markdown.MarkdownRenderer;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.pages.PageRenderer;
import dev.badgesmith.pages.SocialCardTemplate;
import dev.badgesmith.pages.SocialCardView;
import dev.badgesmith.sign.CredentialSigner;
import dev.badgesmith.sign.SigningKey;
import dev.badgesmith.source.SourceFile;
import dev.badgesmith.write.StagingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Renders a validated site into an output: the JSON documents, the designs and their PNGs, social
 * cards, every award's baked images, the pages, static files and, last, the manifest.
 *
 * <p>Work per badge class (rasterising, social cards) happens once, before the awards; the awards
 * are then independent of each other and are rendered in parallel, straight to disk.
 */
public final class SiteRenderer {
  private final Path siteRoot;
  private final ForkJoinPool pool;
  private final SvgRasterizer rasterizer;
  private final Optional<Credentials> credentials;
  private final SignatureCache signatures;

  /**
   * @param cacheDirectory where rendered PNGs are kept between builds, when set
   * @param credentials what signs Open Badges 3.0 credentials, for a site that publishes them
   */
  public SiteRenderer(
      Path siteRoot,
      Optional<Path> cacheDirectory,
      ForkJoinPool pool,
      Optional<Credentials> credentials) {
    this.siteRoot = Objects.requireNonNull(siteRoot, "siteRoot");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.rasterizer = new SvgRasterizer(cacheDirectory.map(d -> d.resolve("images")));
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.signatures = new SignatureCache(cacheDirectory.map(d -> d.resolve("signatures")));
  }

  /** A badge class's design as written, and as PNG (the design itself, or rendered from SVG). */
  private record Design(byte[] source, String format, byte[] png) {}

  public void render(Site site, List<SourceFile> staticFiles, StagingOutput out)
      throws IOException {
    SiteLayout layout = new SiteLayout(site.settings());
    Ob2Documents ob2 = new Ob2Documents(layout);
    for (Issuer issuer : site.issuers()) {
      out.write(layout.issuerJson(issuer.id()).file(), JsonOutput.bytes(ob2.issuer(issuer)));
      List<Award> revoked =
          site.awards().stream()
              .filter(Award::revoked)
              .filter(a -> site.badge(a.badgeId()).orElseThrow().issuerId().equals(issuer.id()))
              .toList();
      out.write(
          layout.revocationList(issuer.id()).file(),
          JsonOutput.bytes(ob2.revocationList(issuer, revoked)));
      if (issuer.image().isPresent()) {
        out.copy(layout.issuerImage(issuer).file(), source(issuer.image().get().source()));
      }
    }

    if (layout.ob2Signed()) {
      String keyId = site.settings().signing().flatMap(s -> s.jwtKey()).orElseThrow();
      String pem =
          site.settings().signing().flatMap(s -> s.key(keyId)).orElseThrow().publicKeyPem();
      out.write(
          layout.cryptographicKey(keyId).file(),
          JsonOutput.bytes(ob2.cryptographicKey(keyId, site.settings().defaultIssuer(), pem)));
    }
    Map<String, BadgeClass> badges = site.badgesById();
    Map<String, Design> designs = new HashMap<>();
    SocialCardTemplate cardTemplate = new SocialCardTemplate(overrides());
    SocialCardRenderer cards = new SocialCardRenderer(rasterizer);
    for (BadgeClass badge : site.badges()) {
      Design design = design(badge, site.settings().pngSize());
      designs.put(badge.id(), design);
      out.write(layout.badgeJson(badge.id()).file(), JsonOutput.bytes(ob2.badgeClass(badge)));
      out.write(layout.badgeImage(badge).file(), design.source());
      if (design.format().equals("svg")) {
        out.write(layout.badgePng(badge).file(), design.png());
      }
      String issuerName = site.issuer(badge.issuerId()).map(Issuer::name).orElse("");
      String card =
          cardTemplate.render(
              new SocialCardView(
                  badge.name(),
                  issuerName,
                  site.settings().title(),
                  "data:image/png;base64," + Base64.getEncoder().encodeToString(design.png())));
      out.write(layout.socialCard(badge).file(), cards.render(card));
    }

    Optional<Ob3Publisher> ob3 =
        credentials.map(c -> new Ob3Publisher(site, layout, c, signatures));
    VerifyPageData verifyPage =
        new VerifyPageData(
            site, layout, ob2, ob3.map(p -> p.issuerId(site.settings().defaultIssuer())));
    if (ob3.isPresent()) {
      ob3.get().publishKeys(out);
      ob3.get().publishStatus(out, verifyPage);
      for (BadgeClass badge : site.badges()) {
        ob3.get().publishAchievement(badge, out);
      }
    }
    pool.submit(
            () ->
                site.awards().parallelStream()
                    .forEach(
                        award -> {
                          BadgeClass badge = badges.get(award.badgeId());
                          Design design = designs.get(award.badgeId());
                          award(award, badge, design, layout, ob2, verifyPage, out);
                          if (ob3.isPresent()) {
                            Ob3Publisher.Signed signed = ob3.get().credential(award, badge);
                            if (credentials.orElseThrow().dataIntegrityKey().isPresent()) {
                              verifyPage.credential(
                                  signed.files().get(layout.credentialJson(award).file()));
                            }
                            write(signed, design, !award.revoked(), out);
                          }
                        }))
        .join();

    new PageRenderer(new MarkdownRenderer(), overrides()).render(site, out);
    out.write(layout.verifyData().file(), verifyPage.bytes());
    for (SourceFile file : staticFiles) {
      out.copy(file.path().substring("static/".length()), file.file());
    }
    out.write(layout.manifest().file(), JsonOutput.bytes(ManifestDocument.of(site, out.files())));
  }

  /**
   * One award: its hosted assertion and, unless revoked, the badge baked with it; the verify page
   * learns the hosted assertion's digest.
   */
  private void award(
      Award award,
      BadgeClass badge,
      Design design,
      SiteLayout layout,
      Ob2Documents ob2,
      VerifyPageData verifyPage,
      StagingOutput out) {
    try {
      var document = ob2.assertion(award, badge);
      byte[] assertion = JsonOutput.bytes(document);
      String json = new String(assertion, StandardCharsets.UTF_8);
      // Hosted, the assertion is the JSON at its id; signed, it is a JWS over that JSON.
      String baked = json;
      Optional<String> verify = Optional.of(layout.assertionJson(award).url());
      if (layout.ob2Signed()) {
        SigningKey key = credentials.orElseThrow().jwt().orElseThrow();
        baked =
            signatures.get(
                () -> CredentialSigner.signCompactJws(key, assertion),
                "ob2-jws",
                key.publicKeyInfo().thumbprint(),
                json);
        verify = Optional.empty();
        out.write(layout.signedAssertion(award).file(), baked.getBytes(StandardCharsets.US_ASCII));
      } else {
        out.write(layout.assertionJson(award).file(), assertion);
        if (!award.revoked()) {
          verifyPage.hostedAssertion(layout.assertionJson(award).url(), document);
        }
      }
      if (award.revoked()) {
        return; // a revoked award has nothing left to bake
      }
      out.write(
          layout.bakedPng(award).file(), PngBaker.bake(design.png(), BadgeVersion.OB2, baked));
      if (design.format().equals("svg")) {
        byte[] svg = SvgBaker.bake(design.source(), BadgeVersion.OB2, baked, verify);
        out.write(layout.bakedSvg(award).file(), svg);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An award's credential documents, and the badge baked with the credential. */
  private static void write(
      Ob3Publisher.Signed signed, Design design, boolean bake, StagingOutput out) {
    try {
      for (var file : signed.files().entrySet()) {
        out.write(file.getKey(), file.getValue());
      }
      if (!bake) {
        return; // a revoked award's credential stays verifiable, but is no badge to download
      }
      out.write(signed.png(), PngBaker.bake(design.png(), BadgeVersion.OB3, signed.baked()));
      if (design.format().equals("svg")) {
        out.write(
            signed.svg(),
            SvgBaker.bake(design.source(), BadgeVersion.OB3, signed.baked(), Optional.empty()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Design design(BadgeClass badge, int pngSize) throws IOException {
    byte[] source = Files.readAllBytes(source(badge.image().source()));
    String format = badge.image().format();
    byte[] png;
    try {
      png = format.equals("png") ? source : rasterizer.toPng(source, pngSize);
    } catch (ImageRenderException e) {
      // Checked as XML and for safety already, yet beyond what the renderer can draw.
      throw new BadgesmithException(
          badge.image().source() + ": the SVG cannot be rendered: " + e.getMessage(), e);
    }
    return new Design(source, format, png);
  }

  /** The site's {@code templates/} folder, when it has one: its files replace the theme's. */
  private Optional<Path> overrides() {
    return Optional.of(siteRoot.resolve("templates")).filter(Files::isDirectory);
  }

  private Path source(String relative) {
    return siteRoot.resolve(relative);
  }
}
