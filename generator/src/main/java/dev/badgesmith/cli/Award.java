package dev.badgesmith.cli;

import dev.badgesmith.AwardRequest;
import dev.badgesmith.AwardResult;
import dev.badgesmith.Badgesmith;
import dev.badgesmith.EligibleAwardResult;
import dev.badgesmith.EligibleResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
      "With --csv, write one award file per row of a CSV file: all of them, or none when any"
          + " row has a problem.",
      "With --hash only the salted hash of the identity is written: the address never enters"
          + " the repository."
    })
final class Award implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * The site secret ({@code --hash} stores a keyed earner key) and the build date are read here.
   */
  Map<String, String> environment = Map.of();

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

    @Option(
        names = "--csv",
        paramLabel = "FILE",
        description = "A CSV file of awards, one per row, with the columns of a CSV award file.")
    Path csv;

    @Option(
        names = "--eligible",
        description =
            "Award BADGE to every earner eligible for it (see badgesmith eligible), with evidence"
                + " linking the awards that qualify: all of them, or none. Earners held hashed"
                + " only are skipped: award them by address.")
    boolean eligible;
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
    if (identity.csv != null) {
      return csv();
    }
    if (identity.eligible) {
      return eligible();
    }
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
    AwardResult result =
        Badgesmith.builder()
            .environment(environment)
            .build()
            .award(site, request, new SecureRandom());
    if (!result.ok()) {
      result.problems().forEach(d -> spec.commandLine().getErr().println(d.format()));
      spec.commandLine().getErr().println("The award was not written.");
      return Main.CONTENT_ERRORS;
    }
    spec.commandLine().getOut().println("Wrote " + result.written().get(0));
    return Main.OK;
  }

  private int eligible() {
    if (id != null || name != null || narrative != null || !evidence.isEmpty() || hash) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--eligible takes each recipient, name and evidence from the awards that qualify");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EligibleAwardResult result =
        Badgesmith.builder()
            .environment(environment)
            .build()
            .awardEligible(
                site, badge, issuedOn != null ? issuedOn : LocalDate.now(), new SecureRandom());
    if (result.found().check().hasErrors()) {
      result.found().check().diagnostics().forEach(d -> err.println(d.format()));
      err.println("No award was written: the site has errors.");
      return Main.CONTENT_ERRORS;
    }
    if (!result.awarded().ok()) {
      result.awarded().problems().forEach(d -> err.println(d.format()));
      err.println("No award was written.");
      return Main.CONTENT_ERRORS;
    }
    for (EligibleResult.Eligible e : result.skipped()) {
      out.println(
          Main.printableLine(
              "Skipped "
                  + e.earner()
                  + ": the repository does not hold their address; award them by it"
                  + " (badgesmith award "
                  + badge
                  + " --email ADDRESS --hash)"));
    }
    if (result.found().eligible().isEmpty()) {
      out.println("Nobody is eligible for " + badge + ".");
    } else if (!result.awarded().written().isEmpty()) {
      out.println("Wrote " + result.awarded().written().size() + " award files:");
      result.awarded().written().forEach(path -> out.println("  " + path));
    }
    return Main.OK;
  }

  private int csv() {
    if (id != null || name != null || narrative != null || !evidence.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--csv reads id, name, narrative and evidence from its columns");
    }
    PrintWriter err = spec.commandLine().getErr();
    AwardResult result =
        Badgesmith.builder()
            .environment(environment)
            .build()
            .awardCsv(
                site,
                badge,
                identity.csv,
                hash,
                issuedOn != null ? issuedOn : LocalDate.now(),
                new SecureRandom());
    if (!result.ok()) {
      result.problems().forEach(d -> err.println(d.format()));
      err.println("No award was written.");
      return Main.CONTENT_ERRORS;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Wrote " + result.written().size() + " award files:");
    result.written().forEach(path -> out.println("  " + path));
    return Main.OK;
  }
}
