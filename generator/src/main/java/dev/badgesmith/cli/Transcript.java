package dev.badgesmith.cli;

import dev.badgesmith.TranscriptRequest;
import dev.badgesmith.TranscriptResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code badgesmith transcript}: one learner's record, for the maintainer to send them. */
@Command(
    name = "transcript",
    mixinStandardHelpOptions = true,
    description = {
      "Write the learner record (a signed CLR 2.0 ClrCredential) of one recipient: the credentials"
          + " of their awards as the site publishes them (revoked ones left out) and how the"
          + " badges stack.",
      "For any recipient, e-mail included; the file is for the maintainer to send to the"
          + " learner and is never written into the site or a built site. Needs the site's"
          + " signing keys, as build does. Exits 1 when the site has errors."
    })
final class Transcript extends SiteCommand {
  @Mixin GeneratorOptions generatorOptions;

  @Option(
      names = "--recipient",
      required = true,
      paramLabel = "IDENTITY",
      description =
          "The learner as an award file names them: an e-mail address, an http(s) URL, a"
              + " telephone number (+ and digits) or a DID.")
  String recipient;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description =
          "Where to write it, outside the site: a VC-JWT when the name ends in .jwt, else JSON"
              + " with an embedded proof.")
  Path out;

  @Override
  public Integer call() {
    TranscriptResult result =
        generatorOptions
            .applyTo(generator(), site, spec.commandLine().getErr())
            .build()
            .transcript(site, new TranscriptRequest(recipient, out));
    int code = report(result.check());
    result.lines().forEach(line -> spec.commandLine().getOut().println(Main.printableLine(line)));
    return code;
  }
}
