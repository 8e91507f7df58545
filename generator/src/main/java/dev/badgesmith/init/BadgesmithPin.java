package dev.badgesmith.init;

import dev.badgesmith.diag.BadgesmithException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The Badgesmith a new site's workflows run: the ref of the Badgesmith GitHub Action they use
 * ({@code badgesmith/badgesmith@<ref>}), which also names the release the action runs, or, for a
 * commit, the source it builds.
 *
 * @param ref {@code v1.2.3}, or a 40-hex-digit commit
 * @param description what the workflows' comments and the README call it
 */
public record BadgesmithPin(String ref, String description) {
  /** Semantic Versioning 2.0.0, as semver.org gives it. */
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(-((0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(\\+([0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*))?");

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

  public BadgesmithPin {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(description, "description");
  }

  /**
   * A release, {@code 1.2.3} (or {@code v1.2.3}).
   *
   * @throws BadgesmithException for a version that is not semantic, or a snapshot, which is never
   *     released
   */
  public static BadgesmithPin release(String version) {
    String v = version.strip();
    if (v.startsWith("v")) {
      v = v.substring(1);
    }
    if (!SEMVER.matcher(v).matches()) {
      throw new BadgesmithException(
          "--badgesmith-version '"
              + version
              + "' is not a release version: give MAJOR.MINOR.PATCH, such as 1.2.3");
    }
    if (v.toUpperCase(Locale.ROOT).contains("SNAPSHOT")) {
      throw new BadgesmithException(
          "--badgesmith-version "
              + version
              + " is a development version, which is never released: give a released version,"
              + " such as 1.2.3");
    }
    return new BadgesmithPin("v" + v, v);
  }

  /** The source at one commit, which the action builds. */
  public static BadgesmithPin commit(String sha) {
    if (!COMMIT.matcher(sha).matches()) {
      throw new IllegalArgumentException("not a full commit id: " + sha);
    }
    return new BadgesmithPin(sha, "built from commit " + sha.substring(0, 12));
  }

  /**
   * The Badgesmith that runs now: its release, or for a development build the commit it was built
   * from, as its build recorded them in {@code badgesmith/version.properties} and {@code
   * badgesmith/commit}.
   *
   * @throws BadgesmithException for a development build that recorded no commit
   */
  public static BadgesmithPin running() {
    Properties build = new Properties();
    String commit = "";
    try (InputStream version =
            BadgesmithPin.class.getResourceAsStream("/badgesmith/version.properties");
        InputStream head = BadgesmithPin.class.getResourceAsStream("/badgesmith/commit")) {
      if (version != null) {
        build.load(version);
      }
      if (head != null) {
        // At most a line: a commit id, or what git said outside a repository.
        commit = new String(head.readNBytes(200), StandardCharsets.US_ASCII).strip();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return of(build.getProperty("version", ""), commit);
  }

  /** What {@link #running()} decides for a build's version and commit (either may be unknown). */
  static BadgesmithPin of(String version, String commit) {
    if (SEMVER.matcher(version).matches()
        && !version.toUpperCase(Locale.ROOT).contains("SNAPSHOT")) {
      return release(version);
    }
    // A snapshot is never downloadable; the commit it was built from can be built again.
    if (COMMIT.matcher(commit).matches()) {
      return commit(commit);
    }
    throw new BadgesmithException(
        "this Badgesmith is a development build"
            + (version.isBlank() || version.contains("${") ? "" : " (" + version + ")")
            + " that recorded no commit, so the new site's workflows cannot run it: give the"
            + " release they should use with --badgesmith-version, such as 1.2.3");
  }
}
