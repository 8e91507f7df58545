package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.BuildDate;
import dev.badgesmith.Report;
import dev.badgesmith.Shard;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code badgesmith build}: the site into its output folder, replaced only when all is well. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description =
        "Check the site and write it to the output folder; nothing is written when it has errors.")
final class Build extends SiteCommand {
  @Mixin GeneratorOptions generatorOptions;

  @Option(
      names = "--render-all",
      description =
          "Read and render every award, even those unchanged since the last build into this"
              + " folder (which are otherwise kept as published).")
  boolean renderAll;

  @Option(
      names = "--timings",
      description = "Print how long each stage of the build took, and the whole process.")
  boolean timings;

  @Option(
      names = "--date",
      paramLabel = "DATE",
      description =
          "The date the pages take as now, to tell expired awards: YYYY-MM-DD or an ISO"
              + " date-time (default: SOURCE_DATE_EPOCH, else the current time).")
  String date;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description =
          "The output folder (default: SITE/public). It is replaced only by a build that succeeds.")
  Path out;

  @Option(
      names = "--update-lock",
      description =
          "Also write SITE/published.lock when the build succeeds, as `badgesmith lock` does.")
  boolean updateLock;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      converter = ShardConverter.class,
      description =
          "Build only shard K of N: the awards of the badge classes that fall to it, for"
              + " `badgesmith merge` to put together with the other shards' outputs.")
  Shard shard;

  @Override
  int renderedShare() {
    if (shard != null) {
      return shard.count();
    }
    // A folder nothing was published into keeps no award.
    return renderAll || !Files.isRegularFile(target().resolve("manifest.json")) ? 1 : 0;
  }

  /** The output folder: {@code --out}, else {@code SITE/public}. */
  private Path target() {
    return out != null ? out : site.resolve("public");
  }

  @Override
  public Integer call() {
    Path target = target();
    long start = System.nanoTime();
    Badgesmith.Builder builder =
        generatorOptions
            .applyTo(generator(), site, spec.commandLine().getErr())
            .renderAll(renderAll)
            .updateLock(updateLock);
    if (date != null) {
      builder.buildDate(BuildDate.parse(date));
    }
    Report report =
        shard == null
            ? builder.build().build(site, target)
            : builder.build().build(site, target, shard);
    int code = report(report);
    if (code == Main.OK) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      spec.commandLine().getOut().println(report.built(target) + " in " + millis + " ms");
      if (shard != null) {
        spec.commandLine()
            .getOut()
            .println("Shard " + shard + ": merge it with `badgesmith merge` and the other shards");
      } else if (updateLock) {
        lockWritten(report);
      } else {
        newAwards(report);
      }
    }
    if (timings) {
      printTimings(report);
    }
    return code;
  }
}
