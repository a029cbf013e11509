package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PathStatsTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void percentilesOfAcceptLatencyCountFromTheDueTime() {
    PathStats stats = new PathStats("gateway");
    for (int ms = 1; ms <= 100; ms++) {
      long due = 1_000 * MS;
      stats.accepted(due, due + ms * MS);
    }
    PathStats.Percentiles latency = stats.acceptLatency();
    assertThat(latency.count()).isEqualTo(100);
    assertThat(latency.p50()).isCloseTo(50, within(0.1));
    assertThat(latency.p95()).isCloseTo(95, within(0.1));
    assertThat(latency.p99()).isCloseTo(99, within(0.1));
    assertThat(latency.max()).isCloseTo(100, within(0.1));
  }

  @Test
  void throughputIsWhatWasAcceptedOverTheTimeThePhasesLasted() {
    PathStats stats = new PathStats("nginx");
    for (int i = 0; i < 300; i++) {
      stats.accepted(0, MS);
    }
    stats.active(TimeUnit.SECONDS.toNanos(10));
    stats.active(TimeUnit.SECONDS.toNanos(5));
    assertThat(stats.throughput()).isCloseTo(20.0, within(1e-9));
  }

  @Test
  void nothingRecordedShowsNoFigureRatherThanZero() {
    PathStats stats = new PathStats("gateway");
    stats.failed("503");
    stats.failed("503");
    stats.failed("ConnectException");
    assertThat(stats.acceptLatency().p99()).isNaN();
    assertThat(stats.errors()).isEqualTo(Map.of("503", 2L, "ConnectException", 1L));
  }
}
