package dev.badgesmith;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.model.Site;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

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
  private final Optional<Instant> buildDate;

  /** The stages of check, lock and build. */
  private final Pipeline pipeline;

  private final Builder settings; // for a preview's generator, which adds its origin

  private Badgesmith(Builder builder) {
    this.settings = builder.copy();
    this.environment = Map.copyOf(builder.environment);
    this.buildDate = builder.buildDate;
    this.pipeline =
        new Pipeline(
            new Pipeline.Settings(
                environment,
                builder.threads,
                builder.cacheDirectory,
                builder.keysDirectory,
                builder.renderAll,
                builder.previewOrigin,
                builder.updateLock,
                this::buildDate,
                builder.lockBase));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads and validates a site, and holds it to its {@code published.lock}; writes nothing. The
   * report lists what the site adds, revokes or alters relative to the lock.
   */
  public Report check(Path siteDir) {
    return pipeline.check(siteDir);
  }

  /**
   * Checks a site, then writes its {@code published.lock}: every line kept with its status index,
   * revocations marked, and a line for each new award. Nothing is written when the site has errors,
   * such as a locked award that changed or disappeared.
   */
  public Report lock(Path siteDir) {
    return pipeline.lock(siteDir);
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
   * The earners who could be awarded a stack badge now: they hold live awards (neither revoked nor
   * expired at the build date) of everything it requires, and do not hold it. The site is checked
   * first, as {@link #check} does: with an error, nobody is listed and the result's check says why.
   * Awards to one earner are matched however each spells the identity; with {@value
   * #SALT_SECRET_VARIABLE} set, by keyed earner keys (see {@code dev.badgesmith.pathway}).
   *
   * @param badge only this stack badge; every one when empty
   * @throws BadgesmithException when the site folder is missing, or {@code badge} names no badge
   *     class or one that requires none
   */
  public EligibleResult eligible(Path siteDir, Optional<String> badge) {
    return new Eligibilities(pipeline, siteSecret(), buildDate()).find(siteDir, badge);
  }

  /**
   * Writes an award of {@code badge} for each earner eligible for it ({@link #eligible}) whose
   * identity an award file holds in plain, with evidence linking the awards that qualify, and
   * checks them with the site: all of them, or none. Earners held hashed only are skipped.
   *
   * @param issuedOn the new awards' issue date
   */
  public EligibleAwardResult awardEligible(
      Path siteDir, String badge, LocalDate issuedOn, SecureRandom random) {
    EligibleResult found = eligible(siteDir, Optional.of(badge));
    if (found.check().hasErrors()) {
      return new EligibleAwardResult(found, new AwardResult(List.of(), List.of()), List.of());
    }
    return new Awarding(this).eligible(siteDir, found, issuedOn, random);
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
    return pipeline.build(siteDir, outDir);
  }

  /** A build for a preview, which shows the site it published beside it (its designs). */
  Report build(Path siteDir, Path outDir, Consumer<Site> published) {
    return pipeline.build(siteDir, outDir, settings.updateLock, published);
  }

  /**
   * Builds one shard of a site into {@code outDir}: the awards of the badge classes that fall to
   * it, every site-wide file, and the record {@link #merge} reads. The site is checked whole, as
   * {@link #build} checks it; the lock is never written.
   *
   * @throws BadgesmithException as {@link #build} does
   */
  public Report build(Path siteDir, Path outDir, Shard shard) {
    return pipeline.buildShard(siteDir, outDir, shard);
  }

  /**
   * Puts the outputs of every shard's build together into {@code outDir}: each award's files as its
   * shard rendered them, and the site-wide files (indexes, status lists, feed, verify data,
   * manifest) written for the whole site. The result is byte for byte the site one {@link #build}
   * gives. The site is checked as a build checks it.
   *
   * @throws BadgesmithException as {@link #build} does, and when a shard is missing, given twice,
   *     or was built from other sources
   */
  public Report merge(Path siteDir, List<Path> shardDirs, Path outDir) {
    return pipeline.merge(siteDir, shardDirs, outDir);
  }

  /**
   * Writes one xAPI statement per award of a site, and one voiding the statement of each revoked
   * award, following the xAPI Open Badges profile; sends them to a learning record store when one
   * is given. The site is checked first, as {@link #check} does: with an error, nothing is written
   * and the result's check says why. The baked badges the statements attach are read from {@code
   * options}' built site folder, else from a build of the site into a temporary folder.
   *
   * @throws BadgesmithException when the site folder is missing, a baked badge is missing from the
   *     built site, the file cannot be written, or the store cannot be reached or refuses the
   *     statements (those of earlier batches stay sent)
   */
  public XapiResult xapi(Path siteDir, XapiOptions options) {
    return new XapiExports(pipeline).export(siteDir, options);
  }

  /**
   * Writes the learner record (a signed CLR 2.0 ClrCredential) of any recipient, e-mail included,
   * to a file outside the site, for the maintainer to send to them: their awards' credentials as
   * the site publishes them (revoked ones left out) and the associations of the pathways they are
   * on. Nothing is written into the site or a built site.
   *
   * @throws BadgesmithException when the site folder is missing, the site does not sign its
   *     credentials, no award names the recipient, or {@code out} is inside the site or a built
   *     site
   */
  public TranscriptResult transcript(Path siteDir, TranscriptRequest request) {
    return new Transcripts(pipeline, siteSecret()).write(siteDir, request);
  }

  /** The site secret ({@value #SALT_SECRET_VARIABLE}), when set. */
  Optional<String> siteSecret() {
    return Optional.ofNullable(environment.get(SALT_SECRET_VARIABLE)).filter(s -> !s.isEmpty());
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

  /**
   * Checks a site, then writes the design of each badge class, or of the one named, to {@code
   * outDir} as the build publishes it: an SVG design as {@code <badge-id>.svg} with the PNG drawn
   * from it ({@code <badge-id>.png}), a PNG design as it is. Nothing is written when the site has
   * errors; the report counts the files written.
   *
   * @throws BadgesmithException when there is no site folder, or {@code badge} names no badge class
   *     of the site
   */
  public Report design(Path siteDir, Optional<String> badge, Path outDir) {
    return pipeline.designs(siteDir, badge, outDir);
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
     * else the current time. The Open Badges documents do not depend on it; {@code
     * skills/index.json} counts the awards live as of it.
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
