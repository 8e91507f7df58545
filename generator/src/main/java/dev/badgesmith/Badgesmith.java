package dev.badgesmith;

import dev.badgesmith.cache.CacheOwner;
import dev.badgesmith.cache.Fingerprint;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.ld.ContextStore;
import dev.badgesmith.lock.LockChanges;
import dev.badgesmith.lock.LockCheck;
import dev.badgesmith.model.Site;
import dev.badgesmith.render.Credentials;
import dev.badgesmith.render.SiteRenderer;
import dev.badgesmith.source.SiteScanner;
import dev.badgesmith.write.SiteWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * The one entry point of the generator: the CLI and the Maven plugin only map their arguments to
 * this and its {@link Report} back to their own output.
 *
 * <pre>{@code
 * Report report = Badgesmith.builder().environment(System.getenv()).build().build(site, out);
 * }</pre>
 */
public final class Badgesmith {
  /** The environment variable that holds the site secret recipients' salts are derived from. */
  public static final String SALT_SECRET_VARIABLE = "BADGESMITH_SALT_SECRET";

  private final Map<String, String> environment;
  private final int threads;

  /** The cache folder as given, which must be kept apart from the site's sources and output. */
  private final Optional<Path> cacheFolder;

  /** Where this machine's cached work is read and written, inside the cache folder. */
  private final Optional<Path> cacheDirectory;

  private final Optional<Path> keysDirectory;

  /** The JSON-LD contexts proofs are made with: shipped inside Badgesmith, parsed once. */
  private final ContextStore contexts = new ContextStore();

  private final boolean renderAll;
  private final Optional<URI> previewOrigin;
  private final boolean updateLock;
  private final Optional<Instant> buildDate;

  /** The Git ref whose {@code published.lock} the site's lock must keep every line of. */
  private final Optional<String> lockBase;

  private final Builder settings; // for a preview's generator, which adds its origin

