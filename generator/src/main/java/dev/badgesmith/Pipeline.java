package dev.badgesmith;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.diag.Timings;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.incremental.CacheLayout;
import dev.badgesmith.incremental.CheckedSvgs;
import dev.badgesmith.incremental.FileIndex;
import dev.badgesmith.incremental.RenderPlan;
import dev.badgesmith.incremental.RenderedPngs;
import dev.badgesmith.incremental.SignatureCache;
import dev.badgesmith.ld.ContextStore;
import dev.badgesmith.lock.LockChanges;
import dev.badgesmith.lock.LockCheck;
import dev.badgesmith.model.Site;
import dev.badgesmith.render.Credentials;
import dev.badgesmith.render.SiteRenderer;
import dev.badgesmith.source.SiteScanner;
import dev.badgesmith.write.SiteWriter;
import dev.badgesmith.write.StagingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The stages of a run, in order: scan, load, validate (what {@code check} and {@code lock} run),
 * then plan, render and publish (what {@code build} adds). Each stage is a method here, timed under
 * its name; the work of each lives in its package.
 */
final class Pipeline {
  /**
   * A generator's settings, as its builder gave them.
   *
   * @param cacheFolder the cache folder as given, kept apart from the site's sources and output
   * @param buildDate the date a run takes as now, read once per run
   */
  record Settings(
      Map<String, String> environment,
      int threads,
      Optional<Path> cacheFolder,
      Optional<Path> keysDirectory,
      boolean renderAll,
      Optional<URI> previewOrigin,
      boolean updateLock,
      Supplier<Instant> buildDate,
      Optional<String> lockBase) {}

  private final Settings settings;

  /** Where this machine's cached work is read and written, inside the cache folder. */
  private final Optional<CacheLayout> cache;

  /** The JSON-LD contexts proofs are made with: shipped inside Badgesmith, parsed once. */
  private final ContextStore contexts = new ContextStore();

  Pipeline(Settings settings) {
    this.settings = settings;
    // Cached work is read from a folder only this machine can name: see CacheLayout.
    this.cache =
        settings
            .cacheFolder()
            .map(
                d ->
                    CacheLayout.of(
                        d, settings.environment(), Path.of(System.getProperty("user.home", "."))));
  }

  /** Scan, load and validate; writes nothing. */
  Report check(Path siteDir) {
    return checkSite(siteDir).report();
  }

  /** {@link #check}, with the site it made. */
  CheckedSite checkSite(Path siteDir) {
    if (Files.isDirectory(siteDir)) {
      SiteFolders.checkCache(SiteScanner.realPath(siteDir), settings.cacheFolder());
    }
    return checked(
        siteDir,
        loading(settings.buildDate().get(), false),
        (read, loaded, rasterizer) -> new CheckedSite(report(loaded), loaded.site()));
  }

  /**
   * Scan, load and validate as {@link #check} does, but with every award file read, also those the
   * award cache knows: what only the files hold, such as a recipient's plain identity, is wanted.
   */
  CheckedFiles checkEveryFile(Path siteDir) {
    if (Files.isDirectory(siteDir)) {
      SiteFolders.checkCache(SiteScanner.realPath(siteDir), settings.cacheFolder());
    }
    SiteLoad stages =
        new SiteLoad(
            Optional.empty(),
            settings.environment(),
            settings.buildDate().get(),
            settings.lockBase(),
            Optional.empty(),
            false,
            false);
    return checked(
        siteDir,
        stages,
        (read, loaded, rasterizer) ->
            new CheckedFiles(
                report(loaded),
                loaded.site(),
                read.doc(),
                loaded.lock().map(LockCheck::indexes),
                loaded.sources().root()));
  }

  /**
   * Scan, load and validate, then the designs as the build publishes them, written to {@code
   * outDir} when the site has no error; nothing else is written.
   */
  Report designs(Path siteDir, Optional<String> badge, Path outDir) {
    SiteLoad.requireSiteFolder(siteDir);
    return checked(
        siteDir,
        loading(settings.buildDate().get(), false),
        (read, loaded, rasterizer) -> {
          List<Path> written =
              loaded.diagnostics().hasErrors() || loaded.site().isEmpty()
                  ? List.of()
                  : DesignPreviews.write(siteDir, loaded.site().get(), badge, outDir, rasterizer);
          return new Report(
              loaded.diagnostics().sorted(), Optional.of(outDir), written.size(), Optional.empty());
        });
  }

