package io.huoshui.eventing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code huoshui.events.*}: what a service publishes and consumes, and how the plumbing runs. */
@ConfigurationProperties("huoshui.events")
public class EventingProperties {

  /** The CloudEvents source of this service's events; defaults to /huoshui/{application name}. */
  private URI source;

  /** Topics this service publishes to: it declares them, with their dead-letter topics. */
  private List<String> produces = new ArrayList<>();

  /** Topics this service consumes: it declares their dead-letter topics. */
  private List<String> consumes = new ArrayList<>();

  /** Partitions of the topics it declares. */
  private int partitions = 3;

  /** Replication factor of the topics it declares (1 on a single local broker). */
  private short replicas = 1;

  private final Outbox outbox = new Outbox();
  private final Consumer consumer = new Consumer();

  public URI getSource() {
    return source;
  }

  public void setSource(URI source) {
    this.source = source;
  }

  public List<String> getProduces() {
    return produces;
  }

  public void setProduces(List<String> produces) {
    this.produces = produces;
  }

  public List<String> getConsumes() {
    return consumes;
  }

  public void setConsumes(List<String> consumes) {
    this.consumes = consumes;
  }

  public int getPartitions() {
    return partitions;
  }

  public void setPartitions(int partitions) {
    this.partitions = partitions;
  }

  public short getReplicas() {
    return replicas;
  }

  public void setReplicas(short replicas) {
    this.replicas = replicas;
  }

  public Outbox getOutbox() {
    return outbox;
  }

  public Consumer getConsumer() {
    return consumer;
  }

  /** {@code huoshui.events.outbox.*} */
  public static class Outbox {

    /** Whether this instance relays its outbox to Kafka. */
    private boolean relayEnabled = true;

    /** How often the relay looks for committed events. */
    private Duration pollInterval = Duration.ofMillis(200);

    /** Events per relay transaction. */
    private int batchSize = 200;

    /** How long published rows are kept before they are purged. */
    private Duration retention = Duration.ofDays(7);

    /** How often published rows past the retention are purged. */
    private Duration purgeInterval = Duration.ofHours(1);

    public boolean isRelayEnabled() {
      return relayEnabled;
    }

    public void setRelayEnabled(boolean relayEnabled) {
      this.relayEnabled = relayEnabled;
    }

    public Duration getPollInterval() {
      return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    public Duration getRetention() {
      return retention;
    }

    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    public Duration getPurgeInterval() {
      return purgeInterval;
    }

    public void setPurgeInterval(Duration purgeInterval) {
      this.purgeInterval = purgeInterval;
    }
  }

  /** {@code huoshui.events.consumer.*} */
  public static class Consumer {

    /** Longest an effect may take before the record is retried. */
    private Duration effectTimeout = Duration.ofSeconds(30);

    /** First wait before a failed record is retried; doubles up to the maximum. */
    private Duration initialBackoff = Duration.ofMillis(500);

    private Duration maxBackoff = Duration.ofSeconds(10);

    /**
     * How long a record that fails for a transient reason (its database briefly down) is retried,
     * holding its partition, before it goes to the dead-letter topic.
     */
    private Duration maxRetryTime = Duration.ofMinutes(2);

    public Duration getEffectTimeout() {
      return effectTimeout;
    }

    public void setEffectTimeout(Duration effectTimeout) {
      this.effectTimeout = effectTimeout;
    }

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    public Duration getMaxRetryTime() {
      return maxRetryTime;
    }

    public void setMaxRetryTime(Duration maxRetryTime) {
      this.maxRetryTime = maxRetryTime;
    }
  }
}
