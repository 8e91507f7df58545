package dev.badgesmith;

import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.load.SiteLoader;
import dev.badgesmith.model.Site;
import dev.badgesmith.render.SiteRenderer;
import dev.badgesmith.source.SiteScanner;
import dev.badgesmith.source.SiteSources;
import dev.badgesmith.validate.SiteValidator;
import dev.badgesmith.write.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
  private final Optional<Path> cacheDirectory;

  private Badgesmith(Builder builder) {
    this.environment = Map.copyOf(builder.environment);
    this.threads = builder.threads;
    this.cacheDirectory = builder.cacheDirectory;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Loads and validates a site; writes nothing. */
  public Report check(Path siteDir) {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      Loaded loaded = load(siteDir, pool);
      return new Report(loaded.diagnostics().sorted(), Optional.empty(), 0);
    } finally {
      pool.shutdown();
    }
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
      Loaded loaded = load(siteDir, pool);
      if (loaded.site().isEmpty()) {
        return new Report(loaded.diagnostics().sorted(), Optional.empty(), 0);
      }
      checkOutput(loaded.sources().root(), outDir);
      SiteWriter writer = SiteWriter.open(outDir);
      try {
        new SiteRenderer(loaded.sources().root(), cacheDirectory, pool)
            .render(loaded.site().get(), loaded.sources().staticFiles(), writer.output());
        writer.commit();
      } catch (IOException e) {
        writer.abandon();
        throw new BadgesmithException("cannot write the site: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        writer.abandon();
        throw e;
      }
      return new Report(
          loaded.diagnostics().sorted(), Optional.of(outDir), writer.output().files().size());
    } finally {
      pool.shutdown();
    }
  }

  private record Loaded(SiteSources sources, Optional<Site> site, Diagnostics diagnostics) {}

  private Loaded load(Path siteDir, ForkJoinPool pool) {
    if (!Files.isDirectory(siteDir)) {
      throw new BadgesmithException("no site folder at " + siteDir);
    }
    Diagnostics diagnostics = new Diagnostics();
    SiteSources sources = SiteScanner.scan(siteDir, diagnostics);
    SiteDoc doc = new SiteLoader(pool).load(sources, diagnostics);
    Optional<String> secret = Optional.ofNullable(environment.get(SALT_SECRET_VARIABLE));
    Optional<Site> site = new SiteValidator(secret).validate(sources, doc, diagnostics);
    return new Loaded(sources, site, diagnostics);
  }

  /** The output may sit inside the site folder (as public/ does), but never over its sources. */
  private static void checkOutput(Path siteRoot, Path outDir) {
    Path out = outDir.toAbsolutePath().normalize();
    if (siteRoot.startsWith(out)) {
      throw new BadgesmithException(
          "the output folder " + outDir + " contains the site; choose another folder");
    }
    for (String source : List.of("issuers", "badges", "awards", "static", "templates")) {
      if (out.startsWith(siteRoot.resolve(source))) {
        throw new BadgesmithException(
            "the output folder "
                + outDir
                + " is inside the site's "
                + source
                + "/ folder; choose another folder");
      }
    }
  }

  Map<String, String> environment() {
    return environment;
  }

  int threads() {
    return threads;
  }

  /** Settings of a generator; every one has a default. */
  public static final class Builder {
    private Map<String, String> environment = Map.of();
    private int threads = Runtime.getRuntime().availableProcessors();
    private Optional<Path> cacheDirectory = Optional.empty();

    private Builder() {}

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
  }
}
