package io.huoshui.notification.notice;

import io.huoshui.service.security.TenantType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads notifications; the one place that knows the notification tables. */
@Component
public class Notices {

  /** The PostgreSQL channel a committed notification is announced on, payload "TYPE:id". */
  static final String CHANNEL = "huoshui_notification";

  private static final String COLUMNS =
      "id, audience_type, audience_id, seq, kind, subject, county, data, created_at, read_at";

  private final DatabaseClient database;
  private final JsonMapper json;
  private final Clock clock;
  private final List<NotificationObserver> observers;
  private final MeterRegistry meters;

  Notices(
      DatabaseClient database,
      JsonMapper json,
      Clock clock,
      List<NotificationObserver> observers,
      MeterRegistry meters) {
    this.database = database;
    this.json = json;
    this.clock = clock;
    this.observers = observers;
    this.meters = meters;
  }

  /**
   * Writes the notifications not written before (by audience, origin and kind) in the caller's
   * transaction, numbers each within its audience and announces them when the transaction commits.
   */
  public Mono<List<Notification>> publish(List<NewNotification> notifications) {
    List<NewNotification> ordered =
        notifications.stream().sorted((a, b) -> a.audience().compareTo(b.audience())).toList();
    return TransactionSynchronizationManager.forCurrentTransaction()
        .onErrorMap(
            NoTransactionException.class,
            none -> new IllegalStateException("notifications are written inside a transaction"))
        .flatMap(
            transaction ->
                Flux.fromIterable(ordered)
                    .concatMap(this::writeOnce)
                    .collectList()
                    .doOnNext(
                        written ->
                            transaction.registerSynchronization(countWhenCommitted(written))));
  }

  private Mono<Notification> writeOnce(NewNotification fresh) {
    Audience audience = fresh.audience();
    return database
        .sql(
            """
            SELECT count(*) FROM notification WHERE audience_type = :type AND audience_id = :id
              AND origin = :origin AND kind = :kind
            """)
        .bind("type", audience.type().name())
        .bind("id", audience.id())
        .bind("origin", fresh.origin())
        .bind("kind", fresh.kind().name())
        .map(row -> row.get(0, Long.class))
        .one()
        .filter(existing -> existing == 0)
        .flatMap(absent -> nextSeq(audience))
        .flatMap(seq -> insert(fresh, seq))
        .flatMap(
            notification ->
                Flux.fromIterable(observers)
                    .concatMap(observer -> observer.created(notification))
                    .then(announce(audience))
                    .thenReturn(notification));
  }

  private Mono<Long> nextSeq(Audience audience) {
    // Holds the audience's row until commit: the next writer of this audience waits, so the
    // numbers of an audience become visible in order (the live stream relies on it).
    return database
        .sql(
            """
            INSERT INTO audience_sequence (audience_type, audience_id, last_seq) VALUES (:type, :id, 1)
            ON CONFLICT (audience_type, audience_id)
              DO UPDATE SET last_seq = audience_sequence.last_seq + 1
            RETURNING last_seq
            """)
        .bind("type", audience.type().name())
        .bind("id", audience.id())
        .map(row -> row.get(0, Long.class))
        .one();
  }

  private Mono<Notification> insert(NewNotification fresh, long seq) {
    Notification notification =
        new Notification(
            UUID.randomUUID(),
            fresh.audience(),
            seq,
            fresh.kind(),
            fresh.subject(),
            fresh.county(),
            json.valueToTree(fresh.data()),
            clock.instant(),
            null);
    return database
        .sql(
            """
            INSERT INTO notification (id, audience_type, audience_id, seq, kind, subject, county,
                                      origin, data, created_at)
            VALUES (:id, :type, :audience, :seq, :kind, :subject, :county, :origin, :data, :at)
            """)
        .bind("id", notification.id())
        .bind("type", fresh.audience().type().name())
        .bind("audience", fresh.audience().id())
        .bind("seq", seq)
        .bind("kind", fresh.kind().name())
        .bind("subject", fresh.subject())
        .bind("county", fresh.county())
        .bind("origin", fresh.origin())
        .bind("data", Json.of(json.writeValueAsString(notification.data())))
        .bind("at", notification.createdAt())
        .then()
        .thenReturn(notification);
  }

