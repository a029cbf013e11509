package io.huoshui.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huoshui.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A polled batch handed to the consumer as the listener container hands it, against the real
 * database: what is applied, what is logged, and which record the container is told failed.
 */
@SpringBootTest
@RealInfrastructure(database = "eventing")
class BatchConsumerTest {

  private static final String TOPIC = "huoshui.test.batch";
  private static final String NOTED = "io.huoshui.test.Noted.v1";

  record Noted(String county, BigDecimal amount) {}

  @Autowired EventConsumer events;
  @Autowired EventCodec codec;
  @Autowired DatabaseClient database;
  @Autowired MeterRegistry meters;

  private final String consumer = "batch-test-" + UUID.randomUUID();
  private final List<String> appliedNotes = new ArrayList<>();
  private long offset;

  private final EventHandlers handlers =
      EventHandlers.of(consumer).on(NOTED, Noted.class, Noted::county, this::apply).build();

  private Mono<Void> apply(Noted noted, EventHandlers.Delivery delivery) {
    if (LedgerApplication.UNLUCKY.compareTo(noted.amount()) == 0) {
      return Mono.error(new IllegalStateException("refused"));
    }
    return Mono.fromRunnable(() -> appliedNotes.add(delivery.event().id()));
  }

  @Test
  void aBatchIsAppliedInOrderAndLoggedOnce() {
    List<ConsumerRecord<String, String>> batch =
        List.of(noted("140428", "1.00"), noted("140423", "2.00"), noted("140702", "3.00"));

    double statementsBefore = statements("commit");

    events.consume(batch, handlers);

    assertThat(appliedNotes).containsExactlyElementsOf(idsOf(batch));
    assertThat(logged()).isEqualTo(3);
    // The round trips are counted (the figure per demand is the load benchmark's to report).
    assertThat(statements("commit")).isGreaterThan(statementsBefore);
  }

  @Test
  void theSameEventTwiceInOneBatchOrAgainLaterIsAppliedOnce() {
    ConsumerRecord<String, String> once = noted("611021", "5.00");
    ConsumerRecord<String, String> again = redelivered(once);

    events.consume(List.of(once, again), handlers);
    events.consume(List.of(redelivered(once)), handlers);

    assertThat(appliedNotes).containsExactly(idOf(once));
    assertThat(logged()).isEqualTo(1);
  }

  @Test
  void poisonIsNamedByItsIndexAndWhatPrecedesItStaysApplied() {
    ConsumerRecord<String, String> before = noted("140428", "1.00");
    ConsumerRecord<String, String> poison = record("140428", "{not an envelope");
    ConsumerRecord<String, String> after = noted("140428", "2.00");

    assertThatThrownBy(() -> events.consume(List.of(before, poison, after), handlers))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class,
            failed -> {
              assertThat(failed.getIndex()).isEqualTo(1);
              assertThat(failed.getCause()).isInstanceOf(PoisonEventException.class);
            });
    assertThat(appliedNotes).containsExactly(idOf(before));

    // The container redelivers from the record after the dead-lettered one.
    events.consume(List.of(after), handlers);
    assertThat(appliedNotes).containsExactly(idOf(before), idOf(after));
  }

  @Test
  void aPayloadAboutAnotherKeyOrLackingAMemberIsPoison() {
    EventEnvelope otherKey =
        codec.envelope(NOTED, "140428", new Noted("140428", new BigDecimal("1.00")), null);
    ConsumerRecord<String, String> mismatched = record("611024", codec.write(otherKey));
    EventEnvelope lacking = codec.envelope(NOTED, "140428", new Noted("140428", null), null);

    assertThatThrownBy(() -> events.consume(List.of(mismatched), handlers))
        .hasCauseInstanceOf(PoisonEventException.class)
        .hasMessageContaining("keyed 611024");
    assertThatThrownBy(
            () -> events.consume(List.of(record("140428", codec.write(lacking))), handlers))
        .hasCauseInstanceOf(PoisonEventException.class)
        .hasMessageContaining("lacks amount");
    assertThat(appliedNotes).isEmpty();
    assertThat(logged()).isZero();
  }

  @Test
  void aFailingEffectRollsBackItsBatchAndOnlyItselfIsReportedFailed() {
    ConsumerRecord<String, String> first = noted("140423", "1.00");
    ConsumerRecord<String, String> failing = noted("140423", "13.13");
    ConsumerRecord<String, String> third = noted("140423", "3.00");

    assertThatThrownBy(() -> events.consume(List.of(first, failing, third), handlers))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class,
            failed -> assertThat(failed.getIndex()).isEqualTo(1));

    // The batch attempt applied all three in memory before rolling back; the log says what held.
    assertThat(logged()).isEqualTo(1);
    assertThat(loggedIds()).containsExactly(idOf(first));
  }

  @Test
  void aTypeWithoutAHandlerIsLoggedAndSkipped() {
    EventEnvelope other =
        codec.envelope(
            "io.huoshui.test.Unknown.v1", "140428", new Noted("x", BigDecimal.ONE), null);

    events.consume(List.of(record("140428", codec.write(other))), handlers);

    assertThat(appliedNotes).isEmpty();
    assertThat(logged()).isEqualTo(1);
  }

  private double statements(String kind) {
    return meters.get(EventingMeters.SQL_STATEMENTS).tag("kind", kind).counter().count();
  }

  private ConsumerRecord<String, String> noted(String county, String amount) {
    EventEnvelope event =
        codec.envelope(NOTED, county, new Noted(county, new BigDecimal(amount)), null);
    return record(county, codec.write(event));
  }

  private ConsumerRecord<String, String> record(String key, String value) {
    return new ConsumerRecord<>(TOPIC, 0, offset++, key, value);
  }

  private ConsumerRecord<String, String> redelivered(ConsumerRecord<String, String> record) {
    return record(record.key(), record.value());
  }

  private String idOf(ConsumerRecord<String, String> record) {
    return codec.read(record.value()).id();
  }

  private List<String> idsOf(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(this::idOf).toList();
  }

  private long logged() {
    return loggedIds().size();
  }

  private List<String> loggedIds() {
    return database
        .sql("SELECT event_id FROM consumed_event WHERE consumer = :c ORDER BY consumed_at")
        .bind("c", consumer)
        .map(row -> row.get(0, String.class))
        .all()
        .collectList()
        .block();
  }
}
