package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

  @Test
  void dueTimesFollowTheRateFromTheStart() {
    assertThat(OpenLoop.due(1_000, 200, 0)).isEqualTo(1_000);
    assertThat(OpenLoop.due(1_000, 200, 19)).isEqualTo(1_000 + TimeUnit.MILLISECONDS.toNanos(95));
    assertThat(OpenLoop.due(0, 3, 1)).isEqualTo(333_333_333);
  }

  @Test
  void startsEverySendAtItsDueTimeWithoutWaitingForEarlierAnswers() {
    ConcurrentLinkedQueue<Long> due = new ConcurrentLinkedQueue<>();
    AtomicInteger answered = new AtomicInteger();
    // Every answer takes far longer than the whole schedule: only starting without waiting for
    // them lets all 20 sends go out, on the one scheduling thread.
    OpenLoop.Offer offer =
        OpenLoop.run(
            200,
            Duration.ofMillis(100),
            Duration.ofSeconds(30),
            (index, count, at) -> {
              due.add(at);
              return CompletableFuture.runAsync(
                  answered::incrementAndGet,
                  CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
            });

    List<Long> sorted = due.stream().sorted().toList();
    assertThat(sorted).hasSize(20);
    assertThat(sorted.get(19) - sorted.get(0)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(95));
    assertThat(offer.sends()).isEqualTo(20);
    assertThat(offer.offeredPerSecond()).isEqualTo(200.0);
    // It returns once every answer is in.
    assertThat(answered).hasValue(20);
  }
}
