package io.huoshui.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.infrastructure.KafkaBroker;
import io.huoshui.infrastructure.PostgresEndpoint;
import io.huoshui.testsupport.KafkaRecords;
import io.huoshui.testsupport.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker goes down while the relay has events to publish: nothing is lost, nothing is marked
 * published that Kafka did not take, and once the broker is back everything arrives in order. This
 * test runs a broker of its own, so that stopping it does not disturb the other tests.
 */
class RelayAcrossBrokerOutageTest {

  private static final String TOPIC = "huoshui.test.outage";

  @TempDir Path directory;

  @Test
  void eventsWaitOutABrokerOutageAndArriveInOrder() throws Exception {
    PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
    postgres.createDatabaseIfMissing("eventing_outage");
    Flyway.configure()
        .dataSource(postgres.jdbcUrl("eventing_outage"), postgres.username(), postgres.password())
        .locations("classpath:db/eventing")
        .load()
        .migrate();
    ConnectionFactory connections =
        ConnectionFactories.get(
            ConnectionFactoryOptions.parse(postgres.r2dbcUrl("eventing_outage"))
                .mutate()
                .option(ConnectionFactoryOptions.USER, postgres.username())
                .option(ConnectionFactoryOptions.PASSWORD, postgres.password())
                .build());
    DatabaseClient database = DatabaseClient.create(connections);
    TransactionalOperator transaction =
        TransactionalOperator.create(new R2dbcTransactionManager(connections));
    Clock clock = Clock.systemUTC();
    Outbox outbox =
        new Outbox(
            database,
            new EventCodec(
                JsonMapper.builder().build(), clock, URI.create("/huoshui/outage-test")));

    KafkaBroker.Listeners listeners = KafkaBroker.Listeners.free();
    Path data = directory.resolve("kafka");
    Path log = directory.resolve("kafka.log");
    KafkaBroker broker = KafkaBroker.start(data, listeners, log, "384m", true);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
    }
    DefaultKafkaProducerFactory<String, String> producers =
        new DefaultKafkaProducerFactory<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                2_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                4_000,
                ProducerConfig.LINGER_MS_CONFIG,
                0));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    OutboxRelay relay =
        new OutboxRelay(
            database,
            new KafkaTemplate<>(producers),
            clock,
            new EventingProperties.Outbox(
                true, Duration.ofMillis(200), 200, Duration.ofDays(7), Duration.ofHours(1)),
            meters);

    List<String> written = new ArrayList<>();
    try {
      // The broker was up when the first demand came in; then it stopped.
      written.addAll(append(outbox, transaction, 0, 5));
      assertThat(relay.drain().block()).isEqualTo(5);
      broker.close();

      written.addAll(append(outbox, transaction, 5, 20));
      assertThat(relay.drain().block()).isZero();
      assertThat(meters.get("huoshui.outbox.backlog").gauge().value()).isEqualTo(15);
      assertThat(meters.get("huoshui.outbox.publish.failures").counter().count()).isPositive();
      assertThat(
              database
                  .sql(
                      "SELECT count(*) FROM event_outbox WHERE published_at IS NULL AND attempts > 0 AND last_error IS NOT NULL")
                  .map(row -> row.get(0, Long.class))
                  .one()
                  .block())
          .isPositive();

      broker = KafkaBroker.start(data, listeners, log, "384m", true);
      assertThat(relay.drain().block()).isEqualTo(15);
      assertThat(meters.get("huoshui.outbox.backlog").gauge().value()).isZero();

      List<String> received = readAll(broker.bootstrapServers(), written.size());
      assertThat(received).containsExactlyElementsOf(written);
    } finally {
      broker.close();
      producers.destroy();
    }
  }

  /** Appends events for one subject, so that they share a partition and their order is checked. */
  private static List<String> append(
      Outbox outbox, TransactionalOperator transaction, int from, int to) {
    return Flux.range(from, to - from)
        .concatMap(
            i ->
                outbox
                    .append(TOPIC, "io.huoshui.test.Outage.v1", "demand-1", Map.of("step", i))
                    .as(transaction::transactional))
        .map(EventEnvelope::id)
        .collectList()
        .block();
  }

  private static List<String> readAll(String bootstrapServers, int expected) {
    List<String> ids = new ArrayList<>();
    EventCodec codec =
        new EventCodec(JsonMapper.builder().build(), Clock.systemUTC(), URI.create("/reader"));
    try (KafkaConsumer<String, String> consumer = KafkaRecords.consumer(bootstrapServers)) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (ids.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
          String id = codec.read(record.value()).id();
          if (!ids.contains(id)) { // at least once: a retried batch may arrive twice
            ids.add(id);
          }
        }
      }
    }
    return ids;
  }
}
