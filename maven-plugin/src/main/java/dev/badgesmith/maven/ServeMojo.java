package dev.badgesmith.maven;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Preview;
import dev.badgesmith.PreviewSettings;
import dev.badgesmith.diag.BadgesmithException;
import java.io.File;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Previews the badge site on 127.0.0.1: builds it, serves it, rebuilds when a file is saved and
 * reloads open pages, until Maven is interrupted (Ctrl-C). A failed build leaves the last good one
 * served, with its diagnostics logged and shown on the page.
 */
@Mojo(name = "serve", requiresProject = true, requiresDirectInvocation = true, threadSafe = true)
public class ServeMojo extends SiteMojo {

  /** The port on 127.0.0.1; 0 for any free port. */
  @Parameter(property = "badgesmith.port", defaultValue = "" + Preview.DEFAULT_PORT)
  int port;

  /**
   * Where the preview is built. Its links name the preview's address, so it is not the site to
   * deploy: keep it apart from the build goal's output.
   */
  @Parameter(
      property = "badgesmith.serveDirectory",
      defaultValue = "${project.build.directory}/badgesmith-serve",
      required = true)
  File outputDirectory;

  /**
   * A folder outside the site with private signing keys as {@code <key-id>.pem}; the environment
   * variable {@code BADGESMITH_KEY_<ID>} is read first.
   */
  @Parameter(property = "badgesmith.keysDirectory")
  File keysDirectory;

  /**
   * Ignored, with a warning: the JSON-LD contexts ship inside Badgesmith. Kept so that earlier
   * projects still build.
   */
  @Parameter(property = "badgesmith.contextsDirectory")
  File contextsDirectory;

  /** The project's build folder: what changes there is output, not the site. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  File buildDirectory;

  @Override
  Badgesmith.Builder configure(Badgesmith.Builder builder) {
    if (keysDirectory != null) {
      builder.keysDirectory(keysDirectory.toPath());
    }
    if (contextsDirectory != null) {
      getLog()
          .warn(
              "contextsDirectory is ignored: the JSON-LD contexts ship inside Badgesmith, fixed,"
                  + " and are never read from elsewhere");
    }
    return builder;
  }

  @Override
  void executeGoal() throws MojoExecutionException {
    Preview preview;
    try {
      Badgesmith.Builder generator = generatorSettings();
      PreviewSettings settings =
          new PreviewSettings(
              port,
              Optional.of(outputDirectory.toPath()),
              List.of(buildDirectory.toPath(), cacheDirectory.toPath()),
              log(getLog()));
      preview = generator.build().serve(siteDirectory.toPath(), settings);
    } catch (BadgesmithException | IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    preview.serveUntilStopped();
  }

  private static Preview.Log log(Log log) {
    return new Preview.Log() {
      @Override
      public void info(String line) {
        log.info(line);
      }

      @Override
      public void warn(String line) {
        log.warn(line);
      }

      @Override
      public void error(String line) {
        log.error(line);
      }
    };
  }
}
