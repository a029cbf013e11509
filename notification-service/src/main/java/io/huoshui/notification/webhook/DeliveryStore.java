package io.huoshui.notification.webhook;

import io.huoshui.notification.notice.Language;
import io.huoshui.notification.notice.NoticeStore;
import io.huoshui.notification.notice.Notification;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The webhook deliveries in the database: their schedule, leases, outcomes and log. */
@Component
class DeliveryStore {

  /** Serialises claiming across replicas; any constant no other lock of this database uses. */
  private static final long CLAIM_LOCK = 0x48756f7368756901L;

  private static final String VIEW_COLUMNS =
      "d.id, d.endpoint_id, d.notification_id, d.subject, d.county, d.status, d.attempts,"
          + " d.next_attempt_at, d.last_error, d.created_at, d.delivered_at, d.parked_at";

  private final DatabaseClient database;
  private final NoticeStore notices;

  DeliveryStore(DatabaseClient database, NoticeStore notices) {
    this.database = database;
    this.notices = notices;
  }

  /**
   * One pending delivery of each notification to each live endpoint of its audience; how many were
   * scheduled.
   */
  Mono<Long> schedule(List<Notification> notifications, Instant now) {
    return database
        .sql(
            """
            INSERT INTO webhook_delivery (id, endpoint_id, notification_id, subject, seq, county,
                                          status, next_attempt_at, created_at)
            SELECT gen_random_uuid(), e.id, n.id, n.subject, n.seq, n.county, 'PENDING', :now, :now
            FROM unnest(CAST(:ids AS uuid[]), CAST(:subjects AS text[]), CAST(:seqs AS bigint[]),
                        CAST(:counties AS text[]), CAST(:types AS text[]),
                        CAST(:tenants AS text[]))
                   AS n (id, subject, seq, county, tenant_type, tenant_id)
            JOIN webhook_endpoint e
              ON e.tenant_type = n.tenant_type AND e.tenant_id = n.tenant_id
             AND e.deleted_at IS NULL
            """)
        .bind("ids", notifications.stream().map(Notification::id).toArray(UUID[]::new))
        .bind("subjects", notifications.stream().map(Notification::subject).toArray(String[]::new))
        .bind("seqs", notifications.stream().map(Notification::seq).toArray(Long[]::new))
        .bind("counties", notifications.stream().map(Notification::county).toArray(String[]::new))
        .bind(
            "types",
            notifications.stream().map(n -> n.audience().type().name()).toArray(String[]::new))
        .bind("tenants", notifications.stream().map(n -> n.audience().id()).toArray(String[]::new))
        .bind("now", now)
        .fetch()
        .rowsUpdated();
  }

  /**
   * Leases due deliveries until {@code leaseUntil}: only the first pending one of each subject of
   * each endpoint (so one demand's notifications reach an endpoint in order), at most {@code
   * perEndpoint} in flight per endpoint, the endpoints' first turns before anyone's second; in the
   * transaction that holds {@link #lockClaims}.
   */
  Flux<ClaimedDelivery> claim(Instant now, Instant leaseUntil, int limit, int perEndpoint) {
    return database
        .sql(
            """
                WITH in_flight AS (
                  SELECT endpoint_id, count(*) AS busy FROM webhook_delivery
                  WHERE status = 'PENDING' AND claimed_until > :now GROUP BY endpoint_id
                ), heads AS (
                  SELECT d.id, d.endpoint_id,
                         row_number() OVER (PARTITION BY d.endpoint_id
                                            ORDER BY d.next_attempt_at, d.seq) AS turn
                  FROM webhook_delivery d
                  JOIN webhook_endpoint e ON e.id = d.endpoint_id AND e.deleted_at IS NULL
                  WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                    AND (d.claimed_until IS NULL OR d.claimed_until <= :now)
                    AND NOT EXISTS (
                      SELECT 1 FROM webhook_delivery earlier
                      WHERE earlier.endpoint_id = d.endpoint_id AND earlier.subject = d.subject
                        AND earlier.status = 'PENDING' AND earlier.seq < d.seq)
                ), chosen AS (
                  SELECT h.id FROM heads h LEFT JOIN in_flight f ON f.endpoint_id = h.endpoint_id
                  WHERE h.turn + COALESCE(f.busy, 0) <= :perEndpoint
                  ORDER BY h.turn, h.id
                  LIMIT :limit
                )
                UPDATE webhook_delivery d SET claimed_until = :leaseUntil
                FROM chosen c, webhook_endpoint e, notification n
                WHERE d.id = c.id AND e.id = d.endpoint_id AND n.id = d.notification_id
                RETURNING d.id AS delivery_id, d.endpoint_id, d.attempts, d.round_attempts,
                          e.url, e.sealed_secret, e.language,
                          n.id, n.audience_type, n.audience_id, n.seq, n.kind, n.subject, n.county,
                          n.data, n.created_at, n.read_at
                """)
        .bind("now", now)
        .bind("leaseUntil", leaseUntil)
        .bind("limit", limit)
        .bind("perEndpoint", perEndpoint)
        .map(
            row ->
                new ClaimedDelivery(
                    row.get("delivery_id", UUID.class),
                    row.get("endpoint_id", UUID.class),
                    row.get("url", String.class),
                    row.get("sealed_secret", String.class),
                    Language.valueOf(row.get("language", String.class)),
                    row.get("attempts", Integer.class),
                    row.get("round_attempts", Integer.class),
                    notices.read(row)))
        .all();
  }

