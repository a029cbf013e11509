package io.huoshui.eventing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies each event at most once per consumer: the event id goes into the consumer's log in the
 * same transaction as the effect, so a redelivered event (a relay retry, a rebalance, a replay) is
 * recognised and skipped, and a failed effect leaves no trace in the log.
 */
public final class EventConsumer {

  private final DatabaseClient database;
  private final TransactionalOperator transaction;
  private final EventCodec codec;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Duration effectTimeout;

  EventConsumer(
      DatabaseClient database,
      TransactionalOperator transaction,
      EventCodec codec,
      Clock clock,
      MeterRegistry meters,
      Duration effectTimeout) {
    this.database = database;
    this.transaction = transaction;
    this.codec = codec;
    this.clock = clock;
    this.meters = meters;
    this.effectTimeout = effectTimeout;
  }

  /**
   * For a {@code @KafkaListener}: reads the record's envelope and applies the effect once,
   * returning when it is committed. A record that is not an envelope throws {@link
   * PoisonEventException}, which the error handler sends to the dead-letter topic without retrying.
   *
   * <p>It waits for the effect on purpose: a listener thread belongs to the Kafka container, not to
   * an event loop, and waiting is what keeps a partition's events applied in order and the offset
   * committed only after the effect.
   *
   * @return whether the effect ran (false: a duplicate, skipped)
   */
  public boolean consume(
      ConsumerRecord<String, String> record,
      String consumer,
      Function<EventEnvelope, Mono<Void>> effect) {
    EventEnvelope envelope = codec.read(record.value());
    return Boolean.TRUE.equals(
        applyOnce(consumer, record.topic(), envelope, effect).block(effectTimeout));
  }

  /** The reactive core of {@link #consume}: log the id and apply the effect in one transaction. */
  public Mono<Boolean> applyOnce(
      String consumer,
      String topic,
      EventEnvelope envelope,
      Function<EventEnvelope, Mono<Void>> effect) {
    return database
        .sql(
            """
            INSERT INTO consumed_event (consumer, event_id, event_type, topic, consumed_at)
            VALUES (:consumer, :id, :type, :topic, :at) ON CONFLICT DO NOTHING
            """)
        .bind("consumer", consumer)
        .bind("id", envelope.id())
        .bind("type", envelope.type())
        .bind("topic", topic)
        .bind("at", clock.instant())
        .fetch()
        .rowsUpdated()
        .flatMap(
            inserted ->
                inserted == 1
                    ? effect.apply(envelope).thenReturn(Boolean.TRUE)
                    : Mono.just(Boolean.FALSE))
        .as(transaction::transactional)
        .doOnNext(
            applied ->
                meters
                    .counter(
                        "huoshui.events.consumed",
                        "consumer",
                        consumer,
                        "type",
                        envelope.type(),
                        "outcome",
                        applied ? "applied" : "duplicate")
                    .increment());
  }

  /** The payload as the consumer's own type; see {@link EventCodec#payload}. */
  public <T> T payload(EventEnvelope envelope, Class<T> type) {
    return codec.payload(envelope, type);
  }
}
