package dev.badgesmith;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.write.SiteWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/** Waiting for the work a build runs beside itself, and cleaning up after it. */
final class BuildTasks {
  private BuildTasks() {}

  /**
   * Waits for the build's tasks still running: when one fails, its siblings (other pages, other
   * awards) may still be writing into the staging folder, which would refill it as it is deleted.
   */
  static void settle(ForkJoinPool pool) {
    pool.awaitQuiescence(1, java.util.concurrent.TimeUnit.MINUTES);
  }

  /** Drops the staging folder of a writer that is not to be used, once it is open. */
  static void abandon(CompletableFuture<SiteWriter> opening) {
    opening.thenAccept(SiteWriter::abandon).exceptionally(e -> null).join();
  }

  /**
   * The result of work run beside the build, with its exception as thrown (not wrapped), so a
   * {@link BadgesmithException} reaches the user with its own message.
   */
  static <T> T join(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
