package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.EligibleResult;
import dev.badgesmith.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code badgesmith check}: the site loaded, validated and held to its lock; nothing written. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Load and validate the site; write nothing but the cache. Exits 1 when the site has"
            + " errors.")
final class Check extends SiteCommand {
  @Option(
      names = "--base",
      paramLabel = "REF",
      description =
          "Also hold the site to published.lock as committed at this Git ref, such as"
              + " origin/main for a pull request: every line there must stay, unchanged but for"
              + " its revoked mark.")
  String base;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "The build's cache, whose award entries spare reading unchanged award files again"
              + " (default: SITE/.badgesmith/cache).")
  Path cache;

  @Override
  public Integer call() {
    Badgesmith.Builder builder =
        generator().cacheDirectory(cache != null ? cache : site.resolve(".badgesmith/cache"));
    if (base != null) {
      builder.lockBase(base);
    }
    // One run checks the site and finds who may be awarded a stack badge now: the check reads every
    // award file either way, and only the files hold what eligibility matches earners by.
    EligibleResult checked = builder.build().eligible(site, Optional.empty());
    Report report = checked.check();
    int code = report(report);
    String eligibleMarkdown = "";
    if (code == Main.OK) {
      spec.commandLine().getOut().println("No errors in " + site);
      newAwards(report);
      // By count only: a CI log names no earner.
      checked.notes(site.toString()).forEach(spec.commandLine().getOut()::println);
      eligibleMarkdown = checked.summaryMarkdown();
    }
    Optional<StepSummary> summary = StepSummary.in(environment);
    if (summary.isPresent()) {
      try {
        summary.get().append(site, report, eligibleMarkdown);
      } catch (IOException e) {
        spec.commandLine()
            .getErr()
            .println("badgesmith: cannot write the step summary: " + e.getMessage());
      }
    }
    return code;
  }
}
