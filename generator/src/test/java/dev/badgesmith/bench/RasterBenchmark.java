package dev.badgesmith.bench;

import dev.badgesmith.images.CountingPngStore;
import dev.badgesmith.images.PngStore;
import dev.badgesmith.images.SocialCardRenderer;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.incremental.RenderedPngs;
import dev.badgesmith.model.SiteSettings;
import dev.badgesmith.pages.SocialCardTemplate;
import dev.badgesmith.pages.SocialCardView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How long rasterising takes: a harness, not a test, so that no build fails on a slow machine.
 *
 * <pre>
 * mvn -B -pl templates,generator test-compile exec:java \
 *   -Dexec.mainClass=dev.badgesmith.bench.RasterBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * <p>Reports, at 512 px: the first render of the JVM (cold: Batik's classes load), the mean of
 * later renders (warm), a social card, and the cost of a cache hit (hash the SVG, read the file).
 * Every rendered SVG differs by one colour, so nothing is served from any cache by accident.
 */
public final class RasterBenchmark {
  private static final int WARM_UP = 30;
  private static final int RENDERS = 100;
  private static final int LOOKUPS = 10_000;
  private static final int DISTINCT = 100;

  private RasterBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path cache = Files.createTempDirectory("badgesmith-raster-bench");
    try {
      run(cache);
    } finally {
      try (Stream<Path> files = Files.walk(cache)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static void run(Path cache) throws IOException {
    SvgRasterizer uncached = new SvgRasterizer(PngStore.NONE);
    int size = SiteSettings.DEFAULT_PNG_SIZE;

    long start = System.nanoTime();
    uncached.toPng(badge(0), size);
    report("cold render, 512 px (first in this JVM)", millis(start), "ms");

    for (int i = 1; i <= WARM_UP; i++) {
      uncached.toPng(badge(i), size);
    }
    start = System.nanoTime();
    for (int i = 0; i < RENDERS; i++) {
      uncached.toPng(badge(1000 + i), size);
    }
    report("warm render, 512 px", millis(start) / RENDERS, "ms per render");

    start = System.nanoTime();
    for (int i = 0; i < RENDERS; i++) {
      uncached.toPng(badge(2000 + i), 256);
    }
    report("warm render, 256 px", millis(start) / RENDERS, "ms per render");

    SocialCardTemplate template = new SocialCardTemplate(java.util.Optional.empty());
    SocialCardRenderer cards = new SocialCardRenderer(uncached);
    String art =
        "data:image/png;base64,"
            + Base64.getEncoder().encodeToString(uncached.toPng(badge(0), 512));
    int cardRuns = RENDERS / 4;
    start = System.nanoTime();
    for (int i = 0; i < cardRuns; i++) {
      cards.render(
          template.render(new SocialCardView("Code Reviewer " + i, "Rust Guild", "Guild", art)));
    }
    report("social card, 1200 x 630 (template + render)", millis(start) / cardRuns, "ms per card");

    SvgRasterizer filling = new SvgRasterizer(new RenderedPngs(key -> cache.resolve(key + ".png")));
    for (int i = 0; i < DISTINCT; i++) {
      filling.toPng(badge(3000 + i), size);
    }
    CountingPngStore nextStore =
        new CountingPngStore(new RenderedPngs(key -> cache.resolve(key + ".png")));
    SvgRasterizer nextBuild = new SvgRasterizer(nextStore);
    byte[][] svgs = new byte[DISTINCT][];
    for (int i = 0; i < DISTINCT; i++) {
      svgs[i] = badge(3000 + i);
    }
    for (int i = 0; i < LOOKUPS; i++) {
      nextBuild.toPng(svgs[i % DISTINCT], size);
    }
    start = System.nanoTime();
    for (int i = 0; i < LOOKUPS; i++) {
      nextBuild.toPng(svgs[i % DISTINCT], size);
    }
    report("cache hit, 512 px", millis(start) * 1000 / LOOKUPS, "us per lookup");
    report("renders during the cache-hit runs", nextStore.renders(), "(must be 0)");
  }

  /** A badge like the example site's, coloured by {@code n} so that each one is new. */
  private static byte[] badge(int n) {
    String colour = String.format(Locale.ROOT, "#%06x", (n * 2654435761L) & 0xffffff);
    return ("""
        <svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
          <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0" stop-color="%s"/><stop offset="1" stop-color="#1b5e20"/>
          </linearGradient></defs>
          <circle cx="256" cy="256" r="240" fill="url(#g)"/>
          <circle cx="256" cy="256" r="212" fill="#43a047"/>
          <g stroke="#e8f5e9" stroke-width="14" stroke-linecap="round">
            <line x1="120" y1="150" x2="300" y2="150"/><line x1="150" y1="190" x2="360" y2="190"/>
            <line x1="150" y1="230" x2="260" y2="230"/><line x1="120" y1="270" x2="240" y2="270"/>
          </g>
          <circle cx="300" cy="240" r="64" fill="#fff" fill-opacity="0.25" stroke="#fff"
                  stroke-width="20"/>
          <path d="M346 286 L398 338" stroke="#fff" stroke-width="28" stroke-linecap="round"/>
          <rect x="106" y="350" width="300" height="60" rx="12" fill="#1b5e20"/>
          <text x="256" y="393" font-family="DejaVu Sans, sans-serif" font-size="38"
                font-weight="bold" fill="#fff" text-anchor="middle">REVIEWER</text>
        </svg>
        """)
        .formatted(colour)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static double millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  private static void report(String what, double value, String unit) {
    System.out.printf(Locale.ROOT, "%-46s %10.2f %s%n", what, value, unit);
  }
}
