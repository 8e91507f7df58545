package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.DoctorResult;
import dev.badgesmith.Report;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code badgesmith doctor}: checks a deployed site over HTTP, one line per problem. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check a deployed site as verifiers meet it: every file its manifest.json lists answers 200"
          + " without a redirect, with the bytes the build wrote, the right Content-Type and, for"
          + " badge documents, Access-Control-Allow-Origin; every document at its own id; the DID"
          + " document where did:web resolution looks for it; https.",
      "Exits 0 when nothing is wrong, 1 when something is, 2 when the site cannot be reached."
    })
final class Doctor implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URL", description = "The site's address, its baseUrl.")
  String url;

  @CommandLine.Mixin NetworkOptions network;

  @Option(
      names = "--max-files",
      paramLabel = "N",
      description =
          "Check at most N of the files the manifest lists, spread evenly over it (default: all).")
  Integer maxFiles;

  @Override
  public Integer call() {
    DoctorResult report =
        Badgesmith.builder()
            .build()
            .doctor(
                url,
                network.network(),
                maxFiles == null ? OptionalInt.empty() : OptionalInt.of(maxFiles));
    PrintWriter out = spec.commandLine().getOut();
    for (String finding : report.findings()) {
      out.println(Main.printableLine(finding));
    }
    String checked =
        report.checked()
            + " URLs checked ("
            + report.listed()
            + " files listed) at "
            + report.siteUrl();
    if (report.hasProblems()) {
      out.println(
          Report.count(report.problemCount(), "problem")
              + ", "
              + Report.count(report.warningCount(), "warning")
              + ": "
              + checked);
      return Main.CONTENT_ERRORS;
    }
    out.println(
        "No problems"
            + (report.warningCount() > 0
                ? " (" + Report.count(report.warningCount(), "warning") + ")"
                : "")
            + ": "
            + checked);
    return Main.OK;
  }
}
