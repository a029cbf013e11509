package io.huoshui.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Sends at a fixed rate whatever the answers take (open loop), from one scheduling thread that only
 * starts asynchronous sends: a slow answer never delays the next send, and no pool of blocking
 * senders runs dry when the answers slow down. The latency of each send counts from the moment it
 * was due (not from when it went out), so that a late send still shows its wait: a closed loop, or
 * a loop that measures from the actual send, would hide exactly the slowness it is there to measure
 * (coordinated omission).
 */
final class OpenLoop {

  /** Starts send number {@code index} of {@code count}, due at {@code dueNanos}. */
  interface Send {
    CompletableFuture<?> start(long index, long count, long dueNanos);
  }

  /**
   * What was asked and what went out: sends per second planned and sends per second actually
   * started, with how late the scheduling thread started them (a load program that cannot keep the
   * rate shows it here rather than in the network's figures).
   */
  record Offer(long sends, double offeredPerSecond, double sentPerSecond, double lagP99Ms) {}

  private OpenLoop() {}

  /** The due time of send {@code index} at {@code rate} per second from {@code start}. */
  static long due(long start, double rate, long index) {
    return start + Math.round(index * 1e9 / rate);
  }

  /**
   * Starts {@code rate x duration} sends at their due times ({@link System#nanoTime()}) and returns
   * once every one has completed, or {@code patience} after the last was due.
   */
  static Offer run(double rate, Duration duration, Duration patience, Send send) {
    long count = Math.round(rate * duration.toNanos() / 1e9);
    Histogram lag = new Histogram(3);
    List<CompletableFuture<?>> sends = new ArrayList<>((int) count);
    long start = System.nanoTime();
    long lastStarted = start;
    for (long i = 0; i < count; i++) {
      long due = due(start, rate, i);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      lastStarted = System.nanoTime();
      lag.recordValue(TimeUnit.NANOSECONDS.toMicros(Math.max(0, lastStarted - due)));
      sends.add(send.start(i, count, due));
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(patience.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // A failed send is recorded by the sender; one still running after the patience counts as
      // sent and unanswered, which the figures show as a missing 201.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the last sends", e);
    }
    double sentSeconds = (lastStarted - start) / 1e9 + 1 / rate;
    return new Offer(
        count,
        count / (duration.toNanos() / 1e9),
        count == 0 ? 0 : count / sentSeconds,
        count == 0 ? Double.NaN : lag.getValueAtPercentile(99) / 1000.0);
  }
}
