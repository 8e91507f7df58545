package dev.badgesmith.maven;

import dev.badgesmith.Badgesmith;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What every goal takes: the site, the cache, the threads, and the switch to skip. */
abstract class SiteMojo extends AbstractMojo {

  /** The badge site: the folder that holds {@code site.yaml}. */
  @Parameter(
      property = "badgesmith.siteDirectory",
      defaultValue = "${project.basedir}",
      required = true)
  File siteDirectory;

  /** Where PNGs rendered from SVG designs are kept between builds. */
  @Parameter(
      property = "badgesmith.cacheDirectory",
      defaultValue = "${project.build.directory}/badgesmith-cache",
      required = true)
  File cacheDirectory;

  /** Skips the goal, for example to build a project quickly without its badge site. */
  @Parameter(property = "badgesmith.skip", defaultValue = "false")
  boolean skip;

  /** How many awards are rendered at once; the number of processors when not set. */
  @Parameter(property = "badgesmith.threads")
  Integer threads;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Badgesmith (badgesmith.skip)");
      return;
    }
    executeGoal();
  }

  /** The goal's work, when it is not skipped. */
  abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

  /** Adds a goal's own parameters to the generator's; the check needs none. */
  Badgesmith.Builder configure(Badgesmith.Builder builder) {
    return builder;
  }

  /** The generator's settings, from the parameters and this process's environment. */
  Badgesmith.Builder generatorSettings() throws MojoExecutionException {
    Badgesmith.Builder builder =
        Badgesmith.builder().environment(System.getenv()).cacheDirectory(cacheDirectory.toPath());
    if (threads != null) {
      try {
        builder.threads(threads);
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException("Invalid parameter 'threads': " + e.getMessage(), e);
      }
    }
    return configure(builder);
  }
}
