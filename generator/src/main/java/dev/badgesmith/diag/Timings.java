package dev.badgesmith.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * How long each stage of a build took, as {@code badgesmith build --timings} prints it: a large
 * site's maintainer can see where a build spends its time without a profiler.
 */
public final class Timings {
  /** One stage, from the end of the one before it. */
  public record Stage(String name, long millis) {}

  private final List<Stage> stages = new ArrayList<>();
  private long last = System.nanoTime();

  /** Ends the stage that began at the last mark (or at creation), under this name. */
  public synchronized void mark(String stage) {
    long now = System.nanoTime();
    stages.add(new Stage(stage, (now - last) / 1_000_000));
    last = now;
  }

  public synchronized List<Stage> stages() {
    return List.copyOf(stages);
  }
}
