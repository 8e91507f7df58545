package dev.badgesmith.maven;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.BadgesmithException;
import dev.badgesmith.Report;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.lock.AwardChange;
import dev.badgesmith.lock.PublishedLock;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals share: parameters in, a {@link Report} or a {@link BadgesmithException} out. All
 * the work is the generator's; a goal only says which of its facade's methods to call.
 */
abstract class AbstractBadgesmithMojo extends AbstractMojo {

  /** The badge site: the folder that holds {@code site.yaml}. */
  @Parameter(
      property = "badgesmith.siteDirectory",
      defaultValue = "${project.basedir}",
      required = true)
  File siteDirectory;

  /** Where PNGs rendered from SVG designs are kept between builds. */
  @Parameter(
      property = "badgesmith.cacheDirectory",
      defaultValue = "${project.build.directory}/badgesmith-cache",
      required = true)
  File cacheDirectory;

  /** Skips the goal, for example to build a project quickly without its badge site. */
  @Parameter(property = "badgesmith.skip", defaultValue = "false")
  boolean skip;

  /** How many awards are rendered at once; the number of processors when not set. */
  @Parameter(property = "badgesmith.threads")
  Integer threads;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Badgesmith (badgesmith.skip)");
      return;
    }
    Report report;
    try {
      report = run(generator(), siteDirectory.toPath());
    } catch (BadgesmithException e) {
      // A setup problem (no site folder, an output folder we must not replace): the message says
      // it all, and Maven shows the cause only with -e.
      throw new MojoExecutionException(e.getMessage(), e);
    }
    report(report);
  }

  /** Adds a goal's own parameters to the generator's; the check needs none. */
  Badgesmith.Builder configure(Badgesmith.Builder builder) {
    return builder;
  }

  /** Calls the facade. */
  abstract Report run(Badgesmith badgesmith, Path site);

  /** The line logged when the site had no errors. */
  abstract String success(Report report);

  /** The generator, configured from the parameters and this process's environment. */
  Badgesmith generator() throws MojoExecutionException {
    Badgesmith.Builder builder =
        Badgesmith.builder().environment(System.getenv()).cacheDirectory(cacheDirectory.toPath());
    if (threads != null) {
      try {
        builder.threads(threads);
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException("Invalid parameter 'threads': " + e.getMessage(), e);
      }
    }
    return configure(builder).build();
  }

  /**
   * Logs every diagnostic exactly as the CLI prints it, one log line per text line so each keeps
   * Maven's severity prefix, then fails the build if any was an error.
   */
  void report(Report report) throws MojoFailureException {
    Log log = getLog();
    for (Diagnostic diagnostic : report.diagnostics()) {
      for (String line : diagnostic.format().split("\n", -1)) {
        if (diagnostic.isError()) {
          log.error(line);
        } else {
          log.warn(line);
        }
      }
    }
    String counts =
        count(report.errorCount(), "error") + ", " + count(report.warningCount(), "warning");
    if (report.hasErrors()) {
      log.error(counts);
      // The diagnostics above are the explanation; the exception only names the outcome.
      throw new MojoFailureException("badge site has " + count(report.errorCount(), "error"));
    }
    if (!report.diagnostics().isEmpty()) {
      log.warn(counts);
    }
    log.info(success(report));
  }

  /** Names the awards the site's lock does not list yet, after a sentence; or nothing. */
  static String newAwards(Report report) {
    return report
        .lock()
        .filter(l -> l.lockFound() && !l.added().isEmpty() && !l.written())
        .map(
            l ->
                "; "
                    + count(l.added().size(), "new award")
                    + " not in "
                    + PublishedLock.FILE
                    + " yet ("
                    + String.join(", ", l.added().stream().map(AwardChange::award).toList())
                    + "): run the lock goal to add them")
        .orElse("");
  }

  /** What writing the lock did. */
  static String lockWritten(Report report) {
    return report
        .lock()
        .map(
            l ->
                l.written()
                    ? "wrote "
                        + PublishedLock.FILE
                        + ": "
                        + count(l.added().size(), "award")
                        + " added, "
                        + count(l.revoked().size() + l.reinstated().size(), "revocation")
                        + " marked"
                    : PublishedLock.FILE + " is up to date")
        .orElse(PublishedLock.FILE + " not written");
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
