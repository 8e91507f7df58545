package dev.badgesmith.bench;

import dev.badgesmith.cli.Main;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a build holds live, for {@link HugoBenchmark}: runs one {@code badgesmith} command in this
 * JVM (started with the heap limit under test) while a thread collects the whole heap every {@code
 * INTERVAL} ms with {@code System.gc()} (a full, stop-the-world collection) and reads the heap in
 * use just after it: that is what the build keeps reachable at that moment, garbage excluded. It
 * prints the largest such reading and the one after the command ended. The collections slow the
 * build down, so this run is never the timed one.
 *
 * <pre>java -Xmx1g -cp CLASSPATH dev.badgesmith.bench.HeapProbe INTERVAL build SITE --out ...</pre>
 */
public final class HeapProbe {
  private HeapProbe() {}

  /**
   * Runs a command in a new JVM with {@code -Xmx1g} under this probe; returns the largest live heap
   * and the heap after, in bytes.
   */
  static long[] measure(List<String> arguments) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                BenchProcesses.java(),
                "-Xmx1g",
                "-cp",
                SiteBenchmark.classPath(),
                HeapProbe.class.getName(),
                "500"));
    command.addAll(arguments);
    String output = SiteBenchmark.timed(command, Map.of()).output();
    Matcher m = Pattern.compile("heap peak (\\d+) after (\\d+) samples (\\d+)").matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no heap reading in: " + output);
    }
    long[] heap = {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    System.out.printf(
        Locale.ROOT,
        "  heap: largest live %,d MB over %s full GCs, %,d MB after the build%n",
        heap[0] / (1024 * 1024),
        m.group(3),
        heap[1] / (1024 * 1024));
    return heap;
  }

  public static void main(String[] args) throws InterruptedException {
    long interval = Long.parseLong(args[0]);
    String[] command = Arrays.copyOfRange(args, 1, args.length);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    AtomicLong samples = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  Thread.sleep(interval);
                } catch (InterruptedException e) {
                  return;
                }
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                samples.incrementAndGet();
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true);
    int code = Main.run(command, System.getenv(), quiet, new PrintWriter(System.err, true));
    sampler.interrupt();
    sampler.join();
    System.gc();
    long after = memory.getHeapMemoryUsage().getUsed();
    System.out.printf(
        Locale.ROOT,
        "heap peak %d after %d samples %d max %d exit %d%n",
        peak.get(),
        after,
        samples.get(),
        Runtime.getRuntime().maxMemory(),
        code);
    System.exit(code);
  }
}
