package dev.badgesmith.render;

import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.PngBaker;
import dev.badgesmith.bake.SvgBaker;
import dev.badgesmith.cache.Fingerprint;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.images.ImageInspector;
import dev.badgesmith.images.ImageRenderException;
import dev.badgesmith.images.SocialCardRenderer;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.json.JsonOutput;
import dev.badgesmith.json.Ob2Documents;
import dev.badgesmith.json.Ob3Documents;
import dev.badgesmith.lock.StatusIndexes;
import dev.badgesmith.markdown.MarkdownRenderer;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.ImageFile;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.pages.PageRenderer;
import dev.badgesmith.pages.SocialCardTemplate;
import dev.badgesmith.pages.SocialCardView;
import dev.badgesmith.sign.CredentialSigner;
import dev.badgesmith.sign.SigningKey;
import dev.badgesmith.source.SourceFile;
import dev.badgesmith.validate.DesignRenders;
import dev.badgesmith.write.EarlierManifest;
import dev.badgesmith.write.ManifestDocument;
import dev.badgesmith.write.OutputSink;
import dev.badgesmith.write.PublishedFile;
import dev.badgesmith.write.StagingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Renders a validated site into an output: the JSON documents, the designs and their PNGs, social
 * cards, every award's baked images, the pages, static files and, last, the manifest.
 *
 * <p>Work per badge class (rasterising, social cards) happens once, before the awards; the awards
 * are then independent of each other and are rendered in parallel, straight to disk.
 */
public final class SiteRenderer {
  private static final ImageInspector INSPECTOR = new ImageInspector();

  private final Path siteRoot;
  private final ForkJoinPool pool;
  private final SvgRasterizer rasterizer;
  private final java.util.function.Supplier<Optional<Credentials>> pendingCredentials;
  private Optional<Credentials> credentials = Optional.empty();
  private final SignatureCache signatures;
  private final AtomicReference<String> stateFailure = new AtomicReference<>();
  private final Optional<StatusIndexes> statusIndexes;
  private final java.util.function.Function<Award, Optional<String>> identities;
  private final Optional<Path> stateFile;
  private final boolean renderAll;
  private final AtomicInteger rendered = new AtomicInteger();
  private RenderState.Next state = new RenderState.Next("");
  private StagingOutput output;
  private final Instant buildDate;

  /**
   * @param cacheDirectory where signatures are kept between builds, when set
   * @param rasterizer what renders the designs and social cards (the one that checked the designs)
   * @param credentials what signs Open Badges 3.0 credentials, for a site that publishes them;
   *     asked for only once the documents that need no key are written, so it may be made ready
   *     meanwhile
   * @param statusIndexes every award's status list index, pinned by the site's lock; derived from
   *     the awards' ids when empty
   * @param identities what tells an award from any other without writing it out (its file's digest
   *     and the context it was read in), when the loader knows it
   * @param stateFile where what the last build into the same output folder rendered is kept, with a
   *     cache: a rebuild renders only the awards whose inputs changed
   * @param renderAll whether to render every award even so
   * @param buildDate the date the pages take as now, to tell expired awards
   */
  public SiteRenderer(
      Path siteRoot,
      Optional<Path> cacheDirectory,
      SvgRasterizer rasterizer,
      ForkJoinPool pool,
      java.util.function.Supplier<Optional<Credentials>> credentials,
      Optional<StatusIndexes> statusIndexes,
      java.util.function.Function<Award, Optional<String>> identities,
      Optional<Path> stateFile,
      boolean renderAll,
      Instant buildDate) {
    this.statusIndexes = Objects.requireNonNull(statusIndexes, "statusIndexes");
    this.identities = Objects.requireNonNull(identities, "identities");
    this.siteRoot = Objects.requireNonNull(siteRoot, "siteRoot");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.rasterizer = Objects.requireNonNull(rasterizer, "rasterizer");
    this.pendingCredentials = Objects.requireNonNull(credentials, "credentials");
    this.signatures = new SignatureCache(cacheDirectory.map(d -> d.resolve("signatures")));
    this.buildDate = Objects.requireNonNull(buildDate, "buildDate");
    this.renderAll = renderAll;
    this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
  }

