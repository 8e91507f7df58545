package dev.badgesmith.cli;

import dev.badgesmith.EligibleResult;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code badgesmith eligible}: who could be awarded a stack badge now, and why. */
@Command(
    name = "eligible",
    mixinStandardHelpOptions = true,
    description = {
      "List each earner who holds live awards (not revoked, not expired) of everything a stack"
          + " badge requires and does not hold it yet, with the awards that qualify.",
      "An earner is shown as an award file of theirs writes them; one held hashed only, by the"
          + " ids of their awards. Exits 1 when the site has errors."
    })
final class Eligible extends SiteCommand {
  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "BADGE",
      description = "Only this stack badge (default: every one).")
  String badge;

  @Override
  public Integer call() {
    EligibleResult result = generator().build().eligible(site, Optional.ofNullable(badge));
    int code = report(result.check());
    result.lines().forEach(line -> spec.commandLine().getOut().println(Main.printableLine(line)));
    return code;
  }
}
