package dev.badgesmith.render;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.images.ImageRenderException;
import dev.badgesmith.images.SocialCardRenderer;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.incremental.RenderPlan;
import dev.badgesmith.json.ClrDocuments;
import dev.badgesmith.json.JsonOutput;
import dev.badgesmith.json.Ob2Documents;
import dev.badgesmith.json.Ob3Documents;
import dev.badgesmith.json.RecognitionDocument;
import dev.badgesmith.json.SkillsIndex;
import dev.badgesmith.lock.StatusIndexes;
import dev.badgesmith.markdown.MarkdownRenderer;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.ImageFile;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.pages.AwardPages;
import dev.badgesmith.pages.MessageBundles;
import dev.badgesmith.pages.PageRenderer;
import dev.badgesmith.pages.SocialCardTemplate;
import dev.badgesmith.recognition.RecognitionBoard;
import dev.badgesmith.sign.Signatures;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * Renders a validated site into an output: the JSON documents, the designs and their PNGs, social
 * cards, every award's files ({@link AwardRender}), the pages, static files and, last, the
 * manifest.
 *
 * <p>Work per badge class (rasterising) happens once, before the awards; the awards are then
 * independent of each other and are rendered in parallel, straight to disk.
 */
public final class SiteRenderer {

  /** The inputs of a file made of nothing but what all awards share. */
  private static final String SHARED = "shared";

  private final Path siteRoot;
  private final ForkJoinPool pool;
  private final SvgRasterizer rasterizer;
  private final Supplier<Optional<Credentials>> credentials;
  private final Signatures signatures;
  private final Instant buildDate;

  /**
   * @param rasterizer what renders the designs and social cards (the one that checked the designs)
   * @param credentials what signs Open Badges 3.0 credentials, for a site that publishes them;
   *     asked for only once the documents that need no key are written, so it may be made ready
   *     meanwhile
   * @param signatures how assertions and credentials are signed
   * @param buildDate the date the pages take as now, to tell expired awards
   */
  public SiteRenderer(
      Path siteRoot,
      SvgRasterizer rasterizer,
      ForkJoinPool pool,
      Supplier<Optional<Credentials>> credentials,
      Signatures signatures,
      Instant buildDate) {
    this.siteRoot = Objects.requireNonNull(siteRoot, "siteRoot");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.rasterizer = Objects.requireNonNull(rasterizer, "rasterizer");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.buildDate = Objects.requireNonNull(buildDate, "buildDate");
  }

  /**
   * What every award's files share, made once: the designs, the pages' views, the status indexes.
   */
  public static final class Shared {
    private final Site site;
    private final SiteLayout layout;
    private final Map<String, Design> designs;
    private final AwardPages pages;
    private final Optional<StatusIndexes> indexes;

    private Shared(
        Site site, Map<String, Design> designs, AwardPages pages, Optional<StatusIndexes> indexes) {
      this.site = site;
      this.layout = new SiteLayout(site.settings());
      this.designs = designs;
      this.pages = pages;
      this.indexes = indexes;
    }

    /** Each badge class's design as published, then as PNG, in the site's order. */
    public List<byte[]> designs() {
      List<byte[]> parts = new ArrayList<>();
      designs.values().forEach(d -> parts.addAll(List.of(d.source(), d.png())));
      return parts;
    }

    /** What an award's page shows besides the award (see {@link AwardPages}). */
    public String pageContext(Award award) {
      return pages.context(award);
    }

    /** The files of a badge class's page in each of the site's languages. */
    public List<String> badgePageFiles(BadgeClass badge) {
      return pages.badgePageFiles(badge);
    }

    /** Every award's status list index, for a site that publishes credentials. */
    public Optional<StatusIndexes> indexes() {
      return indexes;
    }
  }

