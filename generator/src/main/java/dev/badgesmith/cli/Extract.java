package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.BakedBadge;
import dev.badgesmith.Extraction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code badgesmith extract}: what a baked image carries, printed. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = "Print the Open Badges assertions and credentials baked into a PNG or SVG image.")
final class Extract implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A baked PNG or SVG image.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Extraction extraction = Badgesmith.builder().build().extract(file);
    if (extraction.corrupt().isPresent()) {
      err.println(file + ": " + extraction.corrupt().get());
      return Main.CONTENT_ERRORS;
    }
    List<BakedBadge> found = extraction.badges();
    if (found.isEmpty()) {
      err.println(file + " carries no Open Badges data");
      return Main.CONTENT_ERRORS;
    }
    for (int i = 0; i < found.size(); i++) {
      BakedBadge baked = found.get(i);
      if (i > 0) {
        out.println();
      }
      out.println(
          baked.version()
              + " ("
              + baked.format().toUpperCase(Locale.ROOT)
              + " "
              + baked.carrier()
              + "):");
      out.println(baked.payload().stripTrailing());
      baked
          .verify()
          .filter(url -> !url.equals(baked.payload()))
          .ifPresent(url -> out.println("verify: " + url));
    }
    return Main.OK;
  }
}