  /** How many awards the last {@link #render} rendered; the others were kept as published. */
  public int awardsRendered() {
    return rendered.get();
  }

  /**
   * Remembers what this build rendered, once its site is published with this manifest, so the next
   * build can keep what did not change.
   *
   * @param manifest the stamp of the published manifest
   */
  public void saveState(String manifest) {
    stateFile.ifPresent(
        file -> {
          try {
            state.save(file, manifest, output);
          } catch (UncheckedIOException e) {
            // The site is published already; the next build only renders more.
            stateFailure.compareAndSet(null, file + ": " + e.getCause().getMessage());
          }
        });
  }

  /** Why this build could not keep its render state or a signature, if it could not. */
  public Optional<String> cacheFailure() {
    return Optional.ofNullable(stateFailure.get()).or(signatures::writeFailure);
  }

  /** A badge class's design as written, and as PNG (the design itself, or rendered from SVG). */
  private record Design(byte[] source, String format, byte[] png) {}

  /** Renders the site into {@code out}. */
  public void render(Site site, List<SourceFile> staticFiles, StagingOutput out)
      throws IOException {
    // What the last build rendered is read beside the first stage, which does not need it.
    ForkJoinTask<RenderState> previous =
        pool.submit(
            () ->
                renderAll
                    ? RenderState.empty()
                    : RenderState.load(stateFile, out.previousManifest()));
    ForkJoinTask<String> records = pool.submit(() -> recordsFingerprint(site));
    PageRenderer pages = new PageRenderer(new MarkdownRenderer(), overrides(), buildDate);
    PageRenderer.AwardPages awardPages = pages.awardPages(site);
    // A signed site's credentials name their status index: one more input of each award.
    Optional<StatusIndexes> indexes =
        site.settings()
            .signing()
            .map(s -> statusIndexes.orElseGet(() -> StatusIndexes.derived(site.awards())));
    // What each award's files depend on, besides what all awards share, is gathered by the pool
    // while this thread writes what the awards share.
    ForkJoinTask<Map<String, String>> awardInputs =
        pool.submit(
            () ->
                site.awards().parallelStream()
                    .collect(
                        java.util.stream.Collectors.toConcurrentMap(
                            StatusIndexes::key,
                            a -> awardInputs(a, identities.apply(a), awardPages, indexes))));
    // A badge class's page lists its awards: it is kept while they all are, in the same order.
    ForkJoinTask<Map<String, String>> badgePageInputs =
        pool.submit(
            () -> {
              Map<String, String> inputs = awardInputs.join();
              Map<String, Fingerprint> listed = new HashMap<>();
              site.badges().forEach(b -> listed.put(b.id(), new Fingerprint().add(b.id())));
              for (Award award : site.awards()) {
                listed.get(award.badgeId()).add(inputs.get(StatusIndexes.key(award)));
              }
              Map<String, String> byBadge = new HashMap<>();
              listed.forEach((badge, fingerprint) -> byBadge.put(badge, fingerprint.hex()));
              return byBadge;
            });
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
        ImageFile image = issuer.image().get();
        if (image.format().equals("svg")) {
          out.write(layout.issuerImage(issuer).file(), publishedSvg(image.source()));
        } else {
          out.copy(layout.issuerImage(issuer).file(), source(image.source()));
        }
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
      try {
        out.write(layout.socialCard(badge).file(), cards.render(card));
      } catch (ImageRenderException e) {
        // Said as check says it of the first card; this one's data brought it out.
        throw new BadgesmithException(DesignRenders.cardProblem(badge.id(), e).format(), e);
      }
    }

