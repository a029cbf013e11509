package io.huoshui.eventing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** A service of the tests' own that writes state with events and projects them back. */
@SpringBootApplication
class LedgerApplication {

  static final String TOPIC = "huoshui.test.ledger";
  static final String RECORDED = "io.huoshui.test.ledger.EntryRecorded.v1";
  static final String PROJECTION = "ledger-projection";

  static final BigDecimal UNLUCKY = new BigDecimal("13.13");

  record EntryRecorded(UUID entryId, String county, BigDecimal amount) {}

  @Component
  static class Ledger {

    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final Outbox outbox;

    Ledger(DatabaseClient database, TransactionalOperator transaction, Outbox outbox) {
      this.database = database;
      this.transaction = transaction;
      this.outbox = outbox;
    }

    /** Records an entry and announces it; both or neither. */
    Mono<EventEnvelope> record(String county, BigDecimal amount) {
      return recordThen(county, amount, Mono.empty());
    }

    /** As {@link #record}, with a step after the event was written that may fail. */
    Mono<EventEnvelope> recordThen(String county, BigDecimal amount, Mono<Void> afterwards) {
      UUID id = UUID.randomUUID();
      return database
          .sql("INSERT INTO ledger_entry (id, county, amount) VALUES (:id, :county, :amount)")
          .bind("id", id)
          .bind("county", county)
          .bind("amount", amount)
          .then()
          .then(outbox.append(TOPIC, RECORDED, county, new EntryRecorded(id, county, amount)))
          .flatMap(envelope -> afterwards.thenReturn(envelope))
          .as(transaction::transactional);
    }
  }

  @Component
  static class Projection {

    private final DatabaseClient database;
    private final EventConsumer events;
    private final EventHandlers handlers =
        EventHandlers.of(PROJECTION).on(RECORDED, EntryRecorded.class, this::apply).build();

    Projection(DatabaseClient database, EventConsumer events) {
      this.database = database;
      this.events = events;
    }

    @EventBatchListener(topics = TOPIC, groupId = PROJECTION)
    void on(List<ConsumerRecord<String, String>> records) {
      events.consume(records, handlers);
    }

    /** An amount of 13.13 is refused by the projection: a failing effect, not poison. */
    private Mono<Void> apply(EntryRecorded entry, EventHandlers.Delivery delivery) {
      EventEnvelope envelope = delivery.event();
      if (UNLUCKY.compareTo(entry.amount()) == 0) {
        return Mono.error(new IllegalStateException("the projection refuses 13.13"));
      }
      return database
          .sql(
              "INSERT INTO ledger_projection (event_id, county, amount) VALUES (:id, :county, :amount)")
          .bind("id", envelope.id())
          .bind("county", entry.county())
          .bind("amount", entry.amount())
          .then();
    }
  }
}
