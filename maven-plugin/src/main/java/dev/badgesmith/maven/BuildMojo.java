package dev.badgesmith.maven;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.BuildDate;
import dev.badgesmith.Report;
import dev.badgesmith.diag.BadgesmithException;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the badge site: Open Badges JSON, baked images and pages. The output folder is replaced
 * only when the whole build succeeded.
 */
@Mojo(
    name = "build",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresProject = true,
    threadSafe = true)
public class BuildMojo extends AbstractBadgesmithMojo {

  /** Where the published site is written. */
  @Parameter(
      property = "badgesmith.outputDirectory",
      defaultValue = "${project.build.directory}/site",
      required = true)
  File outputDirectory;

  /**
   * A folder outside the site with private signing keys as {@code <key-id>.pem}; the environment
   * variable {@code BADGESMITH_KEY_<ID>} is read first.
   */
  @Parameter(property = "badgesmith.keysDirectory")
  File keysDirectory;

  /**
   * Ignored, with a warning: the JSON-LD contexts ship inside Badgesmith. Kept so that earlier
   * projects still build.
   */
  @Parameter(property = "badgesmith.contextsDirectory")
  File contextsDirectory;

  /**
   * Also writes the site's {@code published.lock} when the build succeeds, as the {@code lock} goal
   * does: a line for each new award, every existing line kept with its status index.
   */
  @Parameter(property = "badgesmith.updateLock", defaultValue = "false")
  boolean updateLock;

  /**
   * The date the pages take as now, to tell expired awards: {@code YYYY-MM-DD} or an ISO date-time.
   * By default {@code SOURCE_DATE_EPOCH}, else the current time.
   */
  @Parameter(property = "badgesmith.buildDate")
  String buildDate;

  @Override
  Badgesmith.Builder configure(Badgesmith.Builder builder) {
    if (buildDate != null && !buildDate.isBlank()) {
      try {
        builder.buildDate(BuildDate.parse(buildDate));
      } catch (BadgesmithException e) {
        throw new BadgesmithException("Invalid parameter 'buildDate': " + e.getMessage(), e);
      }
    }
    if (keysDirectory != null) {
      builder.keysDirectory(keysDirectory.toPath());
    }
    if (contextsDirectory != null) {
      getLog()
          .warn(
              "contextsDirectory is ignored: the JSON-LD contexts ship inside Badgesmith, fixed,"
                  + " and are never read from elsewhere");
    }
    return builder.updateLock(updateLock);
  }

  @Override
  Report run(Badgesmith badgesmith, Path site) {
    return badgesmith.build(site, outputDirectory.toPath());
  }

  @Override
  String success(Report report) {
    return report.built(outputDirectory.toPath())
        + (updateLock ? "; " + lockWritten(report) : newAwards(report));
  }
}
