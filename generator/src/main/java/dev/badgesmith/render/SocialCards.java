package dev.badgesmith.render;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.images.ImageRenderException;
import dev.badgesmith.images.SocialCardRenderer;
import dev.badgesmith.incremental.Fingerprint;
import dev.badgesmith.incremental.RenderPlan;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.pages.SocialCardTemplate;
import dev.badgesmith.pages.SocialCardView;
import dev.badgesmith.validate.DesignRenders;
import dev.badgesmith.write.OutputSink;
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
 * after the other, the first badge class's first. A card the plan keeps as published, drawn from
 * the same view as last time, is not drawn at all.
 */
final class SocialCards {
  private final Map<String, ForkJoinTask<byte[]>> drawn;

  private SocialCards(Map<String, ForkJoinTask<byte[]>> drawn) {
    this.drawn = drawn;
  }

  /** Starts drawing every badge class's card that the plan does not keep. */
  static SocialCards draw(
      Site site,
      SiteLayout layout,
      Map<String, Design> designs,
      SocialCardTemplate template,
      SocialCardRenderer cards,
      ForkJoinPool pool,
      RenderPlan plan) {
    Map<String, ForkJoinTask<byte[]>> drawn = new LinkedHashMap<>();
    for (BadgeClass badge : site.badges()) {
      Design design = designs.get(badge.id());
      String issuer = site.issuer(badge.issuerId()).map(Issuer::name).orElse("");
      // The design, the template and the way it is drawn are among what all awards share.
      String inputs =
          new Fingerprint().add(badge.name()).add(issuer).add(site.settings().title()).hex();
      if (plan.keepsFile(layout.socialCard(badge).file(), inputs)) {
        continue;
      }
      SocialCardView view =
          new SocialCardView(
              badge.name(),
              issuer,
              site.settings().title(),
              "data:image/png;base64," + Base64.getEncoder().encodeToString(design.png()));
      drawn.put(badge.id(), pool.submit(() -> cards.render(template.render(view))));
    }
    return new SocialCards(drawn);
  }

  /** Writes the cards drawn, in the site's order. */
  void write(Site site, SiteLayout layout, OutputSink out) throws IOException {
    for (BadgeClass badge : site.badges()) {
      if (drawn.containsKey(badge.id())) {
        out.write(layout.socialCard(badge).file(), card(badge));
      }
    }
  }

  /** A badge class's card, once drawn. */
  private byte[] card(BadgeClass badge) throws IOException {
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