  /**
   * Forgets what the cache keeps of a build into {@code outDir}, a folder that is gone: nothing
   * will build into it again.
   */
  void forgetOutput(Path outDir) {
    if (cache.isEmpty()) {
      return;
    }
    try {
      Files.deleteIfExists(cache.get().fileIndex(outDir));
      Files.deleteIfExists(cache.get().renderState(outDir));
    } catch (IOException e) {
      // What is left is only unused: the next run of this machine never names that folder.
    }
  }

  /** Scan, load and validate, then the lock written when the site has no error. */
  Report lock(Path siteDir) {
    return checked(
        siteDir,
        loading(settings.buildDate().get(), false),
        (read, loaded, rasterizer) -> {
          Optional<LockChanges> changes = loaded.changes();
          if (!loaded.diagnostics().hasErrors() && loaded.lock().isPresent()) {
            changes = Optional.of(SiteLoad.writeLock(loaded));
          }
          return new Report(loaded.diagnostics().sorted(), Optional.empty(), 0, changes);
        });
  }

  /** Scan, load, validate, plan, render, publish. */
  Report build(Path siteDir, Path outDir) {
    return build(siteDir, outDir, settings.updateLock(), site -> {});
  }

  /**
   * A build, with the lock written when it succeeds only if {@code updateLock} (a build for another
   * command's sake never writes it), that hands the site it published to {@code published}: what a
   * preview shows beside the site, such as its designs.
   */
  Report build(Path siteDir, Path outDir, boolean updateLock, Consumer<Site> published) {
    return build(siteDir, outDir, updateLock, published, Optional.empty(), Optional.empty());
  }

  /**
   * A build of one shard's awards, with the record the merge reads left beside its output. The
   * site-wide files are written as well, for the output to be a site; the merge writes them again.
   */
  Report buildShard(Path siteDir, Path outDir, Shard shard) {
    RenderPlan.Part part = new RenderPlan.Part(shard.index(), shard.count());
    return build(siteDir, outDir, false, site -> {}, Optional.of(part), Optional.empty());
  }

  /**
   * A build whose awards are copied from the shards' outputs, not rendered: the site as one build
   * of it gives.
   */
  Report merge(Path siteDir, List<Path> shardDirs, Path outDir) {
    for (Path shard : shardDirs) {
      if (!Files.isDirectory(shard)) {
        throw new BadgesmithException(shard + ": no such folder: give each shard's output folder");
      }
    }
    return build(
        siteDir, outDir, false, site -> {}, Optional.empty(), Optional.of(List.copyOf(shardDirs)));
  }

