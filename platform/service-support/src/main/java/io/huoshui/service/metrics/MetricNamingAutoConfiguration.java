package io.huoshui.service.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps every process's scrape clean under {@code promtool check metrics}: the Kafka client reports
 * some timings in nanoseconds and some gauges named {@code ..count}, which Prometheus reads as a
 * non-base unit and as half of a histogram. Nothing an operator watches is among them: lag, rates
 * and totals stay. The framework meters of the same kind are switched off in
 * huoshui-service-defaults.yml.
 */
@AutoConfiguration
@ConditionalOnClass(MeterFilter.class)
public class MetricNamingAutoConfiguration {

  private static final Pattern KAFKA_MISNAMED =
      Pattern.compile("kafka\\..*(\\.ns\\.|\\.time\\.ns|connection\\.count$|\\.start\\.time\\.ms)");

  @Bean
  MeterFilter kafkaMetricsPrometheusCannotName() {
    return MeterFilter.deny(id -> KAFKA_MISNAMED.matcher(id.getName()).find());
  }
}
