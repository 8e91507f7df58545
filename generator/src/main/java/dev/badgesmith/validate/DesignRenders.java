package dev.badgesmith.validate;

import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;

/**
 * Renders each SVG design of a validated site as the build renders it, so that what the renderer
 * refuses is a diagnostic of {@code check} as much as of {@code build}: both run this, with the
 * rasterizer the build then renders with, which keeps the PNGs (and a cache, when there is one).
 */
public final class DesignRenders {
  private DesignRenders() {}

  /**
   * @throws UncheckedIOException when a design or the cache cannot be read
   */
  public static void check(
      Path siteRoot,
      Site site,
      SvgRasterizer rasterizer,
      Diagnostics diagnostics,
      ForkJoinPool pool) {
    int size = site.settings().pngSize();
    pool.submit(
            () ->
                site.badges().parallelStream()
                    .map(BadgeClass::image)
                    .filter(image -> image.format().equals("svg"))
                    .map(image -> image.source())
                    .distinct()
                    .forEach(
                        source -> {
                          try {
                            rasterizer
                                .check(Files.readAllBytes(siteRoot.resolve(source)), size)
                                .ifPresent(p -> diagnostics.add(p.in(source)));
                          } catch (IOException e) {
                            throw new UncheckedIOException(e);
                          }
                        }))
        .join();
  }
}
