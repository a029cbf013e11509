package io.huoshui.eventing;

import static io.huoshui.eventing.LedgerApplication.RECORDED;
import static io.huoshui.eventing.LedgerApplication.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * The relay leaves its poll for a wake-up: its poll here is an hour, so an event that leaves at all
 * left because the relay was told of its commit — by this process, or by PostgreSQL on behalf of
 * another.
 */
@SpringBootTest
@RealInfrastructure(database = "eventing")
class RelayWakeUpTest {

  private static final Duration AN_HOUR = Duration.ofHours(1);

  @Autowired DatabaseClient database;
  @Autowired TransactionalOperator transaction;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventCodec codec;
  @Autowired Clock clock;
  @Autowired EventingProperties properties;
  @Autowired ConnectionFactory connections;

  @Test
  void aCommitInThisProcessWakesItsRelay() {
    OutboxSignal signal = new OutboxSignal();
    Outbox outbox = new Outbox(database, codec, signal);
    OutboxRelay relay = relay(signal.commits());
    relay.start();
    try {
      UUID event = append(outbox);
      await().atMost(Duration.ofSeconds(30)).until(() -> published(event));
    } finally {
      relay.stop();
    }
  }

  @Test
  void aCommitInAnotherProcessReachesTheRelayThroughPostgresql() {
    Outbox othersOutbox = new Outbox(database, codec); // its signal reaches no relay here
    OutboxRelay relay =
        relay(
            OutboxNotifications.of(connections, "another-instance")
                .orElseThrow()
                .othersCommitted());
    relay.start();
    try {
      // Until the listening connection is up, a commit goes unheard: write until one is heard.
      List<UUID> written = new CopyOnWriteArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                written.add(append(othersOutbox));
                return written.stream().anyMatch(this::published);
              });
    } finally {
      relay.stop();
    }
  }

  @Test
  void eachInstanceNamesItsConnectionsSoThatItsRelayKnowsItsOwnWrites() {
    String applicationName =
        database
            .sql("SELECT current_setting('application_name') AS name")
            .map(row -> row.get("name", String.class))
            .one()
            .block();
    assertThat(applicationName).matches("eventing-test-[0-9a-f]{8}");
  }

  private OutboxRelay relay(Flux<?> wakeUps) {
    EventingProperties.Outbox defaults = properties.outbox();
    return new OutboxRelay(
        database,
        kafka,
        clock,
        new EventingProperties.Outbox(
            true, AN_HOUR, defaults.batchSize(), defaults.retention(), AN_HOUR),
        new SimpleMeterRegistry(),
        wakeUps);
  }

  private UUID append(Outbox outbox) {
    return UUID.fromString(
        outbox
            .append(
                TOPIC,
                RECORDED,
                "140428",
                new LedgerApplication.EntryRecorded(
                    UUID.randomUUID(), "140428", new BigDecimal("9.99")))
            .as(transaction::transactional)
            .block()
            .id());
  }

  private boolean published(UUID event) {
    Map<String, Object> row =
        database
            .sql("SELECT published_at FROM event_outbox WHERE id = :id")
            .bind("id", event)
            .fetch()
            .one()
            .block();
    return row != null && row.get("published_at") != null;
  }
}
