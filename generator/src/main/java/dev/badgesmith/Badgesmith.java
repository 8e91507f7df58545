package dev.badgesmith;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

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

  private Badgesmith(Builder builder) {
    this.environment = Map.copyOf(builder.environment);
    this.threads = builder.threads;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Loads and validates a site; writes nothing. */
  public Report check(Path siteDir) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Builds a site into {@code outDir}. The new site replaces the old one only when the whole build
   * succeeded; with any error, {@code outDir} is left as it was.
   *
   * @throws BadgesmithException when the site folder is missing or {@code outDir} is a folder
   *     Badgesmith did not write
   */
  public Report build(Path siteDir, Path outDir) {
    throw new UnsupportedOperationException("not yet");
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

    private Builder() {}

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
