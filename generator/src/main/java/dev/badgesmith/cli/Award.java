package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.award.AwardBatch;
import dev.badgesmith.award.AwardRequest;
import dev.badgesmith.award.AwardWriter;
import dev.badgesmith.award.NewAward;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.load.CsvAwards;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Located;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
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
      "With --csv, write one award file per row of a CSV file: all of them, or none when any"
          + " row has a problem.",
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

    @Option(
        names = "--csv",
        paramLabel = "FILE",
        description = "A CSV file of awards, one per row, with the columns of a CSV award file.")
    Path csv;
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

  private int csv() {
    if (id != null || name != null || narrative != null || !evidence.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--csv reads id, name, narrative and evidence from its columns");
    }
    if (!Files.isRegularFile(site.resolve("badges").resolve(badge + ".md"))) {
      throw new BadgesmithException("no badge class '" + badge + "' (badges/" + badge + ".md)");
    }
    String text;
    try {
      text = Files.readString(identity.csv, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new BadgesmithException(identity.csv + " is not UTF-8 text; save it as UTF-8");
    } catch (IOException e) {
      throw new BadgesmithException("cannot read " + identity.csv + ": " + e.getMessage());
    }
    Diagnostics diagnostics = new Diagnostics();
    String today = (issuedOn != null ? issuedOn : LocalDate.now()).toString();
    List<AwardDoc> rows =
        CsvAwards.read(
            text.startsWith("\uFEFF") ? text.substring(1) : text,
            identity.csv.toString(),
            badge,
            new CsvAwards.Options(false, Optional.of(today)),
            diagnostics);
    PrintWriter err = spec.commandLine().getErr();
    if (diagnostics.hasErrors()) {
      diagnostics.sorted().forEach(d -> err.println(d.format()));
      err.println("No award was written.");
      return Main.CONTENT_ERRORS;
    }
    if (rows.isEmpty()) {
      err.println(identity.csv + " has no rows of awards; nothing was written.");
      return Main.CONTENT_ERRORS;
    }
    List<NewAward> awards = new ArrayList<>();
    for (AwardDoc row : rows) {
      Optional<Located<String>> given =
          row.id().isEmpty() ? Optional.empty() : Optional.of(new Located<>(row.id(), row.at()));
      awards.add(
          new NewAward(given, AwardBatch.idBase(row, hash), row, hash, row.at(), Optional.empty()));
    }
    AwardBatch.Result result = AwardBatch.write(site, awards, new SecureRandom());
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
