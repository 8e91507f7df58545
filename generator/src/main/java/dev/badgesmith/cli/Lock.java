package dev.badgesmith.cli;

import dev.badgesmith.Report;
import picocli.CommandLine.Command;

/** {@code badgesmith lock}: the site checked, then its {@code published.lock} written. */
@Command(
    name = "lock",
    mixinStandardHelpOptions = true,
    description =
        "Check the site, then write SITE/published.lock: a line for each new award, every"
            + " existing line kept with its status index. Exits 1, writing nothing, when the site"
            + " has errors.")
final class Lock extends SiteCommand {
  @Override
  public Integer call() {
    Report report = generator().build().lock(site);
    int code = report(report);
    if (code == Main.OK) {
      lockWritten(report);
    }
    return code;
  }
}
