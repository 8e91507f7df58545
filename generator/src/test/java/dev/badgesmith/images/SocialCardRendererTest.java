package dev.badgesmith.images;

import static dev.badgesmith.images.Svgs.decode;
import static dev.badgesmith.images.Svgs.square;
import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.incremental.RenderedPngs;
import dev.badgesmith.pages.SocialCardTemplate;
import dev.badgesmith.pages.SocialCardView;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocialCardRendererTest {
  @TempDir Path temp;

  @Test
  void rendersTheDefaultCardAt1200By630WithTheBadgeArtAndText() throws IOException {
    CountingPngStore store =
        new CountingPngStore(new RenderedPngs(key -> temp.resolve(key + ".png")));
    SvgRasterizer rasterizer = new SvgRasterizer(store);
    byte[] art = rasterizer.toPng(square("<circle cx='50' cy='50' r='50' fill='#ff0000'/>"), 256);
    String svg =
        new SocialCardTemplate(java.util.Optional.empty())
            .render(
                new SocialCardView(
                    "Code Reviewer",
                    "Rust Guild",
                    "Guild Badges",
                    "data:image/png;base64," + Base64.getEncoder().encodeToString(art)));

    byte[] png = new SocialCardRenderer(rasterizer).render(svg);

    BufferedImage card = decode(png);
    assertThat(card.getWidth()).isEqualTo(SocialCardRenderer.WIDTH);
    assertThat(card.getHeight()).isEqualTo(SocialCardRenderer.HEIGHT);
    assertThat(card.getRGB(290, 315)).as("the badge art").isEqualTo(0xffff0000);
    assertThat(whitePixels(card, 560, 200, 1140, 420))
        .as("the badge name is drawn, so a font was found")
        .isGreaterThan(500);
    assertThat(new SocialCardRenderer(rasterizer).render(svg)).isEqualTo(png);
    assertThat(store.renders()).as("the art and the card once each").isEqualTo(2);
  }

  private static int whitePixels(BufferedImage image, int x0, int y0, int x1, int y1) {
    int count = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if ((image.getRGB(x, y) & 0xffffff) == 0xffffff) {
          count++;
        }
      }
    }
    return count;
  }
}
