package dev.badgesmith.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BesideTest {
  @Test
  void outsideAPoolTheWorkIsDoneByTheThreadThatAsksForItsResult() {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    Beside<String> work =
        Beside.start(
            () -> {
              ranOn.set(Thread.currentThread());
              return "signed";
            });
    assertThat(ranOn.get()).isNull();

    assertThat(work.result()).isEqualTo("signed");
    assertThat(ranOn.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void inAPoolAFreeThreadDoesTheWorkWhileTheOneThatOfferedItGoesOn() throws Exception {
    String result =
        inAPoolOfTwo(
            () -> {
              CountDownLatch started = new CountDownLatch(1);
              AtomicReference<Thread> ranOn = new AtomicReference<>();
              Beside<String> work =
                  Beside.start(
                      () -> {
                        ranOn.set(Thread.currentThread());
                        started.countDown();
                        return "signed";
                      });
              // This thread does not ask for the result until the work has begun: only the
              // pool's other thread can have begun it.
              boolean begun = await(started);
              String value = work.result();
              assertThat(begun).isTrue();
              assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
              return value;
            });
    assertThat(result).isEqualTo("signed");
  }

  @Test
  void whatTheWorkThrowsIsThrownAsItWasByEitherThread() throws Exception {
    // An exception with a constructor taking a cause: the pool would wrap it in another.
    IllegalStateException failure = new IllegalStateException("cannot sign: the key is gone");
    assertThatThrownBy(() -> Beside.start(() -> fail(failure)).result()).isSameAs(failure);

    Throwable thrown =
        inAPoolOfTwo(
            () -> {
              CountDownLatch started = new CountDownLatch(1);
              Beside<String> work =
                  Beside.start(
                      () -> {
                        started.countDown();
                        return fail(failure);
                      });
              await(started);
              try {
                work.result();
                return null;
              } catch (RuntimeException e) {
                return e;
              }
            });
    // The fork/join pool itself gives the joining thread a new exception around it.
    assertThat(thrown).isSameAs(failure);
  }

  /** What {@code work} returns, run on a thread of a fork/join pool with one other thread. */
  private static <T> T inAPoolOfTwo(Callable<T> work) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      return pool.submit(work).get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String fail(RuntimeException failure) {
    throw failure;
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
