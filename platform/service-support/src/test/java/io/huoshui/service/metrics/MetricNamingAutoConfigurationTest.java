package io.huoshui.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MetricNamingAutoConfigurationTest {

  @Test
  void dropsTheKafkaMetersPrometheusCannotNameAndKeepsTheOnesOperatorsWatch() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry
        .config()
        .meterFilter(new MetricNamingAutoConfiguration().kafkaMetricsPrometheusCannotName());

    registry.gauge("kafka.consumer.io.time.ns.avg", 1.0);
    registry.gauge("kafka.consumer.connection.count", 1.0);
    registry.gauge("kafka.app.info.start.time.ms", 1.0);
    registry.gauge("kafka.consumer.fetch.manager.records.lag.max", 1.0);
    registry.counter("kafka.producer.record.send.total").increment();

    assertThat(registry.getMeters())
        .extracting(meter -> meter.getId().getName())
        .containsExactlyInAnyOrder(
            "kafka.consumer.fetch.manager.records.lag.max", "kafka.producer.record.send.total");
  }

  @Test
  void camelCaseNamesAndLabelsBecomeSnakeCase() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(new MetricNamingAutoConfiguration().snakeCaseNames());

    registry.counter("spring.security.filterchains.AuthenticationFilter.before").increment();
    registry.counter("spring.cloud.gateway.requests", "routeId", "project-service").increment();

    assertThat(registry.find("spring.security.filterchains.authentication_filter.before").counter())
        .isNotNull();
    assertThat(
            registry
                .find("spring.cloud.gateway.requests")
                .tag("route_id", "project-service")
                .counter())
        .isNotNull();
  }
}
