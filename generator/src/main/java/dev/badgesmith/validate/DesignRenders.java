package dev.badgesmith.validate;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.images.ImageInspector;
import dev.badgesmith.images.ImageRenderException;
import dev.badgesmith.images.SocialCardRenderer;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.ImageFile;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Site;
import dev.badgesmith.pages.SocialCardTemplate;
import dev.badgesmith.pages.SocialCardView;
import dev.badgesmith.pages.ThemeOverrides;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Renders each SVG design of a validated site as the build renders it, so that what the renderer
 * refuses is a diagnostic of {@code check} as much as of {@code build}: both run this, with the
 * rasterizer the build then renders with, which keeps the PNGs (and a cache, when there is one).
 */
public final class DesignRenders {
  private static final String CARD = "social-card.svg.ftlx";

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
                    .distinct()
                    .forEach(
                        image -> {
                          try {
                            rasterizer
                                .check(bytes(siteRoot, image), size)
                                .ifPresent(p -> diagnostics.add(p.in(image.source())));
                          } catch (IOException e) {
                            throw new UncheckedIOException(e);
                          }
                        }))
        .join();
  }

  /**
   * Renders the first badge class's social card as the build does, when the site draws cards with
   * its own {@code templates/social-card.svg.ftlx}: an SVG there that the renderer refuses is an
   * error of {@code check} too. Nothing to do when the template itself fails, which the check of
   * templates reports, or when the design could not be rendered.
   */
  public static void checkCard(
      Path siteRoot, Site site, SvgRasterizer rasterizer, Diagnostics diagnostics)
      throws IOException {
    Path templates = siteRoot.resolve(ThemeOverrides.FOLDER);
    if (site.badges().isEmpty() || !Files.isRegularFile(templates.resolve(CARD))) {
      return;
    }
    BadgeClass badge = site.badges().get(0);
    byte[] design = bytes(siteRoot, badge.image());
    String card;
    try {
      byte[] png =
          badge.image().format().equals("png")
              ? design
              : rasterizer.toPng(
                  new ImageInspector().publishedSvg(design), site.settings().pngSize());
      card =
          new SocialCardTemplate(Optional.of(templates))
              .render(
                  new SocialCardView(
                      badge.name(),
                      site.issuer(badge.issuerId()).map(Issuer::name).orElse(""),
                      site.settings().title(),
                      "data:image/png;base64," + Base64.getEncoder().encodeToString(png)));
    } catch (ImageRenderException | BadgesmithException e) {
      return;
    }
    try {
      new SocialCardRenderer(rasterizer).render(card);
    } catch (ImageRenderException e) {
      diagnostics.add(cardProblem(badge.id(), e));
    }
  }

  /** A design's bytes as the site holds them: its file's, or those drawn from its block. */
  public static byte[] bytes(Path siteRoot, ImageFile image) throws IOException {
    return image.drawn().isPresent()
        ? image.drawn().get().getBytes(StandardCharsets.UTF_8)
        : Files.readAllBytes(siteRoot.resolve(image.source()));
  }

  /** A social card the renderer refuses: the site's card template is to blame. */
  public static Diagnostic cardProblem(String badgeId, ImageRenderException e) {
    return Diagnostic.error(
            Code.TEMPLATE_ERROR,
            SourcePosition.startOf(ThemeOverrides.FOLDER + "/" + CARD),
            "the social card it draws for the badge class '"
                + badgeId
                + "' cannot be rendered: "
                + e.getMessage())
        .withHint(
            "draw SVG 1.1 that Batik renders: colours as names, #rrggbb or rgb(), shapes with"
                + " the attributes they need");
  }
}
