package dev.badgesmith.cli;

import dev.badgesmith.Report;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code badgesmith design}: the site checked, then its designs written as SVG and PNG previews.
 */
@Command(
    name = "design",
    mixinStandardHelpOptions = true,
    description =
        "Check the site, then write each badge class's design (or BADGE's) as SVG and PNG, as the"
            + " build publishes it. Exits 1 when the site has errors.")
final class Design extends SiteCommand {
  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "BADGE",
      description = "The id of one badge class (default: every badge class).")
  String badge;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "The folder to write the previews to; files of the same names are replaced.")
  Path out;

  @Override
  public Integer call() {
    Report report = generator().build().design(site, Optional.ofNullable(badge), out);
    int code = report(report);
    if (code == Main.OK) {
      spec.commandLine()
          .getOut()
          .println("Wrote " + report.filesWritten() + " design previews to " + out);
    }
    return code;
  }
}