  private Mono<Void> announce(Audience audience) {
    // NOTIFY is delivered at commit, and only then: a listener never hears of a rolled-back one.
    return database
        .sql("SELECT pg_notify(:channel, :payload)")
        .bind("channel", CHANNEL)
        .bind("payload", audience.type().name() + ":" + audience.id())
        .then();
  }

  private TransactionSynchronization countWhenCommitted(List<Notification> written) {
    return new TransactionSynchronization() {
      @Override
      public Mono<Void> afterCommit() {
        written.forEach(
            notification ->
                Counter.builder("huoshui.notifications")
                    .description("Notifications written, by recipient type and kind")
                    .tag("audience_type", notification.audience().type().name())
                    .tag("kind", notification.kind().name())
                    .register(meters)
                    .increment());
        return Mono.empty();
      }
    };
  }

  /** The audience's notifications, newest first. */
  Flux<Notification> list(Audience audience, boolean unreadOnly, long offset, int limit) {
    return database
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM notification WHERE audience_type = :type AND audience_id = :id"
                + (unreadOnly ? " AND read_at IS NULL" : "")
                + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
        .bind("type", audience.type().name())
        .bind("id", audience.id())
        .bind("limit", limit)
        .bind("offset", offset)
        .map(this::read)
        .all();
  }

  Mono<Long> count(Audience audience, boolean unreadOnly) {
    return database
        .sql(
            "SELECT count(*) FROM notification WHERE audience_type = :type AND audience_id = :id"
                + (unreadOnly ? " AND read_at IS NULL" : ""))
        .bind("type", audience.type().name())
        .bind("id", audience.id())
        .map(row -> row.get(0, Long.class))
        .one();
  }

  /** The notification if it is the audience's own; empty otherwise, whether or not it exists. */
  public Mono<Notification> find(Audience audience, UUID id) {
    return database
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM notification WHERE id = :id AND audience_type = :type"
                + " AND audience_id = :audience")
        .bind("id", id)
        .bind("type", audience.type().name())
        .bind("audience", audience.id())
        .map(this::read)
        .one();
  }

  /** Marks the audience's own notification read (the first time only); empty if not its own. */
  Mono<Notification> markRead(Audience audience, UUID id) {
    Instant now = clock.instant();
    return database
        .sql(
            """
            UPDATE notification SET read_at = COALESCE(read_at, :now)
            WHERE id = :id AND audience_type = :type AND audience_id = :audience
            """)
        .bind("now", now)
        .bind("id", id)
        .bind("type", audience.type().name())
        .bind("audience", audience.id())
        .fetch()
        .rowsUpdated()
        .filter(updated -> updated > 0)
        .flatMap(updated -> find(audience, id));
  }

  /** The audience's notifications numbered above {@code seq}, in order. */
  Flux<Notification> after(Audience audience, long seq, int limit) {
    return database
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM notification WHERE audience_type = :type AND audience_id = :id"
                + " AND seq > :seq ORDER BY seq LIMIT :limit")
        .bind("type", audience.type().name())
        .bind("id", audience.id())
        .bind("seq", seq)
        .bind("limit", limit)
        .map(this::read)
        .all();
  }

  /** The number of the audience's latest notification; 0 before its first. */
  Mono<Long> latestSeq(Audience audience) {
    return database
        .sql(
            "SELECT last_seq FROM audience_sequence WHERE audience_type = :type AND audience_id = :id")
        .bind("type", audience.type().name())
        .bind("id", audience.id())
        .map(row -> row.get(0, Long.class))
        .one()
        .defaultIfEmpty(0L);
  }

  /** Reads a row of the notification columns; for queries of other features that join them. */
  public Notification read(Readable row) {
    return new Notification(
        row.get("id", UUID.class),
        new Audience(
            TenantType.valueOf(row.get("audience_type", String.class)),
            row.get("audience_id", String.class)),
        row.get("seq", Long.class),
        Kind.valueOf(row.get("kind", String.class)),
        row.get("subject", String.class),
        row.get("county", String.class),
        json.readTree(row.get("data", Json.class).asString()),
        row.get("created_at", Instant.class),
        row.get("read_at", Instant.class));
  }
}
