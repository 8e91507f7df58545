package dev.badgesmith.maven;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Loads and validates the badge site and writes nothing: the check to run on a pull request. */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VALIDATE,
    requiresProject = true,
    threadSafe = true)
public class CheckMojo extends AbstractBadgesmithMojo {

  @Override
  Report run(Badgesmith badgesmith, Path site) {
    return badgesmith.check(site);
  }

  @Override
  String success(Report report) {
    return "Checked badge site " + siteDirectory + ": no errors" + newAwards(report);
  }
}
