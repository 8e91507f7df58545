package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.Diagnostic;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What the commands on a site folder share: the folder, the threads, the report's printing. */
abstract class SiteCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      paramLabel = "SITE",
      description = "The badge site folder (default: the current folder).")
  Path site;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "How many awards to render at once (default: the number of processors).")
  Integer threads;

  Map<String, String> environment;

  /**
   * Of how many shards this command renders one whole, every award of it: 1 for the whole site, N
   * for a shard of N; 0 when it renders none or keeps those already published, as a rebuild does.
   */
  int renderedShare() {
    return 0;
  }

  Badgesmith.Builder generator() {
    Badgesmith.Builder builder = Badgesmith.builder().environment(environment);
    if (threads != null) {
      builder.threads(threads);
    }
    return builder;
  }

  /** Prints every diagnostic, then a count; returns the exit code. */
  int report(Report report) {
    PrintWriter err = spec.commandLine().getErr();
    for (Diagnostic d : report.diagnostics()) {
      err.println(d.format());
    }
    // In a GitHub Actions job, each problem also becomes an annotation on its file's line.
    GithubAnnotations.in(environment, site)
        .ifPresent(
            github ->
                report
                    .diagnostics()
                    .forEach(d -> spec.commandLine().getOut().println(github.annotation(d))));
    if (!report.diagnostics().isEmpty()) {
      err.println(report.counts());
    }
    return report.hasErrors() ? Main.CONTENT_ERRORS : Main.OK;
  }

  /** Names the awards a lock does not list yet: what this change adds. */
  void newAwards(Report report) {
    report
        .newAwards()
        .ifPresent(
            text -> spec.commandLine().getOut().println(text + " (`badgesmith lock` adds them)"));
  }

  /** Each stage's time, then the process's own, since the JVM started. */
  void printTimings(Report report) {
    long process = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    report.timings(process).forEach(spec.commandLine().getOut()::println);
  }

  /** Says what writing the lock did. */
  void lockWritten(Report report) {
    report.lockWritten().ifPresent(spec.commandLine().getOut()::println);
  }
}
