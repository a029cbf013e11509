package io.huoshui.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * As fast as the network answers: {@code concurrency} submitters, each sending its next demand as
 * soon as its last one is answered, for a fixed time. What this finds is the throughput at
 * saturation of one path, to compare the gateway with nginx where both are the bottleneck; its
 * latencies say nothing about a rate, unlike {@link OpenLoop}'s.
 */
final class ClosedLoop {

  private ClosedLoop() {}

  /**
   * Runs the submitters for {@code duration} and returns the nanoseconds from the start to the last
   * answer (sends in flight at the end are awaited, at most {@code patience}).
   */
  static long run(
      int concurrency, Duration duration, Duration patience, Supplier<CompletableFuture<?>> send)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    AtomicLong lastAnswer = new AtomicLong(start);
    CountDownLatch finished = new CountDownLatch(concurrency);
    for (int i = 0; i < concurrency; i++) {
      next(send, deadline, lastAnswer, finished);
    }
    finished.await(duration.plus(patience).toNanos(), TimeUnit.NANOSECONDS);
    return lastAnswer.get() - start;
  }

  private static void next(
      Supplier<CompletableFuture<?>> send,
      long deadline,
      AtomicLong lastAnswer,
      CountDownLatch finished) {
    // Async: an answer that completes at once must not nest the next send in its stack.
    send.get()
        .whenCompleteAsync(
            (ignored, error) -> {
              long now = System.nanoTime();
              lastAnswer.accumulateAndGet(now, Math::max);
              if (now < deadline) {
                next(send, deadline, lastAnswer, finished);
              } else {
                finished.countDown();
              }
            });
  }
}
