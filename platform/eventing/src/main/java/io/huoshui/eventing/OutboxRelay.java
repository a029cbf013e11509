package io.huoshui.eventing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.r2dbc.connection.SingleConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes committed outbox rows to Kafka in write order and marks them published.
 *
 * <p>Delivery is at least once: a crash after Kafka acknowledged a record but before the row was
 * marked publishes it again on restart, which the consumers' event-id log absorbs.
 *
 * <p>One relay per database is active at a time, so that running several replicas of a service
 * never reorders its events: the active one holds an advisory lock on a connection of its own,
 * outside the pool, for as long as it runs, and a round is two statements, the pending batch and
 * then the mark, each committing on its own. When that connection breaks or its process dies,
 * PostgreSQL releases the lock and another replica's relay takes it at its next round. A round
 * driven from outside the loop gives the lock back and closes its connection when it ends.
 */
final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final String CONTENT_TYPE_HEADER = "content-type";
  private static final String RELAY_LOCK = "hashtext('huoshui.event_outbox.relay')";

  private final DatabaseClient database;
  private final ConnectionFactory sessions;
  private final KafkaTemplate<String, String> kafka;
  private final Clock clock;
  private final EventingProperties.Outbox settings;
  private final Counter published;
  private final Counter failures;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestPendingEpochSecond = new AtomicLong();
  private final Flux<?> wakeUps;
  private volatile RelaySession session;
  private volatile boolean running;
  private volatile Disposable loop;
  private volatile Disposable purging;

  /** A relay that polls only: no process wakes it. */
  OutboxRelay(
      DatabaseClient database,
      KafkaTemplate<String, String> kafka,
      Clock clock,
      EventingProperties.Outbox settings,
      MeterRegistry meters) {
    this(database, kafka, clock, settings, meters, Flux.never());
  }

  /**
   * @param wakeUps commits of outbox writes, this process's and others': each starts a drain at
   *     once; the poll at {@code settings.pollInterval()} remains as the safety net for a lost one
   */
  OutboxRelay(
      DatabaseClient database,
      KafkaTemplate<String, String> kafka,
      Clock clock,
      EventingProperties.Outbox settings,
      MeterRegistry meters,
      Flux<?> wakeUps) {
    this.wakeUps = wakeUps;
    this.database = database;
    this.sessions = outsideThePool(database.getConnectionFactory());
    this.kafka = kafka;
    this.clock = clock;
    this.settings = settings;
    this.published =
        Counter.builder("huoshui.outbox.published")
            .description("Outbox events published to Kafka")
            .register(meters);
    this.failures =
        Counter.builder("huoshui.outbox.publish.failures")
            .description("Outbox relay rounds that stopped on a failed publish")
            .register(meters);
    Gauge.builder("huoshui.outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox events written but not yet published")
        .register(meters);
    Gauge.builder("huoshui.outbox.oldest.age", this, OutboxRelay::oldestPendingAgeSeconds)
        .description("Age in seconds of the oldest unpublished outbox event, 0 when none")
        .baseUnit("seconds")
        .register(meters);
  }

  /**
   * Publishes pending events until none is left or a publish fails; returns how many were
   * published. The relay loop calls it; tests call it to drive a round themselves.
   *
   * <p>The backlog gauges need no count of their own after a drain that emptied the outbox: it is
   * empty. Only a drain that stopped on a failure counts what is left.
   */
  Mono<Long> drain() {
    return session()
        .flatMap(
            relaySession ->
                drainOn(relaySession)
                    // Whatever failed, the lock goes with the connection: another replica, or
                    // this relay's next round on a new connection, takes it up.
                    .onErrorResume(error -> forget(relaySession).then(Mono.error(error)))
                    .flatMap(
                        count ->
                            running ? Mono.just(count) : release(relaySession).thenReturn(count)));
  }

  private Mono<Long> drainOn(RelaySession relaySession) {
    return relayBatch(relaySession)
        .expand(
            round ->
                round.fetched() == settings.batchSize() && round.complete()
                    ? relayBatch(relaySession)
                    : Mono.empty())
        .collectList()
        .flatMap(
            rounds -> {
              Round last = rounds.get(rounds.size() - 1);
              long count = rounds.stream().mapToLong(Round::published).sum();
              if (!last.mine()) {
                return Mono.just(count); // another instance relays and reports
              }
              if (last.complete()) {
                backlog.set(0);
                oldestPendingEpochSecond.set(0);
                return Mono.just(count);
              }
              return measureBacklog().thenReturn(count);
            });
  }

  /** Deletes published rows older than the retention; they are in Kafka and no longer needed. */
  Mono<Long> purgePublished() {
    return database
        .sql("DELETE FROM event_outbox WHERE published_at < :before")
        .bind("before", clock.instant().minus(settings.retention()))
        .fetch()
        .rowsUpdated();
  }

  /**
   * The pending batch, in one statement with the attempt at the relay lock until this session holds
   * it; then the publish and the mark, each committing on its own.
   */
  private Mono<Round> relayBatch(RelaySession relaySession) {
    return relaySession
        .client()
        .sql(
            """
            WITH relay AS (
              SELECT CASE WHEN :leading THEN true
                          ELSE pg_try_advisory_lock(%s) END AS mine)
            SELECT relay.mine, e.id, e.topic, e.message_key, e.event_type, e.envelope
            FROM relay LEFT JOIN LATERAL (
              SELECT id, topic, message_key, event_type, envelope::text AS envelope
              FROM event_outbox WHERE relay.mine AND published_at IS NULL
              ORDER BY seq LIMIT :limit) e ON true
            """
                .formatted(RELAY_LOCK))
        .bind("leading", relaySession.leading)
        .bind("limit", settings.batchSize())
        .map(
            row ->
                new Candidate(
                    Boolean.TRUE.equals(row.get("mine", Boolean.class)),
                    row.get("id", UUID.class) == null
                        ? null
                        : new PendingEvent(
                            row.get("id", UUID.class),
                            row.get("topic", String.class),
                            row.get("message_key", String.class),
                            row.get("event_type", String.class),
                            row.get("envelope", String.class))))
        .all()
        .collectList()
        .flatMap(
            candidates -> {
              boolean mine = !candidates.isEmpty() && candidates.get(0).mine();
              relaySession.leading = mine;
              List<PendingEvent> batch =
                  candidates.stream()
                      .map(Candidate::event)
                      .filter(java.util.Objects::nonNull)
                      .toList();
              if (batch.isEmpty()) {
                return Mono.just(new Round(mine, 0, 0));
              }
              return Mono.just(batch)
                  // The producer may block while it has no metadata (broker down): never on an
                  // event loop.
                  .publishOn(Schedulers.boundedElastic())
                  .flatMap(events -> publish(relaySession.client(), events))
                  .map(published -> new Round(mine, batch.size(), published));
            });
  }

  /** What one relay round did: whether it held the lock, what it read, what it marked. */
  private record Round(boolean mine, int fetched, long published) {
    boolean complete() {
      return published == fetched;
    }
  }

  private record Candidate(boolean mine, PendingEvent event) {}

  /**
   * Hands the whole batch to the producer at once and flushes it once (the idempotent producer
   * keeps each partition in order), then marks the acknowledged prefix published in one statement.
   * After the first failure nothing later is marked, so a key's events are never marked out of
   * order.
   */
  private Mono<Long> publish(DatabaseClient client, List<PendingEvent> batch) {
    if (batch.isEmpty()) {
      return Mono.just(0L);
    }
    List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(batch.size());
    for (PendingEvent event : batch) {
      CompletableFuture<SendResult<String, String>> send = send(event);
      sends.add(send);
      if (send.isCompletedExceptionally()) {
        break; // no metadata (broker down): each further send would block as long again
      }
    }
    try {
      kafka.flush();
    } catch (RuntimeException e) {
      log.debug("Flushing the outbox batch failed; each send reports its own outcome", e);
    }
    List<UUID> acknowledged = new ArrayList<>(batch.size());
    return Flux.range(0, sends.size())
        .concatMap(
            i ->
                Mono.fromFuture(sends.get(i))
                    .map(result -> Boolean.TRUE)
                    .onErrorResume(
                        error ->
                            recordFailure(client, batch.get(i), error).thenReturn(Boolean.FALSE))
                    .doOnNext(
                        ok -> {
                          if (ok) {
                            acknowledged.add(batch.get(i).id());
                          }
                        }))
        .takeWhile(Boolean::booleanValue)
        .then(Mono.defer(() -> markPublished(client, acknowledged)));
  }

  private CompletableFuture<SendResult<String, String>> send(PendingEvent event) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(event.topic(), event.key(), event.envelope());
    record
        .headers()
        .add(CONTENT_TYPE_HEADER, EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))
        .add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
    try {
      return kafka.send(record);
    } catch (RuntimeException e) { // e.g. metadata not available within max.block.ms
      return CompletableFuture.failedFuture(e);
    }
  }

  private Mono<Long> markPublished(DatabaseClient client, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Mono.just(0L);
    }
    return client
        .sql(
            "UPDATE event_outbox SET published_at = :now, attempts = attempts + 1 WHERE id = ANY(:ids)")
        .bind("now", clock.instant())
        .bind("ids", ids.toArray(UUID[]::new))
        .fetch()
        .rowsUpdated()
        .doOnNext(published::increment);
  }

  private Mono<Void> recordFailure(DatabaseClient client, PendingEvent event, Throwable error) {
    failures.increment();
    log.warn(
        "Publishing outbox event {} ({}) to {} failed; it stays pending: {}",
        event.id(),
        event.type(),
        event.topic(),
        error.toString());
    return client
        .sql("UPDATE event_outbox SET attempts = attempts + 1, last_error = :error WHERE id = :id")
        .bind("error", String.valueOf(error.getMessage()))
        .bind("id", event.id())
        .then();
  }

  /**
   * The pool's own connections stay out of it: a session lock on a pooled connection would stay
   * with whoever borrows that connection next.
   */
  private static ConnectionFactory outsideThePool(ConnectionFactory factory) {
    ConnectionFactory candidate = factory;
    while (candidate instanceof ConnectionPool pool) {
      candidate = pool.unwrap();
    }
    return candidate;
  }

  private Mono<RelaySession> session() {
    return Mono.defer(
        () -> {
          RelaySession current = session;
          if (current != null) {
            return Mono.just(current);
          }
          return Mono.from(sessions.create())
              .map(connection -> new RelaySession(connection, sessions))
              .flatMap(
                  opened ->
                      noticeAVanishedRelay(opened)
                          .onErrorResume(error -> forget(opened).then(Mono.error(error)))
                          .doOnSuccess(ready -> session = opened)
                          .thenReturn(opened));
        });
  }

  /**
   * A relay whose machine vanished without closing its connection (a cut network, a frozen node)
   * would keep the lock for as long as PostgreSQL believes the connection alive: two hours of
   * Linux's default keep-alive. Asked to probe after 10 s of silence, every 5 s, three times, the
   * server ends such a session, and frees the lock, within half a minute.
   */
  private Mono<Void> noticeAVanishedRelay(RelaySession opened) {
    return opened
        .client()
        .sql(
            """
            SELECT set_config('tcp_keepalives_idle', '10', false),
                   set_config('tcp_keepalives_interval', '5', false),
                   set_config('tcp_keepalives_count', '3', false)
            """)
        .then();
  }

  /** Gives the lock back at once (the next relay may be waiting for it) and closes the session. */
  private Mono<Void> release(RelaySession relaySession) {
    Mono<Void> unlock =
        relaySession.leading
            ? relaySession
                .client()
                .sql("SELECT pg_advisory_unlock(%s)".formatted(RELAY_LOCK))
                .then()
                .onErrorResume(error -> Mono.empty()) // closing the connection releases it too
            : Mono.empty();
    return unlock.then(forget(relaySession));
  }

  /** Closes the session; PostgreSQL releases the lock when the connection ends. */
  private Mono<Void> forget(RelaySession relaySession) {
    if (session == relaySession) {
      session = null;
    }
    relaySession.leading = false;
    return Mono.from(relaySession.connection().close())
        .onErrorResume(
            error -> {
              log.debug("Closing the outbox relay's connection failed", error);
              return Mono.empty();
            });
  }

  /** The relay's connection and whether it holds the relay lock. */
  private static final class RelaySession {
    private final Connection connection;
    private final DatabaseClient client;
    private volatile boolean leading;

    RelaySession(Connection connection, ConnectionFactory factory) {
      this.connection = connection;
      this.client =
          DatabaseClient.create(
              new SingleConnectionFactory(connection, factory.getMetadata(), true));
    }

    Connection connection() {
      return connection;
    }

    DatabaseClient client() {
      return client;
    }
  }

  private Mono<Void> measureBacklog() {
    return database
        .sql(
            """
            SELECT count(*) AS pending, min(created_at) AS oldest
            FROM event_outbox WHERE published_at IS NULL
            """)
        .map(
            row -> {
              backlog.set(row.get("pending", Long.class));
              Instant oldest = row.get("oldest", Instant.class);
              oldestPendingEpochSecond.set(oldest == null ? 0 : oldest.getEpochSecond());
              return row;
            })
        .one()
        .then();
  }

  private double oldestPendingAgeSeconds() {
    long oldest = oldestPendingEpochSecond.get();
    return oldest == 0 ? 0 : Math.max(0, clock.instant().getEpochSecond() - oldest);
  }

  /**
   * Drains on every wake-up and at each poll; wake-ups that arrive during a drain fold into one
   * more drain, so none is lost and none queues up.
   */
  @Override
  public void start() {
    running = true;
    Flux<Object> triggers =
        Flux.merge(
            Flux.interval(Duration.ZERO, settings.pollInterval(), Schedulers.boundedElastic())
                .cast(Object.class),
            wakeUps.cast(Object.class));
    loop =
        triggers
            .onBackpressureLatest()
            .concatMap(
                trigger ->
                    drain()
                        .onErrorResume(
                            error -> {
                              // The database itself is unreachable: try again next round.
                              log.warn("Outbox relay round failed: {}", error.toString());
                              return Mono.empty();
                            }),
                // Not even one trigger fetched ahead: the folded wake-up waits in
                // onBackpressureLatest, and a second would only drain an emptied outbox.
                0)
            .subscribe();
    purging =
        Flux.interval(settings.purgeInterval(), Schedulers.boundedElastic())
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    purgePublished()
                        .onErrorResume(
                            error -> {
                              log.warn(
                                  "Purging published outbox rows failed: {}", error.toString());
                              return Mono.empty();
                            }),
                1)
            .subscribe();
  }

  @Override
  public void stop() {
    running = false;
    for (Disposable part : new Disposable[] {loop, purging}) {
      if (part != null) {
        part.dispose();
      }
    }
    loop = null;
    purging = null;
    RelaySession current = session;
    if (current != null) {
      forget(current).subscribe();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private record PendingEvent(UUID id, String topic, String key, String type, String envelope) {}
}