  /** Takes the claiming lock for the caller's transaction; false when another replica holds it. */
  Mono<Boolean> lockClaims() {
    return database
        .sql("SELECT pg_try_advisory_xact_lock(:key)")
        .bind("key", CLAIM_LOCK)
        .map(row -> row.get(0, Boolean.class))
        .one();
  }

  /** The endpoint accepted the notification: a pending delivery is delivered. */
  Mono<Void> delivered(ClaimedDelivery delivery, Instant at) {
    return database
        .sql(
            """
            UPDATE webhook_delivery
            SET status = 'DELIVERED', attempts = attempts + 1, round_attempts = round_attempts + 1,
                delivered_at = :at, claimed_until = NULL, last_error = NULL
            WHERE id = :id AND status = 'PENDING'
            """)
        .bind("at", at)
        .bind("id", delivery.id())
        .then();
  }

  /**
   * The attempt failed: the delivery is tried again at {@code retryAt}, or parked when that is null
   * (its attempts are spent).
   */
  Mono<Void> failed(ClaimedDelivery delivery, Instant at, String error, Instant retryAt) {
    var update =
        database
            .sql(
                """
                UPDATE webhook_delivery
                SET attempts = attempts + 1, round_attempts = round_attempts + 1,
                    claimed_until = NULL, last_error = :error,
                    status = CASE WHEN CAST(:retryAt AS timestamptz) IS NULL
                                  THEN 'PARKED' ELSE 'PENDING' END,
                    next_attempt_at = COALESCE(CAST(:retryAt AS timestamptz), next_attempt_at),
                    parked_at = CASE WHEN CAST(:retryAt AS timestamptz) IS NULL THEN :at END
                WHERE id = :id AND status = 'PENDING'
                """)
            .bind("error", error)
            .bind("at", at)
            .bind("id", delivery.id());
    update =
        retryAt != null
            ? update.bind("retryAt", retryAt)
            : update.bindNull("retryAt", Instant.class);
    return update.then();
  }

  /** No attempt was made (the endpoint's breaker is open): try again at {@code retryAt}. */
  Mono<Void> postpone(ClaimedDelivery delivery, Instant retryAt) {
    return database
        .sql(
            """
            UPDATE webhook_delivery SET next_attempt_at = :retryAt, claimed_until = NULL
            WHERE id = :id AND status = 'PENDING'
            """)
        .bind("retryAt", retryAt)
        .bind("id", delivery.id())
        .then();
  }

  /** Logs an attempt once, however often its outcome is written. */
  Mono<Void> logAttempt(
      ClaimedDelivery delivery, Instant at, Integer statusCode, String error, int durationMs) {
    var insert =
        database
            .sql(
                """
                INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, status_code, error,
                                             duration_ms)
                VALUES (:id, :attempt, :at, :status, :error, :duration)
                ON CONFLICT (delivery_id, attempt) DO NOTHING
                """)
            .bind("id", delivery.id())
            .bind("attempt", delivery.attempts() + 1)
            .bind("at", at)
            .bind("duration", durationMs);
    insert =
        statusCode != null
            ? insert.bind("status", statusCode)
            : insert.bindNull("status", Integer.class);
    insert = error != null ? insert.bind("error", error) : insert.bindNull("error", String.class);
    return insert.then();
  }

