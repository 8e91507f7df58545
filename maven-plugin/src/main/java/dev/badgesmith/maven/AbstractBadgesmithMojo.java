package dev.badgesmith.maven;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.lock.AwardChange;
import dev.badgesmith.lock.PublishedLock;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * What the one-shot goals share: parameters in, a {@link Report} or a {@link BadgesmithException}
 * out. All the work is the generator's; a goal only says which of its facade's methods to call.
 */
abstract class AbstractBadgesmithMojo extends SiteMojo {

  @Override
  final void executeGoal() throws MojoExecutionException, MojoFailureException {
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

  /** Calls the facade. */
  abstract Report run(Badgesmith badgesmith, Path site);

  /** The line logged when the site had no errors. */
  abstract String success(Report report);

  /** The generator, configured from the parameters and this process's environment. */
  Badgesmith generator() throws MojoExecutionException {
    return generatorSettings().build();
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
}
