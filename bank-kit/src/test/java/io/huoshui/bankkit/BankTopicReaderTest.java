package io.huoshui.bankkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.testsupport.SharedInfrastructure;
import io.huoshui.vocabulary.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reader on the real broker the test support starts, on its PLAINTEXT listener (the SASL one
 * and the banks' ACLs belong to the local run): every producer example reaches the handler once,
 * even delivered twice, in the order of the topic, and a record that is not a valid event is set
 * aside.
 */
class BankTopicReaderTest {

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @Test
  void verifiedEventsReachTheHandlerOnceAndAnInvalidRecordIsRejected() throws Exception {
    String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    BankCredentials bank = new BankCredentials("bank-kit-" + UUID.randomUUID(), "unused");
    List<ObjectNode> examples = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      examples.addAll(ProducerExamples.of(kind));
    }
    ObjectNode invalid = ProducerExamples.of(EventKind.RELEASED).get(0).put("specversion", "0.3");

    String topic = Topics.bankMatches(bank.bankCode());
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      // One partition: the invalid record, sent last, is read after every other one.
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> producer = producer(bootstrap)) {
      for (ObjectNode example : examples) {
        String key = example.get("subject").asString();
        producer.send(new ProducerRecord<>(topic, key, example.toString()));
        producer.send(new ProducerRecord<>(topic, key, example.toString()));
      }
      producer.send(
          new ProducerRecord<>(topic, invalid.get("subject").asString(), invalid.toString()));
      producer.flush();
    }

    List<MatchEvent> handled = new CopyOnWriteArrayList<>();
    CountDownLatch rejected = new CountDownLatch(1);
    BankTopicReader reader =
        new BankTopicReader(
            bootstrap,
            bank,
            "test",
            BankTopicReader.Start.EARLIEST,
            Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT"),
            new EventVerifier(ProducerExamples.JSON));
    CompletableFuture<Void> reading =
        CompletableFuture.runAsync(
            () -> {
              try {
                reader.run(
                    new MatchHandler() {
                      @Override
                      public void handle(MatchEvent event) {
                        handled.add(event);
                      }

                      @Override
                      public void rejected(
                          ConsumerRecord<String, String> record, EventVerifier.InvalidEvent why) {
                        assertThat(why.violations()).anyMatch(v -> v.contains("specversion"));
                        rejected.countDown();
                      }
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(rejected.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    reader.close();
    reading.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(handled)
        .extracting(event -> event.envelope().id())
        .containsExactlyElementsOf(examples.stream().map(e -> e.get("id").asString()).toList());
    assertThat(handled).hasAtLeastOneElementOfType(MatchEvent.Escalated.class);
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class.getName()));
  }
}
