package dev.badgesmith.images;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store around another that counts what a rasterizer puts in it: a rasterizer puts each PNG it
 * renders with Batik, and only those, so the count is how many renders it made.
 */
public final class CountingPngStore implements PngStore {
  private final PngStore kept;
  private final AtomicInteger renders = new AtomicInteger();

  public CountingPngStore(PngStore kept) {
    this.kept = kept;
  }

  /** A store that keeps nothing, counting every render. */
  public CountingPngStore() {
    this(PngStore.NONE);
  }

  /** How many PNGs were rendered and put here. */
  public int renders() {
    return renders.get();
  }

  @Override
  public Optional<byte[]> get(byte[] svg, int width, int height) {
    return kept.get(svg, width, height);
  }

  @Override
  public void put(byte[] svg, int width, int height, byte[] png) throws IOException {
    renders.incrementAndGet();
    kept.put(svg, width, height, png);
  }
}