  /** Parked deliveries concerning counties the region covers, newest first. */
  Flux<Delivery> parked(String region, long offset, int limit) {
    return withLog(
        database
            .sql(
                "SELECT "
                    + VIEW_COLUMNS
                    + " FROM webhook_delivery d WHERE d.status = 'PARKED'"
                    + " AND d.county LIKE :region || '%'"
                    + " ORDER BY d.parked_at DESC, d.id LIMIT :limit OFFSET :offset")
            .bind("region", region)
            .bind("limit", limit)
            .bind("offset", offset)
            .map(DeliveryStore::read)
            .all());
  }

  Mono<Long> countParked(String region) {
    return database
        .sql(
            "SELECT count(*) FROM webhook_delivery WHERE status = 'PARKED'"
                + " AND county LIKE :region || '%'")
        .bind("region", region)
        .map(row -> row.get(0, Long.class))
        .one();
  }

  Mono<Long> countParked() {
    return database
        .sql("SELECT count(*) FROM webhook_delivery WHERE status = 'PARKED'")
        .map(row -> row.get(0, Long.class))
        .one();
  }

  /**
   * Sends a parked delivery again, with a fresh round of attempts; empty when the region has no
   * such parked delivery.
   */
  Mono<Delivery> replay(String region, UUID id, Instant now) {
    return database
        .sql(
            """
            UPDATE webhook_delivery
            SET status = 'PENDING', round_attempts = 0, next_attempt_at = :now, parked_at = NULL
            WHERE id = :id AND status = 'PARKED' AND county LIKE :region || '%'
            """)
        .bind("now", now)
        .bind("id", id)
        .bind("region", region)
        .fetch()
        .rowsUpdated()
        .filter(updated -> updated > 0)
        .flatMap(updated -> find(id));
  }

  /** The deliveries of a notification, with their logs. */
  Flux<Delivery> ofNotification(UUID notificationId) {
    return withLog(
        database
            .sql(
                "SELECT "
                    + VIEW_COLUMNS
                    + " FROM webhook_delivery d WHERE d.notification_id = :id"
                    + " ORDER BY d.created_at, d.id")
            .bind("id", notificationId)
            .map(DeliveryStore::read)
            .all());
  }

  Mono<Delivery> find(UUID id) {
    return withLog(
            database
                .sql("SELECT " + VIEW_COLUMNS + " FROM webhook_delivery d WHERE d.id = :id")
                .bind("id", id)
                .map(DeliveryStore::read)
                .all())
        .next();
  }

  private Flux<Delivery> withLog(Flux<Delivery> deliveries) {
    return deliveries
        .collectList()
        .flatMapMany(
            found ->
                found.isEmpty()
                    ? Flux.empty()
                    : attemptsOf(found.stream().map(Delivery::id).toList())
                        .map(
                            logs ->
                                found.stream()
                                    .map(
                                        view ->
                                            view.withLog(logs.getOrDefault(view.id(), List.of())))
                                    .toList())
                        .flatMapIterable(views -> views));
  }

  private Mono<Map<UUID, List<Delivery.Attempt>>> attemptsOf(List<UUID> deliveries) {
    return database
        .sql(
            """
            SELECT delivery_id, attempt, attempted_at, status_code, error, duration_ms
            FROM webhook_attempt WHERE delivery_id = ANY(:ids) ORDER BY delivery_id, attempt
            """)
        .bind("ids", deliveries.toArray(UUID[]::new))
        .map(
            row ->
                Map.entry(
                    row.get("delivery_id", UUID.class),
                    new Delivery.Attempt(
                        row.get("attempt", Integer.class),
                        row.get("attempted_at", Instant.class),
                        row.get("status_code", Integer.class),
                        row.get("error", String.class),
                        row.get("duration_ms", Integer.class))))
        .all()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  private static Delivery read(Readable row) {
    return new Delivery(
        row.get("id", UUID.class),
        row.get("endpoint_id", UUID.class),
        row.get("notification_id", UUID.class),
        row.get("subject", String.class),
        row.get("county", String.class),
        row.get("status", String.class),
        row.get("attempts", Integer.class),
        row.get("next_attempt_at", Instant.class),
        row.get("last_error", String.class),
        row.get("created_at", Instant.class),
        row.get("delivered_at", Instant.class),
        row.get("parked_at", Instant.class),
        List.of());
  }
}
