package io.huoshui.load;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Sends at a fixed rate whatever the answers take (open loop): a slow answer never delays the next
 * send, it queues behind the busy senders instead, and the latency counts from the moment a send
 * was due. A closed loop would send less exactly when the system is slow and hide it.
 */
final class OpenLoop {

  private OpenLoop() {}

  /**
   * Calls {@code send} with the due time ({@link System#nanoTime()}) of each of {@code rate x
   * duration} sends, on {@code senders} threads, and returns once every one has returned: the time
   * from the first due send to the last return, in nanoseconds.
   */
  static long run(double rate, Duration duration, int senders, LongConsumer send) {
    long count = Math.round(rate * duration.toNanos() / 1e9);
    double intervalNanos = 1e9 / rate;
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            senders,
            task -> {
              Thread thread = new Thread(task, "sender-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    AtomicLong lastReturn = new AtomicLong();
    long start = System.nanoTime();
    try {
      for (long i = 0; i < count; i++) {
        long due = start + Math.round(i * intervalNanos);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        pool.execute(
            () -> {
              send.accept(due);
              lastReturn.accumulateAndGet(System.nanoTime(), Math::max);
            });
      }
    } finally {
      pool.shutdown();
    }
    try {
      if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("sends still running five minutes after the last was due");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the last sends", e);
    }
    return count == 0 ? 0 : lastReturn.get() - start;
  }
}
