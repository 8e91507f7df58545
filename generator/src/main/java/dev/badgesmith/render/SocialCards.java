package dev.badgesmith.render;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.images.ImageRenderException;
import dev.badgesmith.images.SocialCardRenderer;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Site;
import dev.badgesmith.pages.SocialCardTemplate;
import dev.badgesmith.pages.SocialCardView;
import dev.badgesmith.validate.DesignRenders;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The badge classes' social cards, each drawn as a task of the build's pool, handed out in the
 * site's order: a card that cannot be drawn fails the build as it did when they were drawn one
 * after the other, the first badge class's first.
 */
final class SocialCards {
  private final Map<String, ForkJoinTask<byte[]>> drawn;

  private SocialCards(Map<String, ForkJoinTask<byte[]>> drawn) {
    this.drawn = drawn;
  }

  /** Starts drawing every badge class's card. */
  static SocialCards draw(
      Site site,
      Map<String, Design> designs,
      SocialCardTemplate template,
      SocialCardRenderer cards,
      ForkJoinPool pool) {
    Map<String, ForkJoinTask<byte[]>> drawn = new LinkedHashMap<>();
    for (BadgeClass badge : site.badges()) {
      Design design = designs.get(badge.id());
      SocialCardView view =
          new SocialCardView(
              badge.name(),
              site.issuer(badge.issuerId()).map(Issuer::name).orElse(""),
              site.settings().title(),
              "data:image/png;base64," + Base64.getEncoder().encodeToString(design.png()));
      drawn.put(badge.id(), pool.submit(() -> cards.render(template.render(view))));
    }
    return new SocialCards(drawn);
  }

  /** A badge class's card, once drawn. */
  byte[] card(BadgeClass badge) throws IOException {
    try {
      return drawn.get(badge.id()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while drawing the social cards");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ImageRenderException problem) {
        // Said as check says it of the first card; this one's data brought it out.
        throw new BadgesmithException(
            DesignRenders.cardProblem(badge.id(), problem).format(), problem);
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
