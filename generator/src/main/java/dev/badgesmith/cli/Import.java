package dev.badgesmith.cli;

import dev.badgesmith.AwardResult;
import dev.badgesmith.Badgesmith;
import dev.badgesmith.ImportRequest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code badgesmith import}: existing Open Badges 1.x and 2.0 assertions become award files. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Turn Open Badges 2.0 or 1.x assertions (JSON files, URLs, baked PNG or SVG badges) into"
          + " award files, awards/BADGE/ID.yaml, keeping their dates, evidence, narrative,"
          + " revocation and the recipient's hash.",
      "Nothing is written when any input has a problem."
    })
final class Import implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The site secret is read here: hashed recipients are then stored with a keyed earner key. */
  Map<String, String> environment = Map.of();

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description =
          "An assertion: a JSON file (one assertion or a list), an http(s) URL, or a"
              + " baked PNG or SVG badge.")
  List<String> inputs;

  @Option(
      names = "--site",
      paramLabel = "SITE",
      defaultValue = ".",
      description = "The badge site folder (default: the current folder).")
  Path site;

  @CommandLine.Mixin NetworkOptions network;

  @Option(
      names = "--badge",
      paramLabel = "SLUG|BADGECLASS=SLUG",
      description =
          "The badge of the site the assertions are awards of; with BADGECLASS= (a BadgeClass's"
              + " id or name), for that BadgeClass only. Repeatable. Without it, a BadgeClass is"
              + " matched by this site's BadgeClass URL or by its name.")
  List<String> badges = List.of();

  @Override
  public Integer call() {
    if (!Files.isRegularFile(site.resolve("site.yaml"))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "no badge site at " + site + " (no site.yaml)");
    }
    Optional<String> all = Optional.empty();
    Map<String, String> byBadgeClass = new LinkedHashMap<>();
    for (String badge : badges) {
      int eq = badge.lastIndexOf('=');
      if (eq < 0) {
        if (all.isPresent()) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--badge SLUG is given twice; map others with BADGECLASS=SLUG");
        }
        all = Optional.of(badge);
      } else {
        byBadgeClass.put(badge.substring(0, eq).strip(), badge.substring(eq + 1).strip());
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    AwardResult result =
        Badgesmith.builder()
            .environment(environment)
            .build()
            .importAssertions(
                site,
                new ImportRequest(inputs, all, byBadgeClass, network.network()),
                new SecureRandom());
    if (!result.ok()) {
      result.problems().forEach(d -> err.println(d.format()));
      err.println("Nothing was imported.");
      return Main.CONTENT_ERRORS;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Imported "
            + result.written().size()
            + " award"
            + (result.written().size() == 1 ? "" : "s")
            + ":");
    result.written().forEach(path -> out.println("  " + path));
    return Main.OK;
  }
}
