package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.serve.PreviewLog;
import dev.badgesmith.serve.PreviewServer;
import java.io.PrintWriter;
import java.nio.file.Path;
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
      "The preview's links name its own address: it is not a site to deploy."
    })
final class Serve extends Main.SiteCommand {
  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "" + PreviewServer.DEFAULT_PORT,
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
    Badgesmith.Builder generator =
        generatorOptions.applyTo(generator(), site, spec.commandLine().getErr());
    PreviewServer.Builder preview =
        PreviewServer.builder(site, generator).port(port).ignore(cacheDir).log(log());
    if (output != null) {
      preview.output(output);
    }
    PreviewServer server = preview.start();
    server.serveUntilStopped();
    return Main.OK;
  }

  private PreviewLog log() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return new PreviewLog() {
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
