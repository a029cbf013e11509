package io.huoshui.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huoshui.infrastructure.KafkaBroker;
import io.huoshui.vocabulary.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A bank's credentials against the real broker, on its SASL listener, the way a bank's own system
 * connects: a plain Kafka consumer with SCRAM-SHA-512.
 */
class BankKafkaAccessTest extends IdentityHttp {

  private static final String JINSHANG = "bank-jinshang-bank";
  private static final String SHANXI = "bank-shanxi-bank";

  @Test
  void aBankReadsItsOwnTopicInItsOwnGroup() {
    String topic = Topics.bankMatches("jinshang-bank");
    String key = "demand-" + UUID.randomUUID();
    publish(topic, key, "{\"industry\":\"INDUSTRY_AND_SOFTWARE\",\"amount\":\"70000000.00\"}");

    try (KafkaConsumer<String, String> bank =
        bankConsumer(JINSHANG, demoSecret(JINSHANG), JINSHANG)) {
      bank.subscribe(List.of(topic));
      assertThat(pollFor(bank, key)).isNotNull();
    }
  }

  @Test
  void aBankCannotReadAnotherBanksTopic() {
    try (KafkaConsumer<String, String> bank =
        bankConsumer(JINSHANG, demoSecret(JINSHANG), JINSHANG)) {
      bank.subscribe(List.of(Topics.bankMatches("shanxi-bank")));
      assertThatThrownBy(() -> pollFor(bank, "never"))
          .isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void aBankCannotJoinAnotherBanksGroup() {
    try (KafkaConsumer<String, String> bank =
        bankConsumer(JINSHANG, demoSecret(JINSHANG), SHANXI)) {
      bank.subscribe(List.of(Topics.bankMatches("jinshang-bank")));
      assertThatThrownBy(() -> pollFor(bank, "never"))
          .isInstanceOf(GroupAuthorizationException.class);
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    try (KafkaConsumer<String, String> bank = bankConsumer(SHANXI, "guessed", SHANXI)) {
      bank.subscribe(List.of(Topics.bankMatches("shanxi-bank")));
      assertThatThrownBy(() -> pollFor(bank, "never"))
          .isInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void aRotatedSecretMovesKafkaAccessAlongAndADisabledBankIsShutOut() throws Exception {
    String operator = administratorToken();
    String code = "bank-" + UUID.randomUUID().toString().substring(0, 8);
    String clientId = "bank-" + code;
    String first = register(operator, clientId, "BANK", code);
    String topic = Topics.bankMatches(code);
    publish(topic, "k1", "first");

    HttpResponse<String> rotated =
        call("POST", "/api/v1/clients/" + clientId + "/rotate-secret", operator, null);
    String second = json.readTree(rotated.body()).get("clientSecret").asString();

    try (KafkaConsumer<String, String> stale = bankConsumer(clientId, first, clientId)) {
      stale.subscribe(List.of(topic));
      assertThatThrownBy(() -> pollFor(stale, "k1"))
          .isInstanceOf(SaslAuthenticationException.class);
    }
    try (KafkaConsumer<String, String> current = bankConsumer(clientId, second, clientId)) {
      current.subscribe(List.of(topic));
      assertThat(pollFor(current, "k1").value()).isEqualTo("first");
    }

    call("POST", "/api/v1/clients/" + clientId + "/disable", operator, null);
    try (KafkaConsumer<String, String> disabled = bankConsumer(clientId, second, clientId)) {
      disabled.subscribe(List.of(topic));
      assertThatThrownBy(() -> pollFor(disabled, "k1"))
          .isInstanceOf(SaslAuthenticationException.class);
    }
  }

  private static void publish(String topic, String key, String value) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SECURED_KAFKA.bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KafkaConsumer<String, String> bankConsumer(
      String username, String password, String group) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SECURED_KAFKA.saslBootstrapServers());
    config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    config.put(SaslConfigs.SASL_MECHANISM, KafkaBroker.SASL_MECHANISM);
    config.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
            .formatted(username, password));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return new KafkaConsumer<>(config);
  }

  /** Polls until the key arrives; an authorisation or authentication failure is thrown. */
  private static ConsumerRecord<String, String> pollFor(
      KafkaConsumer<String, String> consumer, String key) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
        if (key.equals(record.key())) {
          return record;
        }
        seen.add(record.key());
      }
    }
    throw new AssertionError("no record " + key + " within 20 s; saw " + seen);
  }
}
