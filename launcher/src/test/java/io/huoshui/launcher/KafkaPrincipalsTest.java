package io.huoshui.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huoshui.infrastructure.KafkaBroker;
import io.huoshui.vocabulary.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each service's principal may write what it produces and nothing another service produces. */
class KafkaPrincipalsTest {

  private static final String BANK_TOPIC = Topics.bankMatches("test-bank");

  @TempDir static Path directory;

  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker =
        KafkaBroker.start(
            directory.resolve("kafka"),
            KafkaBroker.Listeners.free(),
            directory.resolve("kafka.log"),
            "384m",
            true);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic("huoshui.projects", 1, (short) 1),
                  new NewTopic("huoshui.products", 1, (short) 1),
                  new NewTopic(BANK_TOPIC, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    KafkaPrincipals.provision(
        broker.bootstrapServers(),
        Map.of(
            Component.service("project-service", 8081),
            new KafkaPrincipals.Declared(List.of("huoshui.projects"), List.of("huoshui.matches")),
            Component.service("credit-service", 8082),
            new KafkaPrincipals.Declared(List.of("huoshui.products"), List.of("huoshui.matches")),
            Component.service("matching-service", 8083),
            new KafkaPrincipals.Declared(List.of("huoshui.matches"), List.of("huoshui.products"))));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aServiceWritesItsOwnTopicAsItself() throws Exception {
    try (KafkaProducer<String, String> producer = producerOf("project-service")) {
      assertThat(
              producer
                  .send(new ProducerRecord<>("huoshui.projects", "p1", "{}"))
                  .get(30, TimeUnit.SECONDS)
                  .topic())
          .isEqualTo("huoshui.projects");
    }
  }

  @Test
  void aServiceCannotWriteAnotherServicesTopic() {
    try (KafkaProducer<String, String> producer = producerOf("project-service")) {
      assertThatThrownBy(
              () ->
                  producer
                      .send(new ProducerRecord<>("huoshui.products", "p1", "{}"))
                      .get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void creditServiceWritesTheBanksTopicsAndMatchingServiceNoLonger() throws Exception {
    try (KafkaProducer<String, String> producer = producerOf("credit-service")) {
      assertThat(
              producer
                  .send(new ProducerRecord<>(BANK_TOPIC, "p1", "{}"))
                  .get(30, TimeUnit.SECONDS)
                  .topic())
          .isEqualTo(BANK_TOPIC);
    }
    try (KafkaProducer<String, String> producer = producerOf("matching-service")) {
      assertThatThrownBy(
              () ->
                  producer
                      .send(new ProducerRecord<>(BANK_TOPIC, "p1", "{}"))
                      .get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void theTopicsAServiceDeclaresAreReadFromItsJar() throws Exception {
    Path jar = directory.resolve("project-service.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new ZipEntry("BOOT-INF/classes/application.yml"));
      zip.write(
          """
          server:
            port: 8081
          huoshui:
            database: project
            events:
              produces: [huoshui.projects]
              consumes: [huoshui.matches, huoshui.bank-responses]
          """
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }

    KafkaPrincipals.Declared topics = KafkaPrincipals.declaredBy(jar);

    assertThat(topics.produces()).containsExactly("huoshui.projects");
    assertThat(topics.consumes()).containsExactly("huoshui.matches", "huoshui.bank-responses");
  }

  private static KafkaProducer<String, String> producerOf(String service) {
    return new KafkaProducer<>(
        Map.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.saslBootstrapServers(),
            CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
            SaslConfigs.SASL_MECHANISM, KafkaBroker.SASL_MECHANISM,
            SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
                    .formatted(service, KafkaPrincipals.passwordOf(service)),
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
  }
}
