package io.huoshui.service.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import java.util.Locale;
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

  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

  @Bean
  MeterFilter kafkaMetricsPrometheusCannotName() {
    return MeterFilter.deny(id -> KAFKA_MISNAMED.matcher(id.getName()).find());
  }

  /**
   * Snake case for names and label names that frameworks write in camel case (Spring Security's
   * per-filter observations, the gateway's {@code routeId}), as Prometheus' conventions ask.
   */
  @Bean
  MeterFilter snakeCaseNames() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        boolean camelTags = id.getTags().stream().anyMatch(tag -> hasHump(tag.getKey()));
        if (!hasHump(id.getName()) && !camelTags) {
          return id;
        }
        List<Tag> tags =
            id.getTags().stream().map(tag -> Tag.of(snake(tag.getKey()), tag.getValue())).toList();
        return id.withName(snake(id.getName())).replaceTags(tags);
      }
    };
  }

  private static boolean hasHump(String text) {
    return CAMEL_HUMP.matcher(text).find();
  }

  static String snake(String text) {
    return CAMEL_HUMP.matcher(text).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
  }
}
