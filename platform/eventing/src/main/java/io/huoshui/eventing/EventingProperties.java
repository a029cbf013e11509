package io.huoshui.eventing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code huoshui.events.*}: what a service publishes and consumes, and how the plumbing runs.
 *
 * @param source the CloudEvents source of this service's events; /huoshui/{application name} when
 *     unset
 * @param produces topics this service publishes to: it declares them, with their dead-letter topics
 * @param consumes topics this service consumes: it declares their dead-letter topics
 * @param partitions partitions of the topics it declares
 * @param replicas replication factor of the topics it declares (1 on a single local broker)
 */
@ConfigurationProperties("huoshui.events")
public record EventingProperties(
    URI source,
    @DefaultValue List<String> produces,
    @DefaultValue List<String> consumes,
    @DefaultValue("3") int partitions,
    @DefaultValue("1") short replicas,
    @DefaultValue Outbox outbox,
    @DefaultValue Consumer consumer) {

  /**
   * {@code huoshui.events.outbox.*}
   *
   * @param relayEnabled whether this instance relays its outbox to Kafka
   * @param pollInterval how often the relay looks for committed events besides the commits it is
   *     told of (in-process, or by PostgreSQL's notifications): the safety net for a lost signal
   *     and the retry of a failed publish
   * @param batchSize events per relay transaction
   * @param retention how long published rows are kept before they are purged
   * @param purgeInterval how often published rows past the retention are purged
   */
  public record Outbox(
      @DefaultValue("true") boolean relayEnabled,
      @DefaultValue("2s") Duration pollInterval,
      @DefaultValue("200") int batchSize,
      @DefaultValue("7d") Duration retention,
      @DefaultValue("1h") Duration purgeInterval) {}

  /**
   * {@code huoshui.events.consumer.*}
   *
   * @param effectTimeout longest an effect may take before the record is retried
   * @param initialBackoff first wait before a failed record is retried; doubles up to the maximum
   * @param maxBackoff longest wait between retries
   * @param maxRetryTime how long a record that fails for a transient reason (its database briefly
   *     down) is retried, holding its partition, before it goes to the dead-letter topic
   */
  public record Consumer(
      @DefaultValue("30s") Duration effectTimeout,
      @DefaultValue("500ms") Duration initialBackoff,
      @DefaultValue("10s") Duration maxBackoff,
      @DefaultValue("2m") Duration maxRetryTime) {}
}
