package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String TEXT =
      """
      # HELP jvm_gc_pause_seconds Time spent in GC pause
      # TYPE jvm_gc_pause_seconds summary
      jvm_gc_pause_seconds_count{action="end of minor GC",application="matching-service",cause="Allocation Failure",gc="Copy"} 412
      jvm_gc_pause_seconds_sum{action="end of minor GC",application="matching-service",cause="Allocation Failure",gc="Copy"} 1.75
      jvm_gc_pause_seconds_sum{action="end of major GC",application="matching-service",cause="Metadata GC Threshold",gc="MarkSweepCompact"} 0.25
      jvm_gc_pause_seconds_max{action="end of minor GC",application="matching-service",cause="Allocation Failure",gc="Copy"} 0.012
      # TYPE huoshui_sql_statements_total counter
      huoshui_sql_statements_total{application="matching-service"} 12345.0
      process_uptime_seconds 812.5
      """;

  @Test
  void sumsEverySeriesOfAMetricWhateverItsLabels() {
    assertThat(PrometheusText.sum(TEXT, "jvm_gc_pause_seconds_sum").getAsDouble())
        .isCloseTo(2.0, within(1e-9));
    assertThat(PrometheusText.sum(TEXT, "huoshui_sql_statements_total").getAsDouble())
        .isCloseTo(12345.0, within(1e-9));
  }

  @Test
  void readsAMetricWithoutLabelsAndNotOneThatOnlySharesItsPrefix() {
    assertThat(PrometheusText.sum(TEXT, "process_uptime_seconds").getAsDouble())
        .isCloseTo(812.5, within(1e-9));
    assertThat(PrometheusText.sum(TEXT, "jvm_gc_pause_seconds")).isEmpty();
  }

  @Test
  void aMeterTheServiceDoesNotHaveIsAbsentNotZero() {
    assertThat(PrometheusText.sum(TEXT, "huoshui_outbox_published_total")).isEmpty();
  }
}
