package io.huoshui.eventing;

import static io.huoshui.eventing.LedgerApplication.PROJECTION;
import static io.huoshui.eventing.LedgerApplication.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.testsupport.KafkaRecords;
import io.huoshui.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The outbox and the idempotent consumer against real PostgreSQL and a real Kafka broker. The
 * context's own relay is off: each test plays the relay of a (re)started process itself.
 */
@SpringBootTest
@RealInfrastructure(database = "eventing")
class OutboxAndConsumerTest {

  private static final String CHANGZHI_ZHANGZI = "140428";

  @Autowired LedgerApplication.Ledger ledger;
  @Autowired DatabaseClient database;
  @Autowired TransactionalOperator transaction;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired Outbox outbox;
  @Autowired EventCodec codec;
  @Autowired Clock clock;
  @Autowired MeterRegistry meters;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Autowired EventingProperties properties;

  @BeforeEach
  void publishWhatEarlierTestsLeft() {
    relay().drain().block();
  }

  @Test
  void aStateChangeAndItsEventArePublishedAndAppliedExactlyAsWritten() {
    EventEnvelope event = ledger.record(CHANGZHI_ZHANGZI, new BigDecimal("70000000.00")).block();

    assertThat(relay().drain().block()).isEqualTo(1);

    Map<String, Object> applied = awaitProjection(event.id());
    assertThat(applied.get("county")).isEqualTo(CHANGZHI_ZHANGZI);
    assertThat((BigDecimal) applied.get("amount")).isEqualTo(new BigDecimal("70000000.00"));
    assertThat(event.source().toString()).isEqualTo("/huoshui/eventing-test");
    assertThat(event.time()).isNotNull();
    assertThat(pending()).isZero();
  }

  @Test
  void aRolledBackStateChangeLeavesNoEventBehind() {
    long entriesBefore = count("ledger_entry");
    long eventsBefore = count("event_outbox");

    StepVerifier.create(
            ledger.recordThen(
                CHANGZHI_ZHANGZI,
                new BigDecimal("1.00"),
                Mono.error(new IllegalStateException("the county withdrew mid-way"))))
        .expectErrorMessage("the county withdrew mid-way")
        .verify();

    assertThat(count("ledger_entry")).isEqualTo(entriesBefore);
    assertThat(count("event_outbox")).isEqualTo(eventsBefore);
  }

  @Test
  void appendingOutsideATransactionIsRefused() {
    StepVerifier.create(outbox.append(TOPIC, LedgerApplication.RECORDED, "x", Map.of()))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inside the transaction"))
        .verify();
  }

  @Test
  void anEventWrittenBeforeACrashIsPublishedByTheNextProcess() {
    // The process that wrote these died before its relay ran: the rows are all that is left.
    List<EventEnvelope> written =
        List.of(
            ledger.record("140423", new BigDecimal("120000000.00")).block(),
            ledger.record("611021", new BigDecimal("190000000.00")).block());
    assertThat(pending()).isEqualTo(2);

    OutboxRelay restarted = relay();
    assertThat(restarted.drain().block()).isEqualTo(2);

    written.forEach(event -> awaitProjection(event.id()));
    assertThat(pending()).isZero();
  }

  @Test
  void anEventPublishedAgainAfterACrashBeforeItWasMarkedIsAppliedOnce() {
    EventEnvelope event = ledger.record("140702", new BigDecimal("50000000.00")).block();
    relay().drain().block();
    awaitProjection(event.id());
    // Kafka acknowledged it, then the process died before the row was marked published.
    database
        .sql("UPDATE event_outbox SET published_at = NULL WHERE id = :id")
        .bind("id", UUID.fromString(event.id()))
        .then()
        .block();
    double duplicatesBefore = duplicatesSeen();

    assertThat(relay().drain().block()).isEqualTo(1);

    await().atMost(Duration.ofSeconds(60)).until(() -> duplicatesSeen() > duplicatesBefore);
    assertThat(projectionsOf(event.id())).isEqualTo(1);
    assertThat(consumedLogEntries(event.id())).isEqualTo(1);
  }

