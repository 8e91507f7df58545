package dev.badgesmith.maven;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the badge site, then writes its {@code published.lock}: a line for each new award, every
 * existing line kept with its status index. Run on demand ({@code mvn badgesmith:lock}), and commit
 * the file with the awards it lists. Nothing is written when the site has errors.
 */
@Mojo(name = "lock", requiresProject = true, threadSafe = true)
public class LockMojo extends AbstractBadgesmithMojo {

  @Override
  Report run(Badgesmith badgesmith, Path site) {
    return badgesmith.lock(site);
  }

  @Override
  String success(Report report) {
    return "Locked badge site " + siteDirectory + ": " + lockWritten(report);
  }
}
