package io.huoshui.bankkit;

import io.huoshui.vocabulary.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the bank's own topic {@code huoshui.bank.<code>.matches} as the bank's principal:
 * SASL/SCRAM with its client id and secret, in a consumer group named after its client id (the only
 * groups its ACLs allow). Each record is verified, then handed to the {@link MatchHandler};
 * delivery is at least once, so an event id seen moments ago is not handed over again.
 */
public final class BankTopicReader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BankTopicReader.class);
  private static final int REMEMBERED_EVENTS = 10_000;

  /** Where a consumer group without committed offsets starts. */
  public enum Start {
    /** Every event still on the topic: a bank joining must not miss a match. */
    EARLIEST,
    /** Only events that come after the group is assigned its partitions. */
    LATEST
  }

  private final KafkaConsumer<String, String> consumer;
  private final String topic;
  private final EventVerifier verifier;
  private final CountDownLatch assigned = new CountDownLatch(1);
  private final Map<String, Boolean> seen =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_EVENTS;
        }
      };
  private volatile boolean running = true;

  /**
   * @param group the group's name after the client id ({@code <clientId>-<group>}), or empty for
   *     the client id itself
   * @param overrides Kafka client settings that replace the SASL ones (a test broker's PLAINTEXT)
   */
  public BankTopicReader(
      String bootstrap,
      BankCredentials credentials,
      String group,
      Start start,
      Map<String, Object> overrides,
      EventVerifier verifier) {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
    config.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
            .formatted(credentials.clientId(), credentials.secret()));
    config.put(
        ConsumerConfig.GROUP_ID_CONFIG,
        group.isEmpty() ? credentials.clientId() : credentials.clientId() + "-" + group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, start.name().toLowerCase());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.putAll(overrides);
    this.consumer = new KafkaConsumer<>(config);
    this.topic = Topics.bankMatches(credentials.bankCode());
    this.verifier = verifier;
  }

  /** The topic read. */
  public String topic() {
    return topic;
  }

  /** Waits until the group holds its partitions, their start positions resolved. */
  public boolean awaitAssigned(Duration limit) throws InterruptedException {
    return assigned.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Reads until {@link #close()} from another thread. A handler that throws stops the reading with
   * its exception, the offsets of the events handled before it committed.
   */
  public void run(MatchHandler handler) throws Exception {
    consumer.subscribe(
        List.of(topic),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Resolves where reading starts now, so that "latest" means the moment of assignment.
            partitions.forEach(consumer::position);
            log.info("已读取本行主题 / reading {}: partitions {}", topic, partitions);
            assigned.countDown();
          }

          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
        });
    try {
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          deliver(record, handler);
        }
        consumer.commitSync();
      }
    } catch (WakeupException closing) {
      if (running) {
        throw closing;
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void deliver(ConsumerRecord<String, String> record, MatchHandler handler)
      throws Exception {
    MatchEvent event;
    try {
      event = verifier.verify(record.key(), record.value());
    } catch (EventVerifier.InvalidEvent invalid) {
      log.warn(
          "跳过无效记录 / skipped an invalid record at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          invalid.getMessage());
      handler.rejected(record, invalid);
      return;
    }
    if (seen.put(event.envelope().id(), Boolean.TRUE) != null) {
      log.info("重复投递，已忽略 / a redelivered event {}, ignored", event.envelope().id());
      return;
    }
    try {
      handler.handle(event);
    } catch (Exception failed) {
      seen.remove(event.envelope().id());
      consumer.commitSync(
          Map.of(
              new TopicPartition(record.topic(), record.partition()),
              new OffsetAndMetadata(record.offset())));
      throw failed;
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
  }
}
