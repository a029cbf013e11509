package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

  @Test
  void dueTimesKeepTheRateWhileSendersAreSlow() {
    ConcurrentLinkedQueue<Long> due = new ConcurrentLinkedQueue<>();
    long took =
        OpenLoop.run(
            200,
            Duration.ofMillis(100),
            2,
            at -> {
              due.add(at);
              sleep(20);
            });

    List<Long> sorted = due.stream().sorted().toList();
    assertThat(sorted).hasSize(20);
    // 5 ms apart whatever the senders take; 20 sends of 20 ms on two threads need 200 ms.
    assertThat(sorted.get(19) - sorted.get(0)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(95));
    assertThat(took).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
