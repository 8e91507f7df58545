package dev.badgesmith.bench;

import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.PngBaker;
import dev.badgesmith.bake.SvgBaker;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * How fast baking is; a harness, not a test. Run it from the project root with:
 *
 * <pre>mvn -B -o -pl templates,generator -Pbench process-test-classes</pre>
 */
public final class BakeBenchmark {
  private static final double TARGET_PER_SECOND = 10_000;
  private static final long ROUND_NANOS = 1_000_000_000L;
  private static final int ROUNDS = 5;

  private BakeBenchmark() {}

  public static void main(String[] args) throws Exception {
    byte[] png = noisyPng();
    byte[] svg = svg();
    String assertion = assertion();
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        Locale.ROOT,
        "PNG %d bytes, SVG %d bytes, payload %d bytes, %d cores, load average %.1f%n",
        png.length,
        svg.length,
        assertion.length(),
        cores,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("median of " + ROUNDS + " rounds of 1 s (best in brackets)");

    Supplier<byte[]> bakePng = () -> PngBaker.bake(png, BadgeVersion.OB2, assertion);
    Supplier<byte[]> bakeSvg =
        () ->
            SvgBaker.bake(
                svg, BadgeVersion.OB2, assertion, Optional.of("https://e.org/assertions/a.json"));
    for (int i = 0; i < 2; i++) {
      measure("warm-up PNG", bakePng, 1);
      measure("warm-up SVG", bakeSvg, 1);
    }

    report("PNG bakes, 1 thread", rounds("png", bakePng, 1));
    report("PNG bakes, " + cores + " threads", rounds("png", bakePng, cores));
    report("SVG bakes, 1 thread", rounds("svg", bakeSvg, 1));
    report("SVG bakes, " + cores + " threads", rounds("svg", bakeSvg, cores));
  }

  /** Bakes per second of each round, sorted. */
  private static double[] rounds(String name, Supplier<byte[]> bake, int threads) throws Exception {
    double[] rates = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      rates[i] = measure(name, bake, threads);
    }
    Arrays.sort(rates);
    return rates;
  }

  /** Bakes per second over one round on {@code threads} threads. */
  private static double measure(String name, Supplier<byte[]> bake, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      long deadline = start + ROUND_NANOS;
      Future<?>[] runs = new Future<?>[threads];
      long[] counts = new long[threads];
      long[] sink = new long[threads];
      for (int t = 0; t < threads; t++) {
        int slot = t;
        runs[t] =
            pool.submit(
                () -> {
                  long n = 0;
                  long bytes = 0;
                  while (System.nanoTime() < deadline) {
                    bytes += bake.get().length;
                    n++;
                  }
                  counts[slot] = n;
                  sink[slot] = bytes;
                });
      }
      long total = 0;
      for (int t = 0; t < threads; t++) {
        runs[t].get();
        total += counts[t];
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (sink[0] == 0) {
        throw new IllegalStateException(name + " produced nothing");
      }
      return total / seconds;
    } finally {
      pool.shutdown();
    }
  }

  private static void report(String what, double[] sortedRates) {
    double perSecond = sortedRates[sortedRates.length / 2];
    System.out.printf(
        Locale.ROOT,
        "%-22s %,10.0f /s [%,.0f]  (%.1f µs each, %.1fx the %,.0f/s target)%n",
        what,
        perSecond,
        sortedRates[sortedRates.length - 1],
        1e6 / perSecond,
        perSecond / TARGET_PER_SECOND,
        TARGET_PER_SECOND);
  }

  /** A deterministic 256×256 badge-like image (rings of four colours, 4% noise): about 20 KB. */
  private static byte[] noisyPng() throws IOException {
    int[] palette = {0xE44D26, 0xF16529, 0xEBEBEB, 0xFFFFFF};
    BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(42);
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        int dx = x - 128;
        int dy = y - 128;
        int colour = palette[(int) Math.sqrt(dx * dx + dy * dy) / 24 % 4];
        if (random.nextInt(100) < 4) {
          colour ^= random.nextInt(1 << 24);
        }
        image.setRGB(x, y, colour);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static byte[] svg() {
    StringBuilder b =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 512 512\">\n");
    for (int i = 0; i < 40; i++) {
      b.append("  <circle cx=\"")
          .append(i * 12)
          .append("\" cy=\"256\" r=\"10\" fill=\"#E44D26\"/>\n");
    }
    return b.append("</svg>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String assertion() {
    return """
        {
          "@context": "https://w3id.org/openbadges/v2",
          "type": "Assertion",
          "id": "https://badges.example.org/guild/assertions/rust-101/ada.json",
          "recipient": {
            "type": "email",
            "hashed": true,
            "salt": "3f1c2a",
            "identity": "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"
          },
          "badge": "https://badges.example.org/guild/badges/rust-101.json",
          "issuedOn": "2025-03-14T00:00:00Z",
          "verification": {"type": "HostedBadge"}
        }
        """;
  }
}
