package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.BuildDate;
import dev.badgesmith.Report;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code badgesmith merge}: the shards' outputs put together into the whole site. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description =
        "Check the site, then put together the outputs of every `build --shard K/N` into the"
            + " site one build gives: each award as its shard rendered it, the site-wide files"
            + " written anew. Exits 1 when the site has errors.")
final class Merge extends SiteCommand {
  @Mixin GeneratorOptions generatorOptions;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "SHARD_DIR",
      description = "The output folder of each shard's build, every shard once.")
  List<Path> shards;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description =
          "The output folder (default: SITE/public). It is replaced only by a merge that succeeds.")
  Path out;

  @Option(
      names = "--date",
      paramLabel = "DATE",
      description =
          "The date the pages take as now, as the shards' builds took it: YYYY-MM-DD or an ISO"
              + " date-time (default: SOURCE_DATE_EPOCH, else the current time).")
  String date;

  @Option(
      names = "--timings",
      description = "Print how long each stage of the merge took, and the whole process.")
  boolean timings;

  @Override
  int renderedShare() {
    return 1; // every award, copied from its shard
  }

  @Override
  public Integer call() {
    Path target = out != null ? out : site.resolve("public");
    long start = System.nanoTime();
    Badgesmith.Builder builder =
        generatorOptions.applyTo(generator(), site, spec.commandLine().getErr());
    if (date != null) {
      builder.buildDate(BuildDate.parse(date));
    }
    Report report = builder.build().merge(site, shards, target);
    int code = report(report);
    if (code == Main.OK) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      spec.commandLine().getOut().println(report.built(target) + " in " + millis + " ms");
    }
    if (timings) {
      printTimings(report);
    }
    return code;
  }
}