  /**
   * @param published handed the site once it is published
   * @param part the shard whose awards to render, when the build is one shard's
   * @param shards the shards' outputs to copy every award from, when the build is a merge
   */
  private Report build(
      Path siteDir,
      Path outDir,
      boolean updateLock,
      Consumer<Site> published,
      Optional<RenderPlan.Part> part,
      Optional<List<Path>> shards) {
    ForkJoinPool pool = new ForkJoinPool(settings.threads());
    try {
      SiteLoad.requireSiteFolder(siteDir);
      SiteFolders.checkCache(SiteScanner.realPath(siteDir), settings.cacheFolder());
      SiteFolders.checkOutput(SiteScanner.realPath(siteDir), outDir, settings.cacheFolder());
      // One "now" for the whole build, read before the output is opened (it may be malformed).
      Instant date = settings.buildDate().get();
      // What the last build into this output folder left in the cache, under the folder's digest.
      FileIndex.Kept index = new FileIndex.Kept(cache.map(c -> c.fileIndex(outDir)));
      // Reading what the output folder holds needs nothing from the site: it runs beside loading.
      CompletableFuture<SiteWriter> opening =
          CompletableFuture.supplyAsync(() -> SiteWriter.open(outDir, index), pool);
      SvgRasterizer rasterizer = rasterizer();
      SiteLoad stages = loading(date, true);
      Timings timings = new Timings();
      SiteLoad.Loaded loaded;
      try {
        loaded = stages.scanLoadValidate(siteDir, pool, rasterizer, timings);
        if (loaded.diagnostics().hasErrors()) {
          // Nothing is rendered: the pages left to rendering are checked, as check does.
          loaded.diagnostics().addAll(stages.pageProblems(loaded));
        }
      } catch (RuntimeException e) {
        BuildTasks.abandon(opening);
        throw e;
      }
      if (loaded.site().isEmpty() || loaded.diagnostics().hasErrors()) {
        BuildTasks.abandon(opening);
        return failed(loaded);
      }
      Site site = loaded.site().get();
      // Keys and contexts are made ready beside the stages before rendering, which need none.
      CompletableFuture<Optional<Credentials>> credentials =
          CompletableFuture.supplyAsync(() -> credentials(loaded.sources().root(), site), pool);
      SignatureCache signatures = new SignatureCache(cache.map(c -> c::signature));
      SiteWriter writer = BuildTasks.join(opening);
      RenderPlan plan;
      List<Diagnostic> pageProblems;
      int changed = 0;
      try {
        SiteRenderer renderer =
            new SiteRenderer(
                loaded.sources().root(),
                rasterizer,
                pool,
                () -> BuildTasks.join(credentials),
                signatures,
                date);
        SiteRenderer.Shared shared = renderer.shared(site, loaded.lock().map(LockCheck::indexes));
        // The plan is made beside the site-wide documents, which need none; its stage ends when
        // the render stage asks for it.
        CompletableFuture<RenderPlan> planning =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return plan(
                        renderer, shared, loaded, outDir, writer.output(), pool, part, shards);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                },
                pool);
        pageProblems =
            renderer.render(
                shared,
                () -> {
                  RenderPlan made = BuildTasks.join(planning);
                  timings.mark("plan");
                  return made;
                },
                loaded.sources().staticFiles(),
                writer.output());
        plan = BuildTasks.join(planning);
        timings.mark("render");
        if (pageProblems.isEmpty()) {
          changed = publish(pool, loaded, writer, plan, index);
          if (part.isPresent()) {
            plan.writeShardRecord(outDir, part.get(), site);
          }
          timings.mark("publish");
        }
      } catch (IOException | UncheckedIOException e) {
        BuildTasks.settle(pool);
        writer.abandon();
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        throw new BadgesmithException("cannot write the site: " + cause.getMessage(), cause);
      } catch (RuntimeException e) {
        BuildTasks.settle(pool);
        writer.abandon();
        throw e;
      }
      if (!pageProblems.isEmpty()) {
        // A page failed in the site's templates: nothing is published, as with any error.
        writer.abandon();
        loaded.diagnostics().addAll(pageProblems);
        return failed(loaded);
      }
      warnOfCache(
          loaded,
          loaded
              .cache()
              .writeFailure()
              .or(index::failure)
              .or(plan::failure)
              .or(signatures::writeFailure)
              .or(rasterizer::cacheFailure));
      Optional<LockChanges> changes = loaded.changes();
      if (updateLock && loaded.lock().isPresent()) {
        changes = Optional.of(SiteLoad.writeLock(loaded));
      }
      published.accept(site);
      return new Report(
          loaded.diagnostics().sorted(),
          Optional.of(outDir),
          writer.output().fileCount(),
          changed,
          plan.awardsRendered(),
          changes,
          timings.stages());
    } finally {
      pool.shutdown();
    }
  }

  /** What a command that stops after validating does with what the stages read and made. */
  @FunctionalInterface
  private interface AfterCheck<T> {
    T apply(SiteLoad.Read read, SiteLoad.Loaded loaded, SvgRasterizer rasterizer);
  }

  /**
   * Scan, load and validate, for a command that stops there: the cache's writes are waited for and
   * a cache that could not be written is warned of before {@code then} sees the result.
   */
  private <T> T checked(Path siteDir, SiteLoad stages, AfterCheck<T> then) {
    ForkJoinPool pool = new ForkJoinPool(settings.threads());
    try {
      SiteLoad.Read read = stages.load(stages.scan(siteDir, pool), pool);
      SvgRasterizer rasterizer = rasterizer();
      SiteLoad.Loaded loaded = stages.validate(read, pool, rasterizer);
      BuildTasks.join(loaded.saved());
      warnOfCache(loaded, loaded.cache().writeFailure().or(rasterizer::cacheFailure));
      return then.apply(read, loaded, rasterizer);
    } finally {
      pool.shutdown();
    }
  }

  /** The report of a check: its diagnostics and the changes to the lock it would make. */
  private static Report report(SiteLoad.Loaded loaded) {
    return new Report(loaded.diagnostics().sorted(), Optional.empty(), 0, loaded.changes());
  }

  /** The report of a build that stopped before publishing, for errors of the site. */
  private static Report failed(SiteLoad.Loaded loaded) {
    BuildTasks.join(loaded.saved());
    return report(loaded);
  }

  /** The plan stage: which awards the render stage renders, and which it keeps as published. */
  private RenderPlan plan(
      SiteRenderer renderer,
      SiteRenderer.Shared shared,
      SiteLoad.Loaded loaded,
      Path outDir,
      StagingOutput out,
      ForkJoinPool pool,
      Optional<RenderPlan.Part> part,
      Optional<List<Path>> shards)
      throws IOException {
    RenderPlan.Inputs inputs =
        new RenderPlan.Inputs(
            loaded.site().orElseThrow(),
            shared.designs(),
            renderer.overrides(),
            renderer.strings(),
            shared::pageContext,
            shared::badgePageFiles,
            shared.indexes(),
            loaded.cache()::identity);
    Optional<Path> stateFile = cache.map(c -> c.renderState(outDir));
    if (shards.isPresent()) {
      return RenderPlan.adopting(inputs, stateFile, shards.get(), pool);
    }
    return RenderPlan.of(inputs, stateFile, settings.renderAll(), out, pool, part);
  }

  /**
   * The publish stage: the staged site swapped in; what the next build reads first kept beside it.
   *
   * @return how many files changed
   */
  private static int publish(
      ForkJoinPool pool,
      SiteLoad.Loaded loaded,
      SiteWriter writer,
      RenderPlan plan,
      FileIndex.Kept index)
      throws IOException {
    // Tied to the manifest's stamp, which moving the manifest in does not change.
    String manifest = writer.manifestStamp();
    StagingOutput output = writer.output();
    CompletableFuture<Void> kept =
        CompletableFuture.allOf(
            CompletableFuture.runAsync(() -> plan.save(manifest, output), pool),
            CompletableFuture.runAsync(() -> index.keep(manifest, output), pool));
    int changed;
    try {
      changed = writer.commit();
    } finally {
      kept.exceptionally(e -> null).join(); // nothing is left half-written in the cache
    }
    BuildTasks.join(kept);
    BuildTasks.join(loaded.saved());
    return changed;
  }

  /** What signs the site's credentials, with the keys this run was given; empty when unsigned. */
  Optional<Credentials> credentials(Path root, Site site) {
    return site.settings()
        .signing()
        .map(
            s ->
                SiteCredentials.of(
                    root, s, settings.environment(), settings.keysDirectory(), contexts));
  }

  /** What renders designs, for the load's check of them and then the build: one per run. */
  private SvgRasterizer rasterizer() {
    return new SvgRasterizer(RenderedPngs.in(cache), CheckedSvgs.in(cache));
  }

  /**
   * A cache that could not be written only makes the next run do again what it would have kept: one
   * warning says so, with the first reason.
   */
  private void warnOfCache(SiteLoad.Loaded loaded, Optional<String> failure) {
    failure.map(this::cacheWarning).ifPresent(loaded.diagnostics()::add);
  }

  private Diagnostic cacheWarning(String failure) {
    return Diagnostic.warning(
            Code.CACHE_NOT_WRITTEN,
            SourcePosition.startOf(settings.cacheFolder().map(Path::toString).orElse(".")),
            "the cache could not be written, so the next run will redo work this one did: "
                + failure)
        .withHint("make the cache folder writable, or give another with --cache");
  }

  /**
   * The stages before planning as this generator is configured, with {@code date} as now.
   *
   * @param build whether the pages are rendered next, which reports what fails in the site's
   *     templates, so the check need not render them first
   */
  private SiteLoad loading(Instant date, boolean build) {
    return new SiteLoad(
        cache,
        settings.environment(),
        date,
        settings.lockBase(),
        settings.previewOrigin(),
        settings.renderAll(),
        build);
  }
}
