package io.huoshui.eventing;

import java.net.URI;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
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
    return TransactionSynchronizationManager.forCurrentTransaction()
        .onErrorResume(NoTransactionException.class, none -> Mono.empty())
        .filter(TransactionSynchronizationManager::isActualTransactionActive)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new IllegalStateException(
                        "Outbox.append must run inside the transaction of the state change")))
        .doOnNext(this::wakeTheRelayOnCommit)
        .then(Mono.fromCallable(() -> codec.envelope(type, subject, payload, dataschema)))
        .flatMap(envelope -> insert(topic, envelope).thenReturn(envelope));
  }

  private void wakeTheRelayOnCommit(TransactionSynchronizationManager transaction) {
    transaction.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public Mono<Void> afterCommit() {
            return Mono.fromRunnable(signal::committed);
          }
        });
  }

  private Mono<Void> insert(String topic, EventEnvelope envelope) {
    return database
        .sql(
            """
            INSERT INTO event_outbox (id, topic, message_key, event_type, envelope, created_at)
            VALUES (:id, :topic, :key, :type, CAST(:envelope AS json), :createdAt)
            """)
        .bind("id", UUID.fromString(envelope.id()))
        .bind("topic", topic)
        .bind("key", envelope.subject())
        .bind("type", envelope.type())
        .bind("envelope", codec.write(envelope))
        .bind("createdAt", envelope.time())
        .then();
  }
}
