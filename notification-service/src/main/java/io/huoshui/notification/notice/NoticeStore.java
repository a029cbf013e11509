package io.huoshui.notification.notice;

import io.huoshui.service.security.TenantType;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The notification tables: the one place that knows them. */
@Component
public class NoticeStore {

  /** The PostgreSQL channel a committed notification is announced on, payload "TYPE:id". */
  static final String CHANNEL = "huoshui_notification";

  private static final String COLUMNS =
      "id, audience_type, audience_id, seq, kind, subject, county, data, created_at, read_at";

  private final DatabaseClient database;
  private final JsonMapper json;

  NoticeStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  /**
   * One statement: the notifications not held yet are numbered on from their audiences' sequences
   * (taken in the order of {@link Audience}, each audience's in the order given) and announced on
   * {@link #CHANNEL}; NOTIFY is delivered at commit, and only then, so a listener never hears of a
   * rolled-back one.
   */
  Mono<List<Notification>> write(List<NewNotification> notifications, Instant now) {
    if (notifications.isEmpty()) {
      return Mono.just(List.of());
    }
    // A stable sort: an audience's notifications keep the order in which they were published.
    List<NewNotification> ordered =
        notifications.stream().sorted(Comparator.comparing(NewNotification::audience)).toList();
    Map<UUID, Notification> drafts = new LinkedHashMap<>();
    for (NewNotification fresh : ordered) {
      UUID id = UUID.randomUUID();
      drafts.put(
          id,
          new Notification(
              id,
              fresh.audience(),
              0,
              fresh.kind(),
              fresh.subject(),
              fresh.county(),
              json.valueToTree(fresh.data()),
              now,
              null));
    }
    List<Notification> all = List.copyOf(drafts.values());
    return database
        .sql(
            """
            WITH incoming AS (
              SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:types AS text[]),
                                   CAST(:audiences AS text[]), CAST(:kinds AS text[]),
                                   CAST(:subjects AS text[]), CAST(:counties AS text[]),
                                   CAST(:origins AS text[]), CAST(:data AS text[]))
                WITH ORDINALITY AS i (id, audience_type, audience_id, kind, subject, county,
                                      origin, data, ord)
            ), fresh AS (
              SELECT * FROM incoming i
              WHERE NOT EXISTS (
                SELECT 1 FROM notification n
                WHERE n.audience_type = i.audience_type AND n.audience_id = i.audience_id
                  AND n.origin = i.origin AND n.kind = i.kind)
            ), numbered AS (
              INSERT INTO audience_sequence (audience_type, audience_id, last_seq)
              SELECT audience_type, audience_id, count(*) FROM fresh
              GROUP BY audience_type, audience_id ORDER BY min(ord)
              ON CONFLICT (audience_type, audience_id)
                DO UPDATE SET last_seq = audience_sequence.last_seq + excluded.last_seq
              RETURNING audience_type, audience_id, last_seq
            ), written AS (
              INSERT INTO notification (id, audience_type, audience_id, seq, kind, subject, county,
                                        origin, data, created_at)
              SELECT f.id, f.audience_type, f.audience_id,
                     s.last_seq - count(*) OVER audience
                       + row_number() OVER (audience ORDER BY f.ord),
                     f.kind, f.subject, f.county, f.origin, CAST(f.data AS jsonb), :at
              FROM fresh f JOIN numbered s USING (audience_type, audience_id)
              WINDOW audience AS (PARTITION BY f.audience_type, f.audience_id)
              RETURNING id, audience_type, audience_id, seq
            )
            SELECT id, seq, pg_notify(:channel, audience_type || ':' || audience_id) FROM written
            """)
        .bind("ids", all.stream().map(Notification::id).toArray(UUID[]::new))
        .bind("types", texts(all, n -> n.audience().type().name()))
        .bind("audiences", texts(all, n -> n.audience().id()))
        .bind("kinds", texts(all, n -> n.kind().name()))
        .bind("subjects", texts(all, Notification::subject))
        .bind("counties", texts(all, Notification::county))
        .bind("origins", ordered.stream().map(NewNotification::origin).toArray(String[]::new))
        .bind("data", texts(all, n -> json.writeValueAsString(n.data())))
        .bind("at", now)
        .bind("channel", CHANNEL)
        .map(
            row -> {
              Notification draft = drafts.get(row.get("id", UUID.class));
              return new Notification(
                  draft.id(),
                  draft.audience(),
                  row.get("seq", Long.class),
                  draft.kind(),
                  draft.subject(),
                  draft.county(),
                  draft.data(),
                  draft.createdAt(),
                  null);
            })
        .all()
        .collectList();
  }

  private static String[] texts(List<Notification> all, Function<Notification, String> member) {
    return all.stream().map(member).toArray(String[]::new);
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
  Mono<Notification> find(Audience audience, UUID id) {
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
  Mono<Notification> markRead(Audience audience, UUID id, Instant now) {
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