  /**
   * What every award's files share, for {@code site}.
   *
   * @param statusIndexes every award's status list index, pinned by the site's lock; derived from
   *     the awards' ids when empty
   */
  public Shared shared(Site site, Optional<StatusIndexes> statusIndexes) throws IOException {
    Map<String, Design> designs = new LinkedHashMap<>();
    for (BadgeClass badge : site.badges()) {
      designs.put(badge.id(), design(badge, site.settings().pngSize()));
    }
    PageRenderer pages =
        new PageRenderer(
            new MarkdownRenderer(), overrides(), MessageBundles.of(siteRoot), buildDate);
    // A signed site's credentials name their status index: one more input of each award.
    Optional<StatusIndexes> indexes =
        site.settings()
            .signing()
            .map(
                s ->
                    statusIndexes.orElseGet(
                        () -> StatusIndexes.derived(site.awards(), site.endorsements().given())));
    return new Shared(site, designs, pages.awardPages(site), indexes);
  }

  /** The site's {@code templates/} folder, when it has one: its files replace the theme's. */
  public Optional<Path> overrides() {
    return Optional.of(siteRoot.resolve("templates")).filter(Files::isDirectory);
  }

  /** The site's own strings, {@code i18n/}, when it has them. */
  public Optional<Path> strings() {
    return Optional.of(siteRoot.resolve(MessageBundles.FOLDER)).filter(Files::isDirectory);
  }

