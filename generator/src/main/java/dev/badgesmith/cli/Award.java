package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.award.AwardRequest;
import dev.badgesmith.award.AwardWriter;
import dev.badgesmith.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code badgesmith award}: a new award file, checked before it is kept. */
@Command(
    name = "award",
    mixinStandardHelpOptions = true,
    description = {
      "Write a new award file, awards/BADGE/ID.yaml, and check it with the site.",
      "With --hash only the salted hash of the identity is written: the address never enters"
          + " the repository."
    })
final class Award implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BADGE", description = "The badge class's id.")
  String badge;

  @Option(
      names = "--site",
      paramLabel = "SITE",
      defaultValue = ".",
      description = "The badge site folder (default: the current folder).")
  Path site;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Identity identity;

  static final class Identity {
    @Option(names = "--email", description = "The recipient's e-mail address.")
    String email;

    @Option(names = "--url", description = "The recipient's URL.")
    String url;

    @Option(names = "--telephone", description = "The recipient's number, such as +441234567890.")
    String telephone;

    @Option(names = "--did", description = "The recipient's DID.")
    String did;
  }

  @Option(names = "--name", description = "A display name to publish on the award page.")
  String name;

  @Option(names = "--id", description = "The award's id (default: from the name or recipient).")
  String id;

  @Option(
      names = "--issued-on",
      paramLabel = "DATE",
      description = "The date of the award (default: today).")
  LocalDate issuedOn;

  @Option(names = "--narrative", description = "What the recipient did, in Markdown.")
  String narrative;

  @Option(names = "--evidence", paramLabel = "URL", description = "A link to evidence; repeatable.")
  List<String> evidence = List.of();

  @Option(names = "--hash", description = "Store only the salted hash of the identity.")
  boolean hash;

  @Override
  public Integer call() throws IOException {
    String key;
    String value;
    if (identity.email != null) {
      key = "email";
      value = identity.email;
    } else if (identity.url != null) {
      key = "url";
      value = identity.url;
    } else if (identity.telephone != null) {
      key = "telephone";
      value = identity.telephone;
    } else {
      key = "did";
      value = identity.did;
    }
    AwardRequest request =
        new AwardRequest(
            badge,
            Optional.ofNullable(id),
            key,
            value,
            Optional.ofNullable(name),
            issuedOn != null ? issuedOn : LocalDate.now(),
            Optional.ofNullable(narrative),
            evidence,
            hash);
    String path = AwardWriter.write(site, request, new SecureRandom());
    // The new file must pass the same checks as a pull request's: otherwise it is not kept.
    Report report = Badgesmith.builder().build().check(site);
    List<Diagnostic> own =
        report.diagnostics().stream().filter(d -> d.path().equals(path)).toList();
    if (own.stream().anyMatch(Diagnostic::isError)) {
      Files.delete(site.resolve(path));
      own.forEach(d -> spec.commandLine().getErr().println(d.format()));
      spec.commandLine().getErr().println("The award was not written.");
      return Main.CONTENT_ERRORS;
    }
    spec.commandLine().getOut().println("Wrote " + path);
    return Main.OK;
  }
}