  private Badgesmith(Builder builder) {
    this.settings = builder.copy();
    this.environment = Map.copyOf(builder.environment);
    this.threads = builder.threads;
    this.cacheFolder = builder.cacheDirectory;
    // Cached work is read from a folder only this machine can name: see CacheOwner.
    this.cacheDirectory =
        builder.cacheDirectory.map(
            d -> CacheOwner.folder(d, environment, Path.of(System.getProperty("user.home", "."))));
    this.keysDirectory = builder.keysDirectory;
    this.renderAll = builder.renderAll;
    this.previewOrigin = builder.previewOrigin;
    this.updateLock = builder.updateLock;
    this.buildDate = builder.buildDate;
    this.lockBase = builder.lockBase;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads and validates a site, and holds it to its {@code published.lock}; writes nothing. The
   * report lists what the site adds, revokes or alters relative to the lock.
   */
  public Report check(Path siteDir) {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      if (Files.isDirectory(siteDir)) {
        SiteFolders.checkCache(SiteScanner.realPath(siteDir), cacheFolder);
      }
      SvgRasterizer rasterizer = rasterizer();
      SiteLoad.Loaded loaded = loading(buildDate()).load(siteDir, pool, rasterizer);
      BuildTasks.join(loaded.saved());
      warnOfCache(loaded, loaded.cache().writeFailure().or(rasterizer::cacheFailure));
      return new Report(loaded.diagnostics().sorted(), Optional.empty(), 0, loaded.changes());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Checks a site, then writes its {@code published.lock}: every line kept with its status index,
   * revocations marked, and a line for each new award. Nothing is written when the site has errors,
   * such as a locked award that changed or disappeared.
   */
  public Report lock(Path siteDir) {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      SvgRasterizer rasterizer = rasterizer();
      SiteLoad.Loaded loaded = loading(buildDate()).load(siteDir, pool, rasterizer);
      BuildTasks.join(loaded.saved());
      warnOfCache(loaded, loaded.cache().writeFailure().or(rasterizer::cacheFailure));
      Optional<LockChanges> changes = loaded.changes();
      if (!loaded.diagnostics().hasErrors() && loaded.lock().isPresent()) {
        changes = Optional.of(SiteLoad.writeLock(loaded));
      }
      return new Report(loaded.diagnostics().sorted(), Optional.empty(), 0, changes);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Writes a new award file and checks it with the site, as a pull request's check would; an award
   * with an error is removed again and its problems are the result.
   *
   * @throws BadgesmithException when the badge class does not exist, the id is not a slug, or the
   *     file exists
   */
  public AwardResult award(Path siteDir, AwardRequest request, SecureRandom random) {
    return new Awarding(this).one(siteDir, request, random);
  }

  /**
   * Writes an award file per row of a CSV file of {@code badge}'s awards: all of them, or none when
   * a row has a problem or a new file fails the site's check.
   *
   * @param today the issue date of rows that give none
   */
  public AwardResult awardCsv(
      Path siteDir, String badge, Path csv, boolean hash, LocalDate today, SecureRandom random) {
    return new Awarding(this).csv(siteDir, badge, csv, hash, today, random);
  }

  /**
   * Turns Open Badges 1.x and 2.0 assertions (files, URLs, baked images) into award files: all of
   * them, or none when an input has a problem.
   */
  public AwardResult importAssertions(Path siteDir, ImportRequest request, SecureRandom random) {
    return new Awarding(this).imported(siteDir, request, random);
  }

  /**
   * Writes a new site, checked and locked, with its workflows; nothing is left behind on an error.
   */
  public InitResult init(InitRequest request, SecureRandom random) {
    return NewSites.create(request, random, site -> lock(site).diagnostics());
  }

  /**
   * Builds a site into {@code outDir}. The new site replaces the old one only when the whole build
   * succeeded; with any error, {@code outDir} is left as it was.
   *
   * @throws BadgesmithException when the site folder is missing or {@code outDir} is a folder
   *     Badgesmith did not write
   */
  public Report build(Path siteDir, Path outDir) {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      SiteLoad.requireSiteFolder(siteDir);
      SiteFolders.checkCache(SiteScanner.realPath(siteDir), cacheFolder);
      SiteFolders.checkOutput(SiteScanner.realPath(siteDir), outDir, cacheFolder);
      // One "now" for the whole build, read before the output is opened (it may be malformed).
      Instant date = buildDate();
      // What the last build into this output folder left in the cache, under the folder's digest.
      String folder = new Fingerprint().add(outDir.toAbsolutePath().normalize().toString()).hex();
      Optional<Path> index =
          cacheDirectory.map(d -> d.resolve("builds").resolve(folder + ".files"));
      Optional<Path> state =
          cacheDirectory.map(d -> d.resolve("builds").resolve(folder + ".state"));
      // Reading what the output folder holds needs nothing from the site: it runs beside loading.
      CompletableFuture<SiteWriter> opening =
          CompletableFuture.supplyAsync(() -> SiteWriter.open(outDir, index), pool);
      SvgRasterizer rasterizer = rasterizer();
      SiteLoad.Loaded loaded;
      try {
        loaded = loading(date).load(siteDir, pool, rasterizer);
      } catch (RuntimeException e) {
        BuildTasks.abandon(opening);
        throw e;
      }
      if (loaded.site().isEmpty() || loaded.diagnostics().hasErrors()) {
        BuildTasks.abandon(opening);
        BuildTasks.join(loaded.saved());
        return new Report(loaded.diagnostics().sorted(), Optional.empty(), 0, loaded.changes());
      }
      Site site = loaded.site().get();
      // Keys and contexts are made ready beside the first stage of rendering, which needs none.
      CompletableFuture<Optional<Credentials>> credentials =
          CompletableFuture.supplyAsync(
              () ->
                  site.settings()
                      .signing()
                      .map(
                          s ->
                              SiteCredentials.of(
                                  loaded.sources().root(),
                                  s,
                                  environment,
                                  keysDirectory,
                                  contexts)),
              pool);
      SiteWriter writer = BuildTasks.join(opening);
      int changed;
      int awardsRendered;
      Optional<String> cacheFailure;
      try {
        SiteRenderer renderer =
            new SiteRenderer(
                loaded.sources().root(),
                cacheDirectory,
                rasterizer,
                pool,
                () -> BuildTasks.join(credentials),
                loaded.lock().map(LockCheck::indexes),
                loaded.cache()::identity,
                state,
                renderAll,
                date);
        loaded.timings().mark("output folder");
        renderer.render(site, loaded.sources().staticFiles(), writer.output(), loaded.timings());
        // What the next build reads first is kept while this one is published: it is tied to the
        // manifest's stamp, which moving the manifest in does not change.
        String manifest = writer.manifestStamp();
        CompletableFuture<Void> kept =
            CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> renderer.saveState(manifest), pool),
                CompletableFuture.runAsync(() -> writer.keepIndex(manifest), pool));
        try {
          changed = writer.commit();
        } finally {
          kept.exceptionally(e -> null).join(); // nothing is left half-written in the cache
        }
        BuildTasks.join(kept);
        BuildTasks.join(loaded.saved());
        loaded.timings().mark("publish");
        awardsRendered = renderer.awardsRendered();
        cacheFailure =
            loaded
                .cache()
                .writeFailure()
                .or(writer::indexFailure)
                .or(renderer::cacheFailure)
                .or(rasterizer::cacheFailure);
      } catch (IOException e) {
        BuildTasks.settle(pool);
        writer.abandon();
        throw new BadgesmithException("cannot write the site: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        BuildTasks.settle(pool);
        writer.abandon();
        throw e;
      }
      warnOfCache(loaded, cacheFailure);
      Optional<LockChanges> changes = loaded.changes();
      if (updateLock && loaded.lock().isPresent()) {
        changes = Optional.of(SiteLoad.writeLock(loaded));
      }
      return new Report(
          loaded.diagnostics().sorted(),
          Optional.of(outDir),
          writer.output().fileCount(),
          changed,
          awardsRendered,
          changes,
          loaded.timings().stages());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The date the pages are built for: the one given, else {@value BuildDate#SOURCE_DATE_EPOCH},
   * else the current time, read once here so the whole build agrees.
   */
  Instant buildDate() {
    return buildDate
        .or(() -> BuildDate.fromEnvironment(environment))
        .orElseGet(() -> Clock.systemUTC().instant());
  }

  /** What renders designs, for the load's check of them and then the build: one per run. */
  private SvgRasterizer rasterizer() {
    return new SvgRasterizer(cacheDirectory.map(d -> d.resolve("images")));
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
            SourcePosition.startOf(cacheFolder.map(Path::toString).orElse(".")),
            "the cache could not be written, so the next run will redo work this one did: "
                + failure)
        .withHint("make the cache folder writable, or give another with --cache");
  }

  /** The load stage as this generator is configured, with {@code date} as now. */
  private SiteLoad loading(Instant date) {
    return new SiteLoad(cacheDirectory, environment, date, lockBase, previewOrigin, renderAll);
  }

  /**
   * Starts a local preview of a site ({@link Preview}), built with its base URL moved to the
   * preview's origin.
   *
   * @throws BadgesmithException when there is no site folder, the port is taken, or the first build
   *     meets a setup problem; content errors do not stop it
   */
  public Preview serve(Path siteDir, PreviewSettings preview) {
    return Preview.start(siteDir, preview, origin -> settings.copy().previewOrigin(origin).build());
  }

  /**
   * Verifies a badge: a baked PNG or SVG, a hosted assertion or credential (a file or an http(s)
   * URL), resolving what it names from a built site folder, when given, or over the network.
   *
   * @param recipient an identity the badge must have been awarded to
   */
  public Verification verify(
      String input, Optional<String> recipient, Optional<Path> builtSite, Network network) {
    return Tools.verify(input, recipient, builtSite, network);
  }

  /** What a baked PNG or SVG carries: Open Badges 2.0 assertions and 3.0 credentials. */
  public Extraction extract(Path image) {
    return Tools.extract(image);
  }

  /**
   * Makes a signing key pair for a site: the public key into its keys folder, the private key into
   * {@code privateKeyFile} (outside the site), or back to the caller when none is given; {@code
   * algorithm} is RS256, ES256 or Ed25519.
   */
  public GeneratedKey keygen(
      Path siteDir, String id, String algorithm, Optional<Path> privateKeyFile) {
    return Tools.keygen(siteDir, id, algorithm, privateKeyFile);
  }

  /**
   * Checks the site deployed at {@code siteUrl} as verifiers meet it over HTTP: every file its
   * manifest lists, their bytes, media types, CORS headers and ids.
   *
   * @param maxFiles check at most this many of the listed files, spread over the list
   * @throws BadgesmithException when the URL is not a site's address or its host is out of reach
   */
  public DoctorResult doctor(String siteUrl, Network network, OptionalInt maxFiles) {
    return Tools.doctor(siteUrl, network, maxFiles);
  }

  /** Settings of a generator; every one has a default. */
  public static final class Builder {
    private Map<String, String> environment = Map.of();
    private int threads = Runtime.getRuntime().availableProcessors();
    private Optional<Path> cacheDirectory = Optional.empty();
    private Optional<Path> keysDirectory = Optional.empty();
    private boolean renderAll;
    private Optional<URI> previewOrigin = Optional.empty();
    private boolean updateLock;
    private Optional<Instant> buildDate = Optional.empty();
    private Optional<String> lockBase = Optional.empty();

    private Builder() {}

    /**
     * Also holds the site to {@code published.lock} as committed at this Git ref (such as {@code
     * origin/main}, the base of a pull request), read with the {@code git} command: every line
     * there must still be in the site's lock, unchanged but for its revoked mark. A lock missing at
     * the ref means nothing was published yet. Without it, the site is held to its own lock only.
     */
    public Builder lockBase(String ref) {
      this.lockBase = Optional.of(Objects.requireNonNull(ref, "ref"));
      return this;
    }

    /**
     * Renders every award, even those whose inputs did not change since the last build into the
     * same output folder (which a build with a cache otherwise keeps as published); off by default.
     * Files changed by hand in the output folder are then written anew.
     */
    public Builder renderAll(boolean renderAll) {
      this.renderAll = renderAll;
      return this;
    }

    /**
     * Publishes the site at this origin ({@code http://127.0.0.1:1313}) in place of the scheme,
     * host and port of {@code site.yaml}'s {@code baseUrl}, keeping its path, so that every link
     * and id of a local preview stays on the machine. Never for a site to deploy: its documents
     * then name the preview's URLs.
     */
    public Builder previewOrigin(URI origin) {
      Objects.requireNonNull(origin, "origin");
      if (origin.getScheme() == null
          || origin.getRawAuthority() == null
          || !(origin.getRawPath() == null || origin.getRawPath().isEmpty())) {
        throw new IllegalArgumentException("not an origin (scheme://host:port): " + origin);
      }
      this.previewOrigin = Optional.of(origin);
      return this;
    }

    /**
     * Whether a build that succeeds also writes the site's {@code published.lock}, as {@link
     * Badgesmith#lock} does; off by default, so a build writes only into its output folder.
     */
    public Builder updateLock(boolean updateLock) {
      this.updateLock = updateLock;
      return this;
    }

    /**
     * The date the build takes as now: award pages whose expiry is before it say the award has
     * expired. Without it, {@value BuildDate#SOURCE_DATE_EPOCH} from the {@link #environment(Map)},
     * else the current time. The JSON documents do not depend on it.
     */
    public Builder buildDate(Instant buildDate) {
      this.buildDate = Optional.of(Objects.requireNonNull(buildDate, "buildDate"));
      return this;
    }

    /**
     * A folder outside the site holding private keys as {@code <key-id>.pem}; the environment
     * variable {@code BADGESMITH_KEY_<ID>} is read first.
     */
    public Builder keysDirectory(Path keysDirectory) {
      this.keysDirectory = Optional.of(keysDirectory);
      return this;
    }

    /**
     * Where work that outlives a build is kept (PNGs rendered from SVG designs), so the next build
     * skips it; none by default.
     */
    public Builder cacheDirectory(Path cacheDirectory) {
      this.cacheDirectory = Optional.of(cacheDirectory);
      return this;
    }

    /** Where secrets such as {@value #SALT_SECRET_VARIABLE} are read from; empty by default. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** How many awards are rendered at once; the number of processors by default. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    public Badgesmith build() {
      return new Badgesmith(this);
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.environment = environment;
      copy.threads = threads;
      copy.cacheDirectory = cacheDirectory;
      copy.keysDirectory = keysDirectory;
      copy.renderAll = renderAll;
      copy.previewOrigin = previewOrigin;
      copy.updateLock = updateLock;
      copy.buildDate = buildDate;
      copy.lockBase = lockBase;
      return copy;
    }
  }
}
