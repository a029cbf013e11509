package io.huoshui.bankkit;

import java.time.Duration;

/**
 * How often an answer is sent again after a 5xx or no reply, and how long to wait between: the wait
 * doubles from {@code firstWait} up to {@code longestWait}. Every attempt of one answer carries the
 * same idempotency key, so a retry after a reply that was lost records nothing twice.
 */
public record RetryPolicy(
    int attempts, Duration firstWait, Duration longestWait, Duration timeout) {

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }

  /** Six attempts over about half a minute, each waiting up to 30 s for a reply. */
  public static RetryPolicy standard() {
    return new RetryPolicy(
        6, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30));
  }

  Duration waitBefore(int attempt) {
    Duration wait = firstWait.multipliedBy(1L << Math.min(attempt - 1, 20));
    return wait.compareTo(longestWait) > 0 ? longestWait : wait;
  }
}
