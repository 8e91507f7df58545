package dev.badgesmith.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hot methods of a JFR recording's execution samples ({@code jdk.ExecutionSample}): by self
 * time (the sample's top frame), and by the first Badgesmith frame from the top (which of our
 * methods the time is spent under, libraries included). Also runnable on its own: {@code java -cp
 * ... dev.badgesmith.bench.JfrHotMethods FILE.jfr [N]}.
 */
final class JfrHotMethods {
  private JfrHotMethods() {}

  public static void main(String[] args) throws IOException {
    print(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 15);
  }

  /** Runs {@code java -jar JAR ARGUMENTS...} under JFR; prints its output and hot methods. */
  static void record(Path jar, List<String> arguments, Path recording) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                BenchProcesses.java(),
                "-XX:StartFlightRecording=filename=" + recording + ",settings=profile",
                "-jar",
                jar.toString()));
    command.addAll(arguments);
    SiteBenchmark.Timed run = SiteBenchmark.timed(command, Map.of());
    System.out.printf(
        Locale.ROOT, "profile: %s under JFR: %,d ms%n", String.join(" ", arguments), run.millis());
    run.output().lines().filter(l -> !l.startsWith("[")).forEach(l -> System.out.println("  " + l));
    print(recording, 20);
  }

  static void print(Path recording, int top) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
      String first = "(no Badgesmith frame in the sampled stack)";
      for (RecordedFrame frame : frames) {
        String name = name(frame.getMethod());
        if (name.startsWith("dev.badgesmith.")) {
          first = name;
          break;
        }
      }
      ours.merge(first, 1, Integer::sum);
      var thread = event.getThread("sampledThread");
      String threadName = thread == null ? "?" : thread.getJavaName();
      threads.merge(threadName == null ? "?" : threadName.replaceAll("\\d+", "N"), 1, Integer::sum);
    }
    System.out.printf(Locale.ROOT, "%,d execution samples in %s%n", samples, recording);
    table("self (top frame)", self, samples, top);
    table("under Badgesmith method (first dev.badgesmith frame from the top)", ours, samples, top);
    table("threads", threads, samples, 8);
  }

  private static void table(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.println("  " + title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "    %5.1f%%  %s%n",
                    100.0 * e.getValue() / Math.max(1, samples),
                    e.getKey()));
  }

  private static String name(RecordedMethod method) {
    return method.getType().getName() + "." + method.getName();
  }
}
