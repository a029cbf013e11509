package io.huoshui.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * A bank's system reading its own topic as a bank would: a plain Kafka consumer on the SASL
 * listener, with the bank's SCRAM credentials (its client id and secret) and a group of its own.
 */
final class BankTopic implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<JsonNode> received = new ArrayList<>();

  private BankTopic(KafkaConsumer<String, String> consumer) {
    this.consumer = consumer;
  }

  static BankTopic of(String bankCode) {
    return open(bankCode, "huoshui.bank." + bankCode + ".matches", "bank-" + bankCode);
  }

  /** Credentials of one bank, a topic (perhaps another bank's) and a group name. */
  static BankTopic open(String bankCode, String topic, String groupPrefix) {
    String clientId = "bank-" + bankCode;
    Properties config = new Properties();
    config.putAll(
        Map.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            SystemNetwork.BANK_KAFKA,
            CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
            "SASL_PLAINTEXT",
            SaslConfigs.SASL_MECHANISM,
            "SCRAM-SHA-512",
            SaslConfigs.SASL_JAAS_CONFIG,
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"%s\" password=\"%s\";".formatted(clientId, Api.secretOf(clientId)),
            ConsumerConfig.GROUP_ID_CONFIG,
            groupPrefix + "-system-test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class.getName()));
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
    consumer.subscribe(List.of(topic));
    return new BankTopic(consumer);
  }

  /** Polls once and returns every envelope received so far. */
  List<JsonNode> poll() {
    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
      received.add(Api.JSON.readTree(record.value()));
    }
    return List.copyOf(received);
  }

  /**
   * The payloads received so far of one event type of the topic, oldest first.
   *
   * @param event the type's name, e.g. {@code MatchReleased}
   */
  List<JsonNode> dataOf(String event) {
    return poll().stream()
        .filter(envelope -> envelope.get("type").asString().endsWith("." + event + ".v1"))
        .map(envelope -> envelope.get("data"))
        .toList();
  }

  /** The payload of the first event of the type that passes the test, once it has arrived. */
  JsonNode awaitFirst(String event, Predicate<JsonNode> test, Duration atMost) {
    return await()
        .atMost(atMost)
        .until(() -> dataOf(event).stream().filter(test).findFirst(), found -> found.isPresent())
        .orElseThrow();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