    credentials = pendingCredentials.get();
    Optional<Ob3Publisher> ob3 =
        credentials.map(c -> new Ob3Publisher(site, layout, c, signatures, indexes.orElseThrow()));
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
    String siteFingerprint = siteFingerprint(records.join(), site, designs);
    Map<String, String> fingerprints = awardInputs.join();
    // What all awards share changed: every award and page is rendered again.
    RenderState before = previous.join().ifSite(siteFingerprint);
    RenderState.Next after = new RenderState.Next(siteFingerprint);
    // Which awards changed: each one's inputs against those the last build rendered it from.
    List<Award> changed =
        pool.submit(
                () ->
                    site.awards().parallelStream()
                        .filter(
                            award -> {
                              String key = StatusIndexes.key(award);
                              Optional<RenderState.Entry> last =
                                  kept(before, key, fingerprints.get(key), out);
                              if (last.isEmpty()) {
                                return true;
                              }
                              verifyPage.add(last.get().facts());
                              after.kept(key, last.get());
                              return false;
                            })
                        .toList())
            .join();
    Map<String, String> pageInputs = badgePageInputs.join();
    java.util.Set<String> unchangedPages = new java.util.HashSet<>();
    for (BadgeClass badge : site.badges()) {
      String file = awardPages.badgePageFile(badge);
      String fingerprint = pageInputs.get(badge.id());
      String key = "page:" + file;
      if (kept(before, key, fingerprint, out).isPresent()) {
        unchangedPages.add(file);
      }
      after.rendered(key, fingerprint, List.of(file), List.of());
    }
    // The changed awards and the other pages are rendered together, on every thread.
    ForkJoinTask<?> awards =
        pool.submit(
            () ->
                changed.parallelStream()
                    .forEach(
                        award -> {
                          RecordingSink files = new RecordingSink(out);
                          BadgeClass badge = badges.get(award.badgeId());
                          Design design = designs.get(award.badgeId());
                          List<String> facts = new ArrayList<>();
                          award(award, badge, design, layout, ob2, facts, files);
                          if (ob3.isPresent()) {
                            Ob3Publisher.Signed signed = ob3.get().credential(award, badge);
                            write(signed, design, !award.revoked(), files);
                          }
                          try {
                            awardPages.write(award, files);
                          } catch (IOException e) {
                            throw new UncheckedIOException(e);
                          }
                          verifyPage.add(facts);
                          String key = StatusIndexes.key(award);
                          after.rendered(key, fingerprints.get(key), files.paths(), facts);
                          rendered.incrementAndGet();
                        }));
    // The manifest's awards need no file: the pool writes them out when it has time. A kept
    // award's line is the published manifest's.
    Optional<EarlierManifest> earlierManifest = out.earlierManifest();
    ForkJoinTask<byte[]> manifestAwards =
        pool.submit(
            () ->
                ManifestDocument.awards(
                    site, earlierManifest, award -> after.isKept(StatusIndexes.key(award))));
    // The verify page's data gathers facts from every award: it is written once they are all in,
    // while the pages may still be rendering.
    ForkJoinTask<?> verifyData =
        pool.submit(
            () -> {
              awards.join();
              try {
                out.write(layout.verifyData().file(), verifyPage.bytes());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    try {
      awardPages.writeOtherPages(out, pool, unchangedPages);
    } finally {
      verifyData.quietlyJoin();
    }
    awards.join();
    verifyData.join();
    this.state = after;
    this.output = out;
    Optional<Credentials> proofs = credentials.filter(c -> c.dataIntegrityKey().isPresent());
    if (proofs.isPresent()) {
      out.write(
          layout.verifyContexts().file(),
          VerifyPageData.contexts(proofs.get().dataIntegrity().contexts(), Ob3Documents.CONTEXTS));
    }
    for (SourceFile file : staticFiles) {
      out.copy(file.path().substring("static/".length()), file.file());
    }
    List<PublishedFile> files = out.files();
    ManifestDocument.Manifest manifest =
        pool.submit(
                () ->
                    ManifestDocument.document(
                        site.settings().baseUrl(),
                        manifestAwards.join(),
                        files,
                        earlierManifest,
                        out::earlierPosition))
            .join();
    out.writeManifest(manifest.bytes(), manifest.filesAt());
  }

  /**
   * What the last build rendered under this key from the same inputs, its files kept as published;
   * empty when it is to be rendered again.
   */
  private static Optional<RenderState.Entry> kept(
      RenderState before, String key, String fingerprint, StagingOutput out) {
    Optional<RenderState.Entry> last =
        before.get(key).filter(e -> e.fingerprint().equals(fingerprint));
    return last.isPresent() && out.keep(last.get().files()) ? last : Optional.empty();
  }

  /**
   * What an award's files depend on besides what all awards share ({@link #siteFingerprint}): the
   * award, its page's context and its status index.
   */
  private static String awardInputs(
      Award award,
      Optional<String> identity,
      PageRenderer.AwardPages awardPages,
      Optional<StatusIndexes> indexes) {
    // Its file's digest stands for the award when known: quicker than writing the award out.
    String self = identity.map(i -> "file " + i).orElseGet(() -> "award " + award);
    Fingerprint inputs = new Fingerprint().add(self).add(awardPages.context(award));
    indexes.ifPresent(i -> inputs.add(Integer.toString(i.of(award))));
    return inputs.hex();
  }

  /**
   * One award: its hosted assertion and, unless revoked (and hosted), the badge baked with it; the
   * verify page learns the hosted assertion's digest.
   */
  private void award(
      Award award,
      BadgeClass badge,
      Design design,
      SiteLayout layout,
      Ob2Documents ob2,
      List<String> facts,
      OutputSink out) {
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
          VerifyPageData.hostedAssertion(layout.assertionJson(award).url(), document, facts);
        }
      }
      if (award.revoked() && !layout.ob2Signed()) {
        // A revoked hosted assertion no longer names its image. A signed one cannot change and
        // names its baked image for good: that image stays, and the revocation list says the rest.
        return;
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
      Ob3Publisher.Signed signed, Design design, boolean bake, OutputSink out) {
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

  /**
   * What every award's files depend on besides the award itself: the generator's code and theme,
   * the site's settings, issuers and badge classes ({@link #recordsFingerprint}) with their
   * designs, and the site's template overrides. Any change there renders every award again.
   */
  private String siteFingerprint(String records, Site site, Map<String, Design> designs)
      throws IOException {
    Fingerprint fingerprint = Fingerprint.ofCode().add(records);
    for (BadgeClass badge : site.badges()) {
      Design design = designs.get(badge.id());
      fingerprint.add(design.source()).add(design.png());
    }
    Optional<Path> templates = overrides();
    if (templates.isPresent()) {
      try (Stream<Path> files = Files.walk(templates.get())) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          fingerprint.add(templates.get().relativize(file).toString());
          fingerprint.add(Files.readAllBytes(file));
        }
      }
    }
    return fingerprint.hex();
  }

