package dev.badgesmith.cli;

import dev.badgesmith.XapiOptions;
import dev.badgesmith.XapiResult;
import dev.badgesmith.diag.BadgesmithException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code badgesmith xapi}: a site's awards as xAPI statements, written and sent to an LRS. */
@Command(
    name = "xapi",
    mixinStandardHelpOptions = true,
    description = {
      "Write one xAPI statement per award (Open Badges profile), and one voiding the statement of"
          + " each revoked award, to a file; with --lrs, also send them to a learning record"
          + " store. Awards whose recipient is held hashed only are left out, and named.",
      "The credentials of --lrs are read from BADGESMITH_LRS_USER and BADGESMITH_LRS_PASSWORD."
    })
final class Xapi extends SiteCommand {
  static final String USER_VARIABLE = "BADGESMITH_LRS_USER";
  static final String PASSWORD_VARIABLE = "BADGESMITH_LRS_PASSWORD";

  @Mixin GeneratorOptions generatorOptions;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "FILE",
      description = "The file the statements are written to, as one JSON array.")
  Path out;

  @Option(
      names = "--since",
      paramLabel = "YYYY-MM-DD",
      description = "Only awards issued, and revocations dated, on or after this day.")
  String since;

  @Option(
      names = "--site-output",
      paramLabel = "DIR",
      description =
          "A folder the site was built into, to read the baked badges from (default: build the"
              + " site into a temporary folder first).")
  Path siteOutput;

  @Option(
      names = "--lrs",
      paramLabel = "URL",
      description =
          "Also send the statements to this learning record store's xAPI endpoint (https, or"
              + " http to this machine).")
  String lrs;

  @Override
  public Integer call() {
    XapiOptions options =
        new XapiOptions(
            out,
            sinceDate(),
            Optional.ofNullable(siteOutput),
            Optional.ofNullable(lrs).map(this::store));
    XapiResult result =
        generatorOptions
            .applyTo(generator(), site, spec.commandLine().getErr())
            .build()
            .xapi(site, options);
    int code = report(result.check());
    result.lines().forEach(line -> spec.commandLine().getOut().println(Main.printableLine(line)));
    return code;
  }

  private Optional<LocalDate> sinceDate() {
    if (since == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(since));
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--since takes a day as YYYY-MM-DD, not '" + since + "'");
    }
  }

  /** The store, with the credentials from the environment: both must be set. */
  private XapiOptions.Lrs store(String endpoint) {
    List<String> missing = new ArrayList<>();
    for (String variable : List.of(USER_VARIABLE, PASSWORD_VARIABLE)) {
      String value = environment.get(variable);
      if (value == null || value.isEmpty()) {
        missing.add(variable);
      }
    }
    if (!missing.isEmpty()) {
      throw new BadgesmithException(
          "--lrs needs the store's credentials: set "
              + String.join(" and ", missing)
              + " in the environment");
    }
    return new XapiOptions.Lrs(
        endpoint, environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE));
  }
}
