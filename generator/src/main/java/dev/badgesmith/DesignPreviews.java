package dev.badgesmith;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Spelling;
import dev.badgesmith.images.ImageInspector;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.validate.DesignRenders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The designs of a checked site as the build publishes them, written to a folder to look at: an SVG
 * design (drawn from a {@code design:} block or a file) as {@code <badge-id>.svg} and the PNG drawn
 * from it, a PNG design as it is.
 */
final class DesignPreviews {
  private DesignPreviews() {}

  /**
   * @return the files written, in the site's order of badge classes
   * @throws BadgesmithException when {@code badge} names no badge class of the site
   */
  static List<Path> write(
      Path siteDir, Site site, Optional<String> badge, Path outDir, SvgRasterizer rasterizer) {
    List<BadgeClass> badges =
        site.badges().stream().filter(b -> badge.isEmpty() || b.id().equals(badge.get())).toList();
    if (badge.isPresent() && badges.isEmpty()) {
      List<String> ids = site.badges().stream().map(BadgeClass::id).toList();
      throw new BadgesmithException(
          "no badge class '"
              + badge.get()
              + "' in "
              + siteDir
              + Spelling.closest(badge.get(), ids)
                  .map(c -> "; did you mean '" + c + "'?")
                  .orElse(""));
    }
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(outDir);
      for (BadgeClass b : badges) {
        byte[] source = DesignRenders.bytes(siteDir, b.image());
        if (b.image().format().equals("png")) {
          written.add(Files.write(outDir.resolve(b.id() + ".png"), source));
          continue;
        }
        byte[] svg = new ImageInspector().publishedSvg(source);
        written.add(Files.write(outDir.resolve(b.id() + ".svg"), svg));
        written.add(
            Files.write(
                outDir.resolve(b.id() + ".png"), rasterizer.toPng(svg, site.settings().pngSize())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(written);
  }
}
