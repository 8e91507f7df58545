package dev.badgesmith.maven;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Diagnostic;
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
    String counts = report.counts();
    if (report.hasErrors()) {
      log.error(counts);
      // The diagnostics above are the explanation; the exception only names the outcome.
      throw new MojoFailureException(
          "badge site has " + Report.count(report.errorCount(), "error"));
    }
    if (!report.diagnostics().isEmpty()) {
      log.warn(counts);
    }
    log.info(success(report));
  }

  /** The awards the lock does not list yet, after "; ", or nothing. */
  static String newAwards(Report report) {
    return report
        .newAwards()
        .map(text -> "; " + text + ": run the lock goal to add them")
        .orElse("");
  }

  /** What writing the lock did. */
  static String lockWritten(Report report) {
    return report.lockWritten().orElse(Report.LOCK_FILE + " not written");
  }
}
