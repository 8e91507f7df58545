package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Preview;
import dev.badgesmith.PreviewSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code badgesmith serve}: a local preview that rebuilds on save and reloads the browser. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Preview the site on 127.0.0.1: build it, serve it, rebuild when a file is saved and reload"
          + " open pages. A failed build leaves the last good one served, with its problems shown"
          + " on the page and here. Ctrl-C stops.",
      "The preview's links name its own address: it is not a site to deploy.",
      "Every badge's design, with its shape, tier, colours and contrast, is at"
          + " /__badgesmith/designs/ on the preview."
    })
final class Serve extends SiteCommand {
  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "" + Preview.DEFAULT_PORT,
      description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}); 0 for any free port.")
  int port;

  @Option(
      names = {"-o", "--output", "--out"},
      paramLabel = "DIR",
      description =
          "Where the preview is built (default: a temporary folder, removed on exit). Never a"
              + " folder you deploy.")
  Path output;

  @Mixin GeneratorOptions generatorOptions;

  @Override
  public Integer call() {
    Path cacheDir = generatorOptions.cacheDirectory(site);
    Badgesmith generator =
        generatorOptions.applyTo(generator(), site, spec.commandLine().getErr()).build();
    PreviewSettings settings =
        new PreviewSettings(port, Optional.ofNullable(output), List.of(cacheDir), log());
    generator.serve(site, settings).serveUntilStopped();
    return Main.OK;
  }

  private Preview.Log log() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return new Preview.Log() {
      @Override
      public void info(String line) {
        out.println(line);
      }

      @Override
      public void warn(String line) {
        err.println(line);
      }

      @Override
      public void error(String line) {
        err.println(line);
      }
    };
  }
}
