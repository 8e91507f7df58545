package dev.badgesmith.render;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;
import java.util.function.Supplier;

/**
 * Work offered to the build's other threads while this one goes on: a credential's VC-JWT, signed
 * while its Data Integrity proof is made. In a full build every thread is busy and the thread that
 * offered it takes it back; a rebuild of one award signs the two at once. What it throws is thrown
 * by {@link #result} as it was, not as the fork/join pool would wrap it for another thread.
 */
final class Beside<T> extends RecursiveTask<T> {
  private final transient Supplier<T> work;
  private final boolean forked;
  private transient RuntimeException failure;

  private Beside(Supplier<T> work) {
    this.work = work;
    // Outside a fork/join pool (a test's thread) there is no other thread to offer it to.
    this.forked = ForkJoinTask.inForkJoinPool();
    if (forked) {
      fork();
    }
  }

  /** Starts {@code work} on another of the pool's threads when one takes it. */
  static <T> Beside<T> start(Supplier<T> work) {
    return new Beside<>(work);
  }

  @Override
  protected T compute() {
    try {
      return work.get();
    } catch (RuntimeException e) {
      failure = e;
      return null;
    }
  }

  /** What the work made, once it is done: here, if no other thread took it. */
  T result() {
    T value = forked ? join() : invoke();
    if (failure != null) {
      throw failure;
    }
    return value;
  }
}