  /**
   * The site's settings, issuers and badge classes, as their records write them out. The first
   * record of a kind written out in a new JVM costs milliseconds (its method is linked then): this
   * runs on the pool, beside the shared documents.
   */
  private static String recordsFingerprint(Site site) {
    Fingerprint records = new Fingerprint().add(site.settings().toString());
    site.issuers().forEach(issuer -> records.add(issuer.toString()));
    site.badges().forEach(badge -> records.add(badge.toString()));
    return records.hex();
  }

  /** A sink that notes the paths one award writes, for the next build to keep. */
  private static final class RecordingSink implements OutputSink {
    private final OutputSink out;
    private final List<String> paths = new java.util.ArrayList<>();

    RecordingSink(OutputSink out) {
      this.out = out;
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
      out.write(path, content);
      paths.add(path);
    }

    @Override
    public void copy(String path, Path source) throws IOException {
      out.copy(path, source);
      paths.add(path);
    }

    List<String> paths() {
      return List.copyOf(paths);
    }
  }

  /**
   * A badge class's design: a PNG as it is, an SVG as checked and written again, so that what is
   * published, baked and rendered holds only what the check allows.
   */
  private Design design(BadgeClass badge, int pngSize) throws IOException {
    String format = badge.image().format();
    byte[] source =
        format.equals("png")
            ? Files.readAllBytes(source(badge.image().source()))
            : publishedSvg(badge.image().source());
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

  /** An SVG design or issuer image as it is published: what the check accepted, written again. */
  private byte[] publishedSvg(String relative) throws IOException {
    try {
      return INSPECTOR.publishedSvg(Files.readAllBytes(source(relative)));
    } catch (ImageRenderException e) {
      // The validator reported every error already: this is a site changed during the build.
      throw new BadgesmithException(relative + ": " + e.getMessage(), e);
    }
  }

  /** The site's {@code templates/} folder, when it has one: its files replace the theme's. */
  private Optional<Path> overrides() {
    return Optional.of(siteRoot.resolve("templates")).filter(Files::isDirectory);
  }

  private Path source(String relative) {
    return siteRoot.resolve(relative);
  }
}
