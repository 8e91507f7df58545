package dev.badgesmith.maven;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Loads and validates the badge site and writes nothing: the check to run on a pull request. */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VALIDATE,
    requiresProject = true,
    threadSafe = true)
public class CheckMojo extends AbstractBadgesmithMojo {

  /**
   * A Git ref, such as {@code origin/main}: the site's {@code published.lock} must also keep every
   * line of the lock as committed there (a pull request held to its base branch). Not set: the site
   * is held to its own lock only.
   */
  @Parameter(property = "badgesmith.base")
  String base;

  @Override
  Badgesmith.Builder configure(Badgesmith.Builder builder) {
    if (base != null && !base.isBlank()) {
      builder.lockBase(base);
    }
    return builder;
  }

  @Override
  Report run(Badgesmith badgesmith, Path site) {
    return badgesmith.check(site);
  }

  @Override
  String success(Report report) {
    return "Checked badge site " + siteDirectory + ": no errors" + newAwards(report);
  }
}
