package dev.badgesmith;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.Timings;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.incremental.AwardCache;
import dev.badgesmith.incremental.CacheLayout;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.load.SiteLoader;
import dev.badgesmith.lock.AwardDigest;
import dev.badgesmith.lock.BaseLock;
import dev.badgesmith.lock.LockChanges;
import dev.badgesmith.lock.LockCheck;
import dev.badgesmith.lock.PublishedLock;
import dev.badgesmith.lock.StatusIndexes;
import dev.badgesmith.markdown.MarkdownRenderer;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.Site;
import dev.badgesmith.pages.MessageBundles;
import dev.badgesmith.pages.PageRenderer;
import dev.badgesmith.pages.SiteMessages;
import dev.badgesmith.pages.ThemeOverrides;
import dev.badgesmith.source.SiteScanner;
import dev.badgesmith.source.SiteSources;
import dev.badgesmith.validate.DesignRenders;
import dev.badgesmith.validate.SiteValidator;
import dev.badgesmith.validate.UnsaltedHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * The stages every command runs first, one method each: scan the site's files, load them, and
 * validate the site (render its designs and templates once, so what the renderer refuses is check's
 * error as much as build's, and hold it to its lock).
 */
final class SiteLoad {
  private final Optional<CacheLayout> cache;
  private final Map<String, String> environment;
  private final Instant buildDate;
  private final Optional<String> lockBase;
  private final Optional<URI> previewOrigin;
  private final boolean renderAll;
  private final boolean pagesRenderedNext;

  SiteLoad(
      Optional<CacheLayout> cache,
      Map<String, String> environment,
      Instant buildDate,
      Optional<String> lockBase,
      Optional<URI> previewOrigin,
      boolean renderAll,
      boolean pagesRenderedNext) {
    this.cache = cache;
    this.environment = environment;
    this.buildDate = buildDate;
    this.lockBase = lockBase;
    this.previewOrigin = previewOrigin;
    this.renderAll = renderAll;
    this.pagesRenderedNext = pagesRenderedNext;
  }

  /**
   * @param sources the site's files but its award files, which the model holds as awards
   * @param saved the award cache being written, beside the rest of the build
   * @param pagesLeft whether the site's pages were left to the render stage, which reports what
   *     fails in them as check does: {@link #pageProblems} checks them when the build stops before
   *     rendering
   */
  record Loaded(
      SiteSources sources,
      Optional<Site> site,
      Diagnostics diagnostics,
      Optional<LockCheck> lock,
      AwardCache cache,
      CompletableFuture<Void> saved,
      boolean pagesLeft) {
    Optional<LockChanges> changes() {
      return lock.map(LockCheck::changes);
    }
  }

  static LockChanges writeLock(Loaded loaded) {
    LockCheck lock = loaded.lock().orElseThrow();
    try {
      return lock.write(loaded.sources().root()) ? lock.changes().asWritten() : lock.changes();
    } catch (IOException e) {
      throw new BadgesmithException(
          "cannot write " + PublishedLock.FILE + ": " + e.getMessage(), e);
    }
  }

  static void requireSiteFolder(Path siteDir) {
    if (!Files.isDirectory(siteDir)) {
      throw new BadgesmithException("no site folder at " + siteDir);
    }
  }

  /**
   * What the scan stage found: the site's files, and what earlier builds learnt of them.
   *
   * @param base the lock at the Git ref the site's lock must keep, when one is given
   * @param lock the site's {@code published.lock}, read beside the listing
   */
  record Scanned(
      SiteSources sources,
      Diagnostics diagnostics,
      Optional<BaseLock> base,
      CompletableFuture<PublishedLock.Read> lock,
      Optional<String> secret,
      AwardCache cache) {}

  /**
   * What the load stage read.
   *
   * @param known the awards of files the incremental layer knew, not read
   */
  record Read(Scanned scanned, SiteDoc doc, AwardCache.Known known) {}

  /** The scan stage: the site's files, with the award cache read beside the listing. */
  Scanned scan(Path siteDir, ForkJoinPool pool) {
    requireSiteFolder(siteDir);
    Diagnostics diagnostics = new Diagnostics();
    // What earlier builds learnt of the awards is read while the site's files are listed.
    Path root = SiteScanner.realPath(siteDir);
    // The site's lock needs nothing the listing finds: it is read and parsed beside it.
    CompletableFuture<PublishedLock.Read> lock =
        CompletableFuture.supplyAsync(() -> PublishedLock.readFile(root), pool);
    // The lock at the ref is read (git, then its lines) while the files are listed, on a thread of
    // its own as it mostly waits for git. A ref that cannot be read still stops the run before
    // anything the listing found is used: it is a setup problem, and the first one told.
    Optional<CompletableFuture<BaseLock>> baseRead =
        lockBase.map(
            ref ->
                CompletableFuture.supplyAsync(
                    () -> BaseLock.at(root, ref, () -> workingLock(lock)),
                    task -> {
                      Thread thread = new Thread(task, "badgesmith-base-lock");
                      thread.setDaemon(true);
                      thread.start();
                    }));
    Optional<CompletableFuture<AwardCache.Earlier>> earlier =
        this.cache.map(
            c ->
                CompletableFuture.supplyAsync(
                    () -> AwardCache.earlier(c.awards(root), !renderAll), pool));
    SiteSources sources;
    try {
      sources = SiteScanner.scan(siteDir, diagnostics, pool);
    } catch (RuntimeException e) {
      baseRead.ifPresent(BuildTasks::join);
      throw e;
    }
    Optional<BaseLock> base = baseRead.map(BuildTasks::join);
    // Blank counts as unset: CI passes a secret that was never set as an empty variable.
    Optional<String> secret =
        Optional.ofNullable(environment.get(Badgesmith.SALT_SECRET_VARIABLE))
            .filter(s -> !s.isBlank());
    AwardCache cache =
        earlier
            .map(e -> AwardCache.open(BuildTasks.join(e), sources, secret))
            .orElseGet(AwardCache::none);
    return new Scanned(sources, diagnostics, base, lock, secret, cache);
  }

  /** The site's lock for the base's to share when their texts agree; empty if it failed. */
  private static Optional<PublishedLock.Read> workingLock(
      CompletableFuture<PublishedLock.Read> lock) {
    try {
      return Optional.of(lock.join());
    } catch (RuntimeException e) {
      return Optional.empty(); // the base's own text is parsed; the failure is the check's to tell
    }
  }

  /**
   * The load stage: the files the award cache does not know, read; the award files an earlier build
   * validated, unchanged since, are not, their awards are.
   */
  Read load(Scanned scanned, ForkJoinPool pool) {
    AwardCache.Known known = scanned.cache().known(scanned.sources().awards(), pool);
    SiteDoc doc =
        new SiteLoader(pool)
            .load(scanned.sources(), scanned.diagnostics(), known.paths(), scanned.cache()::loaded);
    return new Read(scanned, doc, known);
  }

  /**
   * The scan, load and validate stages, each timed. What the load read (every award file's doc) is
   * let go of on return: a build holds the model, not the files.
   */
  Loaded scanLoadValidate(
      Path siteDir, ForkJoinPool pool, SvgRasterizer rasterizer, Timings timings) {
    Scanned scanned = scan(siteDir, pool);
    timings.mark("scan");
    Read read = load(scanned, pool);
    timings.mark("load");
    Loaded loaded = validate(read, pool, rasterizer);
    timings.mark("validate");
    return loaded;
  }

  /**
   * The validate stage: the model, with every problem; the designs and templates run on it, and the
   * lock held.
   */
  Loaded validate(Read read, ForkJoinPool pool, SvgRasterizer rasterizer) {
    SiteSources sources = read.scanned().sources();
    Diagnostics diagnostics = read.scanned().diagnostics();
    Optional<String> secret = read.scanned().secret();
    AwardCache cache = read.scanned().cache();
    AwardCache.Known known = read.known();
    SiteDoc doc = read.doc();
    Optional<Site> validated =
        new SiteValidator(secret, buildDate, rasterizer.inspector())
            .validate(sources, doc, known.awards(), diagnostics);
    Optional<Site> site = validated.map(s -> previewOrigin.map(o -> atOrigin(s, o)).orElse(s));
    // The templates a build uses, run once on this site beside the other checks and the designs'
    // rendering, as soon as there is a site: their errors are check's too.
    CompletableFuture<PageRenderer.Checked> templateProblems =
        site.map(
                s -> CompletableFuture.supplyAsync(() -> templateProblems(sources.root(), s), pool))
            .orElseGet(
                () ->
                    CompletableFuture.completedFuture(new PageRenderer.Checked(List.of(), false)));
    // A salt derived per award, thousands of hashes: beside the checks that follow, which it needs
    // nothing of, and joined before the diagnostics are read. The one award a warning names is
    // looked up among the award files read only then.
    CompletableFuture<Void> unsalted =
        validated
            .map(
                s ->
                    CompletableFuture.runAsync(
                        () ->
                            UnsaltedHashes.check(
                                sources.root(),
                                s,
                                secret,
                                award ->
                                    doc.awards().stream()
                                        .filter(
                                            a ->
                                                a.badgeId().equals(award.badgeId())
                                                    && a.id().equals(award.id()))
                                        .map(AwardDoc::at)
                                        .findFirst(),
                                diagnostics),
                        pool))
            .orElseGet(() -> CompletableFuture.completedFuture(null));
    // The files of the awards the cache knew, by award: made beside the designs' rendering.
    CompletableFuture<Map<String, String>> cachedSourcesMade =
        CompletableFuture.supplyAsync(
            () -> {
              Map<String, String> sourceOf = new HashMap<>();
              for (Award award : known.awards()) {
                sourceOf.put(StatusIndexes.key(award), award.source());
              }
              return sourceOf;
            },
            pool);
    ThemeOverrides.check(sources.root(), diagnostics);
    validated.ifPresent(
        s -> SiteMessages.check(sources.root(), s.settings().languages(), diagnostics));
    if (validated.isPresent()) {
      // What the renderer refuses is found here, in check as in build, from the same rendering.
      try {
        DesignRenders.check(sources.root(), validated.get(), rasterizer, diagnostics, pool);
        DesignRenders.checkCard(sources.root(), validated.get(), rasterizer, diagnostics);
      } catch (IOException e) {
        throw new BadgesmithException("cannot render the designs: " + e.getMessage(), e);
      } catch (UncheckedIOException e) {
        throw new BadgesmithException(
            "cannot render the designs: " + e.getCause().getMessage(), e.getCause());
      }
    }
    Map<String, String> cachedSources = BuildTasks.join(cachedSourcesMade);
    // An unchanged file's digest as an earlier build computed it, read only for awards asked for.
    java.util.function.Function<String, Optional<AwardDigest.Columns>> lockDigests =
        key ->
            Optional.ofNullable(cachedSources.get(key))
                .flatMap(cache::hit)
                .map(e -> new AwardDigest.Columns(e.lockDigest(), e.lockFields()));
    // The lock holds the site's real URLs, so it is checked before a preview moves them.
    Optional<LockCheck> lock =
        LockCheck.run(
            sources,
            doc,
            validated,
            diagnostics,
            lockDigests,
            read.scanned().base(),
            BuildTasks.join(read.scanned().lock()),
            pool);
    BuildTasks.join(unsalted);
    CompletableFuture<Void> saved = CompletableFuture.completedFuture(null);
    if (validated.isPresent() && lock.isPresent()) {
      Set<String> noted = new HashSet<>();
      diagnostics.sorted().forEach(d -> noted.add(d.path()));
      LockCheck check = lock.get();
      List<Award> awards = validated.get().awards();
      // Nothing waits for the cache but the next build: it is written beside this one.
      saved =
          CompletableFuture.runAsync(
              () ->
                  cache.save(
                      awards,
                      path -> !noted.contains(path),
                      award -> {
                        AwardDigest digest = check.digest(award);
                        return new AwardCache.LockDigest(digest.digest(), digest.fieldsColumn());
                      }),
              pool);
    }
    PageRenderer.Checked templates = BuildTasks.join(templateProblems);
    diagnostics.addAll(templates.problems());
    return new Loaded(
        sources.withoutAwards(), site, diagnostics, lock, cache, saved, templates.pagesLeft());
  }

  /**
   * What goes wrong when the site's templates render a page of each kind; a build renders the pages
   * of a site with template overrides itself, once.
   */
  private PageRenderer.Checked templateProblems(Path siteRoot, Site site) {
    if (pagesRenderedNext && overrides(siteRoot).isEmpty()) {
      // The theme alone can fail only as a set-up problem, never as a diagnostic of the site: the
      // render stage throws the same failure on a page it renders, and keeps only pages a build
      // rendered from the same inputs. A build that stops first checks them (pageProblems).
      return new PageRenderer.Checked(List.of(), true);
    }
    try {
      PageRenderer pages = pageRenderer(siteRoot);
      return pagesRenderedNext
          ? pages.checkBeforeRendering(site)
          : new PageRenderer.Checked(pages.check(site), false);
    } catch (IOException e) {
      throw new BadgesmithException("cannot read the templates: " + e.getMessage(), e);
    }
  }

  /** What goes wrong in the pages the load left to rendering, for a build that renders none. */
  List<Diagnostic> pageProblems(Loaded loaded) {
    if (!loaded.pagesLeft() || loaded.site().isEmpty()) {
      return List.of();
    }
    try {
      return pageRenderer(loaded.sources().root()).checkPages(loaded.site().get());
    } catch (IOException e) {
      throw new BadgesmithException("cannot read the templates: " + e.getMessage(), e);
    }
  }

  private PageRenderer pageRenderer(Path siteRoot) {
    return new PageRenderer(
        new MarkdownRenderer(), overrides(siteRoot), MessageBundles.of(siteRoot), buildDate);
  }

  /** The site's {@code templates/} folder, when it has one. */
  private static Optional<Path> overrides(Path siteRoot) {
    return Optional.of(siteRoot.resolve(ThemeOverrides.FOLDER)).filter(Files::isDirectory);
  }

  /** The site with its base URL moved to another origin, its path kept. */
  private static Site atOrigin(Site site, URI origin) {
    String path = URI.create(site.settings().baseUrl()).getRawPath();
    String base = origin.getScheme() + "://" + origin.getRawAuthority() + path;
    return new Site(
        site.settings().withBaseUrl(base),
        site.issuers(),
        site.badges(),
        site.awards(),
        site.frameworks(),
        site.endorsements(),
        site.translations());
  }
}
