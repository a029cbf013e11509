package io.huoshui.eventing;

import java.net.URI;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Announces a state change to other services. The event row is written with the caller's R2DBC
 * connection, so it commits or rolls back with the state change it announces; {@link OutboxRelay}
 * publishes it once committed.
 */
public final class Outbox {

  private final DatabaseClient database;
  private final EventCodec codec;
  private final OutboxSignal signal;

  /** An outbox whose writes wake no relay in this process: the relay polls, or runs elsewhere. */
  Outbox(DatabaseClient database, EventCodec codec) {
    this(database, codec, new OutboxSignal());
  }

  Outbox(DatabaseClient database, EventCodec codec, OutboxSignal signal) {
    this.database = database;
    this.codec = codec;
    this.signal = signal;
  }

  /**
   * Writes an event for the topic, keyed by its subject. Must run inside the transaction of the
   * state change (a {@code @Transactional} method or a {@code TransactionalOperator}): outside one,
   * the event could be published for a change that never committed, so it fails instead.
   */
  public Mono<EventEnvelope> append(String topic, String type, String subject, Object payload) {
    return append(topic, type, subject, payload, null);
  }

  public Mono<EventEnvelope> append(
      String topic, String type, String subject, Object payload, URI dataschema) {
    return appendAll(List.of(new Message(topic, type, subject, payload, dataschema)))
        .map(written -> written.get(0));
  }

  /** An event to append: its topic, type, subject (the Kafka key), payload and schema. */
  public record Message(
      String topic, String type, String subject, Object payload, URI dataschema) {}

  /**
   * Writes several events in one statement, published in the order given; as {@link #append}, it
   * must run inside the transaction of the state change.
   */
  public Mono<List<EventEnvelope>> appendAll(List<Message> messages) {
    if (messages.isEmpty()) {
      return Mono.just(List.of());
    }
    return TransactionSynchronizationManager.forCurrentTransaction()
        .onErrorResume(NoTransactionException.class, none -> Mono.empty())
        .filter(TransactionSynchronizationManager::isActualTransactionActive)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new IllegalStateException(
                        "Outbox.append must run inside the transaction of the state change")))
        .doOnNext(transaction -> AfterCommit.register(transaction, signal::committed))
        .then(
            Mono.fromCallable(
                () ->
                    messages.stream()
                        .map(
                            message ->
                                codec.envelope(
                                    message.type(),
                                    message.subject(),
                                    message.payload(),
                                    message.dataschema()))
                        .toList()))
        .flatMap(envelopes -> insert(messages, envelopes).thenReturn(envelopes));
  }

  /** One statement; the rows take their sequence numbers in the order given. */
  private Mono<Void> insert(List<Message> messages, List<EventEnvelope> envelopes) {
    int size = envelopes.size();
    String[] ids = new String[size];
    String[] topics = new String[size];
    String[] keys = new String[size];
    String[] types = new String[size];
    String[] texts = new String[size];
    String[] times = new String[size];
    for (int i = 0; i < size; i++) {
      EventEnvelope envelope = envelopes.get(i);
      ids[i] = envelope.id();
      topics[i] = messages.get(i).topic();
      keys[i] = envelope.subject();
      types[i] = envelope.type();
      texts[i] = codec.write(envelope);
      times[i] = envelope.time().toString();
    }
    return database
        .sql(
            """
            INSERT INTO event_outbox (id, topic, message_key, event_type, envelope, created_at)
            SELECT id, topic, message_key, event_type, envelope::json, created_at
            FROM unnest(CAST(:ids AS uuid[]), :topics, :keys, :types, :envelopes,
                        CAST(:times AS timestamptz[]))
                 WITH ORDINALITY AS e(id, topic, message_key, event_type, envelope, created_at, n)
            ORDER BY n
            """)
        .bind("ids", ids)
        .bind("topics", topics)
        .bind("keys", keys)
        .bind("types", types)
        .bind("envelopes", texts)
        .bind("times", times)
        .then();
  }
}
