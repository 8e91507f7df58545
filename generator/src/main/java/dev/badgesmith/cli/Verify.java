package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Verification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code badgesmith verify}: checks one badge as a verifier would, one line per step. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a baked PNG or SVG, a JSON assertion or credential, a JWS or a VC-JWT, step by step"
          + " (format, proof, issuer and key, status, expiry), against a built site folder"
          + " (--site) or the live site.",
      "A learner record (CLR 2.0, clr.json or clr.jwt) is verified itself, then each credential"
          + " it holds, one by one.",
      "Exits 0 only when every step passes."
    })
final class Verify implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|URL", description = "What to verify.")
  String input;

  @Option(
      names = "--site",
      paramLabel = "DIR",
      description =
          "A built site folder: URLs under its baseUrl are read from it, nothing is fetched"
              + " (default: fetch the live URLs).")
  Path site;

  /** Accepted so that earlier scripts still run: the contexts now ship inside Badgesmith. */
  @Option(names = "--contexts", paramLabel = "DIR", hidden = true)
  Path contexts;

  @CommandLine.Mixin NetworkOptions network;

  @Option(
      names = "--recipient",
      paramLabel = "IDENTITY",
      description = "Also check the badge was awarded to this e-mail address, URL, phone or DID.")
  String recipient;

  @Override
  public Integer call() {
    if (contexts != null) {
      spec.commandLine().getErr().println(GeneratorOptions.CONTEXTS_IGNORED);
    }
    Verification report =
        Badgesmith.builder()
            .build()
            .verify(
                input,
                Optional.ofNullable(recipient),
                Optional.ofNullable(site),
                network.network());
    PrintWriter out = spec.commandLine().getOut();
    report.steps().forEach(out::println);
    // A learner record: each credential it holds, and how its own check went.
    for (Verification credential : report.credentials()) {
      out.println(
          "  " + (credential.passed() ? "Verified: " : "Not verified: ") + credential.input());
      credential.steps().forEach(step -> out.println("    " + step));
    }
    if (report.passed()) {
      out.println("Verified: " + input);
      return Main.OK;
    }
    out.println(
        "Not verified: "
            + input
            + report.failedStep().map(step -> " (" + step + " failed)").orElse(""));
    return Main.CONTENT_ERRORS;
  }
}
