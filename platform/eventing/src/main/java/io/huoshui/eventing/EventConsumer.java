package io.huoshui.eventing;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies each event at most once per consumer: the event ids go into the consumer's log in the
 * same transaction as their effects, so a redelivered event (a relay retry, a rebalance, a replay)
 * is recognised and skipped, and a failed effect leaves no trace in the log.
 *
 * <p>A polled batch is applied one transaction per partition, its log written in one statement: the
 * cost of a transaction is paid per batch, not per event. When a batch fails it is applied again
 * record by record, so that the failing record alone is retried and, if it never succeeds,
 * dead-lettered, while the records before it stay applied and those after it follow.
 */
public final class EventConsumer {

  private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

  private final DatabaseClient database;
  private final TransactionalOperator transaction;
  private final EventCodec codec;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Duration effectTimeout;
  private final DistributionSummary batchSizes;

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
    this.batchSizes =
        DistributionSummary.builder("huoshui.events.batch.size")
            .description("Events applied in one consumer transaction")
            .register(meters);
  }

  /**
   * For a batch {@code @KafkaListener}: applies the polled records, in order, each at most once,
   * returning when their effects are committed. It waits for the effects on purpose: a listener
   * thread belongs to the Kafka container, not to an event loop, and waiting is what keeps a
   * partition's events applied in order and the offsets committed only after the effects.
   *
   * @throws BatchListenerFailedException naming the record that failed: the container's error
   *     handler commits the records before it, retries it (or dead-letters it at once when it is
   *     poison) and redelivers the rest
   */
  public void consume(List<ConsumerRecord<String, String>> records, EventHandlers handlers) {
    consume(records, topic -> handlers);
  }

  /**
   * As {@link #consume(List, EventHandlers)}, for a listener of several topics whose events are
   * logged under a consumer name per topic. One listener over topics keyed alike gets the same
   * partitions of each, so that one thread applies all events of an aggregate, in order.
   */
  public void consume(
      List<ConsumerRecord<String, String>> records,
      Function<String, EventHandlers> handlersOfTopic) {
    int start = 0;
    while (start < records.size()) {
      ConsumerRecord<String, String> first = records.get(start);
      int end = start + 1;
      while (end < records.size() && samePartition(first, records.get(end))) {
        end++;
      }
      consumePartitionRun(records, start, end, handlersOfTopic.apply(first.topic()));
      start = end;
    }
  }

  private void consumePartitionRun(
      List<ConsumerRecord<String, String>> records, int start, int end, EventHandlers handlers) {
    List<Prepared> prepared = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      try {
        prepared.add(prepare(records.get(i), handlers));
      } catch (RuntimeException poison) {
        // What came before the poison is applied; the poison goes to its dead-letter topic.
        applyRecordByRecord(prepared, start, handlers);
        throw failedAt(i, records.get(i), poison);
      }
    }
    try {
      applyTogether(prepared, handlers).block(effectTimeout);
    } catch (RuntimeException batchFailed) {
      log.warn(
          "A batch of {} events on {}-{} failed ({}); applying them one by one",
          prepared.size(),
          records.get(start).topic(),
          records.get(start).partition(),
          batchFailed.toString());
      applyRecordByRecord(prepared, start, handlers);
    }
  }

  private void applyRecordByRecord(List<Prepared> prepared, int offset, EventHandlers handlers) {
    for (int i = 0; i < prepared.size(); i++) {
      Prepared one = prepared.get(i);
      try {
        applyTogether(List.of(one), handlers).block(effectTimeout);
      } catch (RuntimeException failed) {
        throw failedAt(offset + i, one.record(), failed);
      }
    }
  }

  private Prepared prepare(ConsumerRecord<String, String> record, EventHandlers handlers) {
    EventEnvelope envelope = codec.read(record.value());
    if (record.key() != null && !Objects.equals(record.key(), envelope.subject())) {
      throw new PoisonEventException(
          "%s %s is about %s but keyed %s"
              .formatted(envelope.type(), envelope.id(), envelope.subject(), record.key()));
    }
    EventHandlers.Delivery delivery =
        new EventHandlers.Delivery(envelope, record.topic(), record.partition());
    return new Prepared(record, envelope, handlers.prepare(envelope, codec, delivery));
  }

  /** One transaction: the log entries of all, then the effects of those not logged before. */
  private Mono<Void> applyTogether(List<Prepared> batch, EventHandlers handlers) {
    if (batch.isEmpty()) {
      return Mono.empty();
    }
    String consumer = handlers.consumer();
    String topic = batch.get(0).record().topic();
    return logConsumed(consumer, topic, batch)
        .flatMap(
            fresh ->
                Flux.fromIterable(batch)
                    // A relay retry may put the same event twice into one batch: apply it once.
                    .filter(one -> fresh.remove(one.envelope().id()))
                    .concatMap(one -> one.effect().orElse(Mono.empty()).thenReturn(one))
                    .collectList())
        .as(transaction::transactional)
        .doOnNext(applied -> count(consumer, batch, applied))
        .then();
  }

  private Mono<Set<String>> logConsumed(String consumer, String topic, List<Prepared> batch) {
    return database
        .sql(
            """
            INSERT INTO consumed_event (consumer, event_id, event_type, topic, consumed_at)
            SELECT :consumer, id, type, :topic, :at FROM unnest(:ids, :types) AS e(id, type)
            ON CONFLICT DO NOTHING RETURNING event_id
            """)
        .bind("consumer", consumer)
        .bind("topic", topic)
        .bind("at", clock.instant())
        .bind("ids", batch.stream().map(one -> one.envelope().id()).toArray(String[]::new))
        .bind("types", batch.stream().map(one -> one.envelope().type()).toArray(String[]::new))
        .map(row -> row.get("event_id", String.class))
        .all()
        .collect(HashSet::new, Set::add);
  }

  private void count(String consumer, List<Prepared> batch, List<Prepared> applied) {
    batchSizes.record(batch.size());
    Set<Prepared> appliedOnes = new HashSet<>(applied);
    for (Prepared one : batch) {
      meters
          .counter(
              EventingMeters.EVENTS_CONSUMED,
              "consumer",
              consumer,
              "type",
              one.envelope().type(),
              "outcome",
              appliedOnes.contains(one) ? "applied" : "duplicate")
          .increment();
    }
  }

  private static BatchListenerFailedException failedAt(
      int index, ConsumerRecord<String, String> record, Throwable cause) {
    Throwable reason = Exceptions.unwrap(cause); // block() wraps checked exceptions
    return new BatchListenerFailedException(
        "%s-%d@%d failed: %s"
            .formatted(record.topic(), record.partition(), record.offset(), reason.getMessage()),
        reason,
        index);
  }

  private static boolean samePartition(ConsumerRecord<?, ?> a, ConsumerRecord<?, ?> b) {
    return a.partition() == b.partition() && a.topic().equals(b.topic());
  }

  /** A record read and checked, its effect bound to its payload; no effect for a type not read. */
  private record Prepared(
      ConsumerRecord<String, String> record, EventEnvelope envelope, Optional<Mono<Void>> effect) {

    // Identity, not the record's value: two deliveries of one event are two entries of a batch.
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
