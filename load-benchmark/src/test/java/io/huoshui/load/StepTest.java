package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StepTest {

  private static final long S = TimeUnit.SECONDS.toNanos(1);

  @Test
  void theTimeToDecisionIsSplitByWhenTheDemandWasAcceptedInTheStep() {
    Step step = new Step("10 demands/s", 10, Duration.ofSeconds(30), List.of("gateway", "nginx"));
    step.started(100 * S);
    PathStats gateway = step.path("gateway");
    // Accepted at 0..29 s into the step; the time to decision grows 10 ms per second.
    for (int second = 0; second < 30; second++) {
      Ledger.Accepted demand = new Ledger.Accepted(step, gateway, (100 + second) * S, 0);
      step.proposal(
          demand,
          Duration.ofMillis(50 + 10L * second),
          Duration.ofMillis(40 + 10L * second),
          Duration.ofMillis(10));
    }

    // The first third is 0..9 s (40..130 ms), the last 20..29 s (240..330 ms); 10..19 s in neither.
    assertThat(step.firstThirdToDecision().count()).isEqualTo(10);
    assertThat(step.lastThirdToDecision().count()).isEqualTo(10);
    assertThat(step.firstThirdToDecision().p50()).isCloseTo(80, within(0.1));
    assertThat(step.lastThirdToDecision().p50()).isCloseTo(280, within(0.1));
    assertThat(step.toBankLatency().count()).isEqualTo(30);
    assertThat(gateway.proposalCount()).isEqualTo(30);
    assertThat(step.path("nginx").proposalCount()).isZero();
  }

  @Test
  void acceptedAndErrorsAddUpOverThePaths() {
    Step step = new Step("50 demands/s", 50, Duration.ofSeconds(20), List.of("gateway", "nginx"));
    step.path("gateway").accepted(0, 1);
    step.path("nginx").accepted(0, 1);
    step.path("nginx").accepted(0, 1);
    step.path("gateway").failed("503");
    step.path("nginx").failed("429");
    step.path("nginx").failed("HttpTimeoutException");
    assertThat(step.accepted()).isEqualTo(3);
    assertThat(step.errors()).isEqualTo(3);
  }

  @Test
  void twoPathsTakeTheStepInTheOrderAbba() {
    long count = 100;
    assertThat(LoadBenchmark.pathIndex(2, 0, count)).isZero();
    assertThat(LoadBenchmark.pathIndex(2, 24, count)).isZero();
    assertThat(LoadBenchmark.pathIndex(2, 25, count)).isOne();
    assertThat(LoadBenchmark.pathIndex(2, 74, count)).isOne();
    assertThat(LoadBenchmark.pathIndex(2, 75, count)).isZero();
    assertThat(LoadBenchmark.pathIndex(2, 99, count)).isZero();
    assertThat(LoadBenchmark.pathIndex(1, 50, count)).isZero();
  }
}