  /**
   * Renders the site into {@code out}: the awards the plan names, and all the rest. The site-wide
   * documents need no plan, so they are written while it is made; {@code planned} is asked for it
   * only then.
   *
   * @return what failed in the site's template overrides, each failed page left out: such an output
   *     is not to be published
   */
  public List<Diagnostic> render(
      Shared shared, Supplier<RenderPlan> planned, List<SourceFile> staticFiles, StagingOutput out)
      throws IOException {
    Site site = shared.site;
    SiteLayout layout = shared.layout;
    Ob2Documents ob2 = new Ob2Documents(layout, site.endorsements());
    issuers(site, layout, ob2, out);
    EndorsementPublisher endorsements = new EndorsementPublisher(site, layout, ob2);
    endorsements.publishOb2(out);
    badgeClasses(shared, ob2, out);
    if (SkillsIndex.published(site)) {
      out.write(
          layout.skillsJson().file(),
          JsonOutput.bytes(SkillsIndex.document(site, layout, buildDate)));
      out.write(layout.skillsJsonSchema().file(), SkillsIndex.schema());
    }
    if (site.settings().pages().recognition()) {
      RecognitionBoard board = RecognitionBoard.of(site, buildDate);
      out.write(
          layout.recognitionJson().file(),
          JsonOutput.bytes(
              RecognitionDocument.document(site, layout, board, shared.pages::earnerPage)));
      out.write(layout.recognitionJsonSchema().file(), RecognitionDocument.schema());
    }
    Optional<Credentials> keys = credentials.get();
    Optional<Ob3Publisher> ob3 =
        keys.map(
            c -> new Ob3Publisher(site, layout, c, signatures, shared.indexes().orElseThrow()));
    VerifyPageData verifyPage =
        new VerifyPageData(
            site, layout, ob2, ob3.map(p -> p.issuerId(site.settings().defaultIssuer())));
    if (ob3.isPresent()) {
      ob3.get().publishKeys(out);
      ob3.get().publishStatus(out, verifyPage);
      Map<String, List<Ob3Publisher.SignedEndorsement>> endorsed =
          endorsements.publishOb3(ob3.get(), out);
      for (BadgeClass badge : site.badges()) {
        ob3.get().publishAchievement(badge, endorsed.getOrDefault(badge.id(), List.of()), out);
      }
    }
    RenderPlan plan = planned.get();
    plan.keptFacts().forEach(verifyPage::add);
    designs(shared, plan, out);
    // Drawn on every thread, beside the awards: with no PNG kept from an earlier build, one after
    // the other they held up the whole build. Those drawn from the same views as last time are
    // kept.
    SocialCards cards =
        SocialCards.draw(
            site,
            layout,
            shared.designs,
            new SocialCardTemplate(overrides()),
            new SocialCardRenderer(rasterizer),
            pool,
            plan);
    Optional<SigningKey> ob2Key =
        layout.ob2Signed() ? Optional.of(keys.orElseThrow().jwt().orElseThrow()) : Optional.empty();
    AwardRender awardRender =
        new AwardRender(
            site,
            site.badgesById(),
            shared.designs,
            ob2Key,
            signatures,
            ob3,
            shared.pages,
            certificates(site, layout, shared.pages));
    // The changed awards and the other pages are rendered together, on every thread; a merge's
    // awards are copied as their shards rendered them. What needs every award (the verify page's
    // data, the learner records) follows in the same task: a pool thread that waited for the
    // awards instead would have left them one thread fewer.
    ForkJoinTask<?> awards =
        pool.submit(
            () -> {
              plan.awards().parallelStream()
                  .forEach(
                      award -> {
                        RecordingSink files = new RecordingSink(out);
                        try {
                          List<String> facts = awardRender.render(award, files);
                          verifyPage.add(facts);
                          plan.rendered(award, files.paths(), facts);
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                      });
              plan.adopted().parallelStream()
                  .forEach(
                      adopted -> {
                        try {
                          for (PublishedFile file : adopted.files()) {
                            out.adopt(file.path(), adopted.from().resolve(file.path()), file);
                          }
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                        verifyPage.add(adopted.facts());
                        plan.rendered(adopted.award(), adopted.paths(), adopted.facts());
                      });
              ForkJoinTask.invokeAll(
                  ForkJoinTask.adapt(
                      () -> {
                        try {
                          verifyPage.write(layout, out, plan);
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                      }),
                  // Each public earner's learner record holds their credentials: made again from
                  // the awards on every build, from the signature cache the awards have just
                  // filled, so a changed award is in its record at once.
                  ForkJoinTask.adapt(
                      () -> {
                        if (ob3.isPresent()) {
                          try {
                            new LearnerRecords(site, layout, ob3.get())
                                .publish(shared.pages.earnerSlugs(), out);
                          } catch (IOException e) {
                            throw new UncheckedIOException(e);
                          }
                        }
                      }));
            });
    // The manifest's awards need no file: the pool writes them out when it has time. A kept
    // award's line is the published manifest's.
    Optional<EarlierManifest> earlierManifest = out.earlierManifest();
    ForkJoinTask<byte[]> manifestAwards =
        pool.submit(() -> ManifestDocument.awards(site, earlierManifest, plan::isKept));
    try {
      shared.pages.writeOtherPages(out, pool, plan.keptPages());
      cards.write(site, layout, out);
    } finally {
      awards.quietlyJoin();
    }
    awards.join();
    Optional<Credentials> proofs = keys.filter(c -> c.dataIntegrityKey().isPresent());
    if (proofs.isPresent()) {
      out.write(
          layout.verifyContexts().file(),
          VerifyPageData.contexts(
              proofs.get().dataIntegrity().contexts(),
              // Learner records name the CLR context too: the page checks them as well.
              java.util.stream.Stream.concat(
                      Ob3Documents.CONTEXTS.stream(), ClrDocuments.CONTEXTS.stream())
                  .distinct()
                  .toList()));
    }
    for (SourceFile file : staticFiles) {
      out.copy(file.path().substring("static/".length()), file.file());
    }
    List<PublishedFile> files = out.files();
    // Written as it is made, on the build's threads: its list of files is made in parallel.
    pool.submit(
            () -> {
              try {
                out.writeManifest(
                    ManifestDocument.document(
                        site.settings().baseUrl(),
                        manifestAwards.join(),
                        files,
                        earlierManifest,
                        out::earlierPosition));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .join();
    return shared.pages.problems();
  }

  /** Each issuer's profile, revocation list and image; the key of signed assertions. */
  private void issuers(Site site, SiteLayout layout, Ob2Documents ob2, OutputSink out)
      throws IOException {
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
          out.write(layout.issuerImage(issuer).file(), publishedSvg(image));
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
  }

  /** Each badge class's document, in each of the site's languages. */
  private void badgeClasses(Shared shared, Ob2Documents ob2, OutputSink out) throws IOException {
    Site site = shared.site;
    SiteLayout layout = shared.layout;
    for (BadgeClass badge : site.badges()) {
      // The same badge class in each other language, under its folder: translated where the site
      // has its translation, named as an alternate language version then.
      List<String> versions =
          site.settings().languages().stream()
              .filter(
                  l ->
                      l.equals(site.settings().defaultLanguage())
                          || site.translations()
                              .badges()
                              .getOrDefault(l, Map.of())
                              .containsKey(badge.id()))
              .toList();
      out.write(
          layout.badgeJson(badge.id()).file(),
          JsonOutput.bytes(
              site.settings().multilingual()
                  ? ob2.badgeClass(badge, versions)
                  : ob2.badgeClass(badge)));
      for (String language : otherLanguages(site)) {
        Site local = site.inLanguage(language);
        SiteLayout localLayout = new SiteLayout(local.settings());
        BadgeClass translated = local.badge(badge.id()).orElseThrow();
        out.write(
            localLayout.badgeJson(badge.id()).file(),
            JsonOutput.bytes(
                new Ob2Documents(localLayout, site.endorsements())
                    .badgeClass(translated, versions)));
      }
    }
  }

  /**
   * Each badge class's design and PNG, unless the plan keeps them: their bytes are among what all
   * awards share, so they are as published while the plan keeps anything.
   */
  private static void designs(Shared shared, RenderPlan plan, OutputSink out) throws IOException {
    SiteLayout layout = shared.layout;
    for (BadgeClass badge : shared.site.badges()) {
      Design design = shared.designs.get(badge.id());
      String image = layout.badgeImage(badge).file();
      if (!plan.keepsFile(image, SHARED)) {
        out.write(image, design.source());
      }
      String png = layout.badgePng(badge).file();
      if (design.isSvg() && !plan.keepsFile(png, SHARED)) {
        out.write(png, design.png());
      }
    }
  }

  /** The site's languages but its default. */
  private static List<String> otherLanguages(Site site) {
    List<String> languages = site.settings().languages();
    return languages.subList(1, languages.size());
  }

  /** What draws each award's certificate, unless the site turned them off. */
  private static Optional<CertificateRender> certificates(
      Site site, SiteLayout layout, AwardPages pages) {
    if (!site.settings().pages().certificates()) {
      return Optional.empty();
    }
    Map<String, String> issuerNames = new LinkedHashMap<>();
    for (BadgeClass badge : site.badges()) {
      issuerNames.put(badge.id(), site.issuer(badge.issuerId()).map(Issuer::name).orElse(""));
    }
    return Optional.of(new CertificateRender(layout, pages, issuerNames));
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
            : publishedSvg(badge.image());
    byte[] png;
    try {
      png = format.equals("png") ? source : rasterizer.toPng(source, pngSize);
    } catch (ImageRenderException e) {
      // Checked as XML and for safety already, yet beyond what the renderer can draw.
      throw new BadgesmithException(
          badge.image().source() + ": the SVG cannot be rendered: " + e.getMessage(), e);
    }
    return Design.of(source, format, png);
  }

  /** An SVG design or issuer image as it is published: what the check accepted, written again. */
  private byte[] publishedSvg(ImageFile image) throws IOException {
    String relative = image.source();
    try {
      // The run's checks: the validator checked this design already, so it is not checked again.
      return rasterizer.inspector().publishedSvg(DesignRenders.bytes(siteRoot, image));
    } catch (ImageRenderException e) {
      // The validator reported every error already: this is a site changed during the build.
      throw new BadgesmithException(relative + ": " + e.getMessage(), e);
    }
  }

  private Path source(String relative) {
    return siteRoot.resolve(relative);
  }
}