  @Test
  void aRecordDeliveredTwiceIsAppliedOnce() {
    EventEnvelope event =
        codec.envelope(
            LedgerApplication.RECORDED,
            "611024",
            new LedgerApplication.EntryRecorded(
                UUID.randomUUID(), "611024", new BigDecimal("3.14")),
            null);
    String wire = codec.write(event);
    kafka.send(TOPIC, event.subject(), wire).join();
    kafka.send(TOPIC, event.subject(), wire).join();

    awaitProjection(event.id());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(consumedLogEntries(event.id())).isEqualTo(1));
    assertThat(projectionsOf(event.id())).isEqualTo(1);
  }

  @Test
  void poisonGoesToTheDeadLetterTopicAndTheEventsBehindItStillFlow() {
    String key = "140428-poison";
    kafka.send(TOPIC, key, "{this is not an envelope").join();
    EventEnvelope behind =
        codec.envelope(
            LedgerApplication.RECORDED,
            key,
            new LedgerApplication.EntryRecorded(UUID.randomUUID(), "140428", BigDecimal.TEN),
            null);
    kafka.send(TOPIC, key, codec.write(behind)).join();

    awaitProjection(behind.id());
    ConsumerRecord<String, String> dead = deadLetterWithKey(key);
    assertThat(dead.value()).isEqualTo("{this is not an envelope");
    assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
    assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo(PROJECTION);
    assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("not a CloudEvents");
    assertThat(meters.counter("huoshui.events.dead.lettered", "topic", TOPIC).count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theRelayLoopPublishesOnItsOwnAndReportsItsBacklog() {
    MeterRegistry own = new SimpleMeterRegistry();
    OutboxRelay running = loopPollingOften(own);
    EventEnvelope event = ledger.record(CHANGZHI_ZHANGZI, new BigDecimal("0.01")).block();
    running.start();
    try {
      awaitProjection(event.id());
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(own.get("huoshui.outbox.backlog").gauge().value()).isZero();
                assertThat(own.get("huoshui.outbox.oldest.age").gauge().value()).isZero();
              });
    } finally {
      running.stop();
    }
    assertThat(running.isRunning()).isFalse();
  }

  @Test
  void ofTwoRunningRelaysOnePublishesAndTheOtherTakesOverWhenItStops() {
    MeterRegistry firstMeters = new SimpleMeterRegistry();
    MeterRegistry secondMeters = new SimpleMeterRegistry();
    OutboxRelay first = loopPollingOften(firstMeters);
    OutboxRelay second = loopPollingOften(secondMeters);
    first.start();
    try {
      awaitProjection(ledger.record(CHANGZHI_ZHANGZI, new BigDecimal("1.00")).block().id());
      second.start();
      awaitProjection(ledger.record(CHANGZHI_ZHANGZI, new BigDecimal("2.00")).block().id());
      assertThat(publishedBy(secondMeters)).isZero();

      first.stop();
      awaitProjection(ledger.record(CHANGZHI_ZHANGZI, new BigDecimal("3.00")).block().id());
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(publishedBy(secondMeters)).isEqualTo(1));
      assertThat(publishedBy(firstMeters)).isEqualTo(2);
    } finally {
      first.stop();
      second.stop();
    }
  }

  @Test
  void aRelayWhoseConnectionPostgresqlEndedTakesTheLockAgainOnANewOne() {
    MeterRegistry own = new SimpleMeterRegistry();
    OutboxRelay running = loopPollingOften(own);
    running.start();
    try {
      awaitProjection(ledger.record(CHANGZHI_ZHANGZI, new BigDecimal("4.00")).block().id());
      assertThat(endTheRelayLockHolder()).isEqualTo(1);

      awaitProjection(ledger.record(CHANGZHI_ZHANGZI, new BigDecimal("5.00")).block().id());
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(publishedBy(own)).isEqualTo(2));
    } finally {
      running.stop();
    }
  }

  @Test
  void publishedRowsPastTheRetentionArePurged() {
    EventEnvelope event = ledger.record(CHANGZHI_ZHANGZI, BigDecimal.ONE).block();
    relay().drain().block();
    database
        .sql(
            "UPDATE event_outbox SET published_at = published_at - interval '8 days' WHERE id = :id")
        .bind("id", UUID.fromString(event.id()))
        .then()
        .block();

    assertThat(relay().purgePublished().block()).isGreaterThanOrEqualTo(1);
    assertThat(
            database
                .sql("SELECT count(*) FROM event_outbox WHERE id = :id")
                .bind("id", UUID.fromString(event.id()))
                .map(row -> row.get(0, Long.class))
                .one()
                .block())
        .isZero();
  }

  private OutboxRelay relay() {
    return relay(properties.outbox());
  }

  /**
   * A relay loop that polls every 50 ms, with a registry of its own: a gauge holds its object
   * weakly, and the first relay of the shared registry to register the name keeps it, collected or
   * not (NaN once the GC has run).
   */
  private OutboxRelay loopPollingOften(MeterRegistry own) {
    EventingProperties.Outbox defaults = properties.outbox();
    return new OutboxRelay(
        database,
        kafka,
        clock,
        new EventingProperties.Outbox(
            true,
            Duration.ofMillis(50),
            defaults.batchSize(),
            defaults.retention(),
            defaults.purgeInterval()),
        own);
  }

  /** Ends the session holding the relay lock, as a database restart or a cut connection would. */
  private long endTheRelayLockHolder() {
    return database
        .sql(
            """
            SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS ended
            FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
              AND ((classid::bigint << 32) | objid::bigint)
                  = hashtext('huoshui.event_outbox.relay')::bigint
            """)
        .map(row -> row.get("ended", Long.class))
        .one()
        .block();
  }

  private static double publishedBy(MeterRegistry own) {
    return own.get("huoshui.outbox.published").counter().count();
  }

  private OutboxRelay relay(EventingProperties.Outbox settings) {
    return new OutboxRelay(database, kafka, clock, settings, meters);
  }

  private Map<String, Object> awaitProjection(String eventId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                database
                    .sql("SELECT county, amount FROM ledger_projection WHERE event_id = :id")
                    .bind("id", eventId)
                    .fetch()
                    .one()
                    .block(),
            row -> row != null);
  }

  private long projectionsOf(String eventId) {
    return database
        .sql("SELECT count(*) FROM ledger_projection WHERE event_id = :id")
        .bind("id", eventId)
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private long consumedLogEntries(String eventId) {
    return database
        .sql("SELECT count(*) FROM consumed_event WHERE consumer = :c AND event_id = :id")
        .bind("c", PROJECTION)
        .bind("id", eventId)
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private double duplicatesSeen() {
    var counter =
        meters
            .find("huoshui.events.consumed")
            .tags("consumer", PROJECTION, "outcome", "duplicate")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private long pending() {
    return database
        .sql("SELECT count(*) FROM event_outbox WHERE published_at IS NULL")
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private long count(String table) {
    return database
        .sql("SELECT count(*) FROM " + table)
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private ConsumerRecord<String, String> deadLetterWithKey(String key) {
    return KafkaRecords.awaitRecord(bootstrapServers, DeadLetters.topicFor(TOPIC), key);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
