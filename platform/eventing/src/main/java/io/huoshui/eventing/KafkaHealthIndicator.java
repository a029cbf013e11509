package io.huoshui.eventing;

import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/** Kafka in /actuator/health: DOWN when no broker answers, so that the local run waits for it. */
final class KafkaHealthIndicator extends AbstractReactiveHealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Admin admin;

  KafkaHealthIndicator(Admin admin) {
    super("Kafka health check failed");
    this.admin = admin;
  }

  @Override
  protected Mono<Health> doHealthCheck(Health.Builder builder) {
    DescribeClusterResult cluster =
        admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
    return Mono.zip(
            Mono.fromCompletionStage(cluster.clusterId().toCompletionStage()),
            Mono.fromCompletionStage(cluster.nodes().toCompletionStage()))
        .map(
            result ->
                builder
                    .up()
                    .withDetail("clusterId", result.getT1())
                    .withDetail("brokers", result.getT2().size())
                    .build())
        .timeout(TIMEOUT.plusSeconds(1));
  }
}
