package dev.badgesmith.images;

import java.io.IOException;
import java.util.Optional;

/** Where PNGs rendered from SVG are kept, so that the same SVG at the same size is drawn once. */
public interface PngStore {
  /** Keeps nothing: every PNG is rendered. */
  PngStore NONE =
      new PngStore() {
        @Override
        public Optional<byte[]> get(byte[] svg, int width, int height) {
          return Optional.empty();
        }

        @Override
        public void put(byte[] svg, int width, int height, byte[] png) {}
      };

  /**
   * The PNG kept for this SVG at this size by this version of the renderer ({@link
   * SvgRasterizer#RENDERER_VERSION}); empty when none is kept. What is returned is checked to be a
   * PNG by the caller.
   */
  Optional<byte[]> get(byte[] svg, int width, int height);

  /** Keeps a PNG rendered from this SVG at this size. */
  void put(byte[] svg, int width, int height, byte[] png) throws IOException;
}
