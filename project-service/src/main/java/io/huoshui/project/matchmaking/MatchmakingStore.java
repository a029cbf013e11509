package io.huoshui.project.matchmaking;

import io.huoshui.project.persistence.Visibility;
import io.huoshui.project.persistence.Where;
import io.huoshui.service.security.Tenant;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The matchmaking events, their invitations, agendas and intentions; and what the invited banks
 * answered on the agenda's demands, read from the matches and timelines the service keeps of every
 * bank answer. An event is visible to an operator whose region covers the event's, to a county with
 * a demand on its agenda, and to an invited bank; its demands as {@link Visibility} decides.
 */
@Repository
class MatchmakingStore {

  private static final String EVENT_COLUMNS =
      """
      e.id, e.region, e.title, e.held_on, e.venue, e.theme, e.created_at,
        ARRAY(SELECT i.bank_code FROM matchmaking_invitation i WHERE i.event_id = e.id
          ORDER BY i.bank_code) AS banks,
        ARRAY(SELECT a.project_id FROM matchmaking_agenda a WHERE a.event_id = e.id
          ORDER BY a.added_at, a.project_id) AS agenda
      """;

  private final DatabaseClient database;

  MatchmakingStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> insert(MatchmakingEvent event, String createdBy) {
    Mono<Long> inserted =
        database
            .sql(
                """
                INSERT INTO matchmaking_event
                  (id, region, title, held_on, venue, theme, created_at, created_by)
                VALUES (:id, :region, :title, :heldOn, :venue, :theme, :at, :by)
                """)
            .bind("id", event.id())
            .bind("region", event.region())
            .bind("title", event.title())
            .bind("heldOn", event.date())
            .bind("venue", event.venue())
            .bind("theme", event.theme())
            .bind("at", event.createdAt())
            .bind("by", Parameter.fromOrEmpty(createdBy, String.class))
            .fetch()
            .rowsUpdated();
    Mono<Long> invited =
        database
            .sql(
                """
                INSERT INTO matchmaking_invitation (event_id, bank_code)
                SELECT :id, unnest(:banks::text[])
                """)
            .bind("id", event.id())
            .bind("banks", event.banks().toArray(String[]::new))
            .fetch()
            .rowsUpdated();
    return inserted.then(invited).then();
  }

  /** The event, whoever asks: a bank signing learns whether it was invited. */
  Mono<MatchmakingEvent> find(UUID id) {
    return database
        .sql("SELECT %s FROM matchmaking_event e WHERE e.id = :id".formatted(EVENT_COLUMNS))
        .bind("id", id)
        .map(MatchmakingStore::event)
        .one();
  }

  /** The event, if the tenant may see it. */
  Mono<MatchmakingEvent> find(UUID id, Tenant tenant) {
    Where where = visibleEvents(new Where(), tenant).and("e.id = :id", "id", id);
    return where
        .bind(
            database.sql(
                "SELECT %s FROM matchmaking_event e WHERE %s"
                    .formatted(EVENT_COLUMNS, where.sql())))
        .map(MatchmakingStore::event)
        .one();
  }

  /** The events the tenant may see, the latest first. */
  Flux<MatchmakingEvent> list(Tenant tenant, long offset, int size) {
    Where where = visibleEvents(new Where(), tenant);
    return where
        .bind(
            database.sql(
                """
                SELECT %s FROM matchmaking_event e WHERE %s
                ORDER BY e.held_on DESC, e.id DESC OFFSET :offset LIMIT :size
                """
                    .formatted(EVENT_COLUMNS, where.sql())))
        .bind("offset", offset)
        .bind("size", size)
        .map(MatchmakingStore::event)
        .all();
  }

  /** The events the tenant may see held within the days, the latest first. */
  Flux<MatchmakingEvent> heldWithin(Tenant tenant, LocalDate from, LocalDate until) {
    Where where =
        visibleEvents(new Where(), tenant)
            .and("e.held_on >= :from", "from", from)
            .and("e.held_on < :until", "until", until);
    return where
        .bind(
            database.sql(
                "SELECT %s FROM matchmaking_event e WHERE %s ORDER BY e.held_on DESC, e.id DESC"
                    .formatted(EVENT_COLUMNS, where.sql())))
        .map(MatchmakingStore::event)
        .all();
  }

  Mono<Long> count(Tenant tenant) {
    Where where = visibleEvents(new Where(), tenant);
    return where
        .bind(
            database.sql(
                "SELECT count(*) FROM matchmaking_event e WHERE %s".formatted(where.sql())))
        .map(row -> row.get(0, Long.class))
        .one();
  }

  /** The county of a demand the tenant may see. */
  Mono<String> countyOf(UUID projectId, Tenant tenant) {
    Where where = Visibility.of(tenant).and("p.id = :project", "project", projectId);
    return where
        .bind(database.sql("SELECT p.county FROM project p WHERE %s".formatted(where.sql())))
        .map(row -> row.get(0, String.class))
        .one();
  }

  /** Puts the demand on the agenda; false if it was on it already. */
  Mono<Boolean> addToAgenda(UUID eventId, UUID projectId, Instant at) {
    return database
        .sql(
            """
            INSERT INTO matchmaking_agenda (event_id, project_id, added_at)
            VALUES (:event, :project, :at) ON CONFLICT DO NOTHING
            """)
        .bind("event", eventId)
        .bind("project", projectId)
        .bind("at", at)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  /** Records the intention; false if the bank signed one for the demand at the event already. */
  Mono<Boolean> sign(Intention intention, String signedBy) {
    return database
        .sql(
            """
            INSERT INTO matchmaking_intention
              (event_id, project_id, bank_code, amount, signed_at, signed_by)
            VALUES (:event, :project, :bank, :amount, :at, :by) ON CONFLICT DO NOTHING
            """)
        .bind("event", intention.eventId())
        .bind("project", intention.projectId())
        .bind("bank", intention.bankCode())
        .bind("amount", intention.amount())
        .bind("at", intention.signedAt())
        .bind("by", Parameter.fromOrEmpty(signedBy, String.class))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  /** The lines of one event the tenant may see, by bank, then county and agenda order. */
  Flux<EventLine> lines(UUID eventId, Tenant tenant) {
    return lines(visibleLines(tenant).and("e.id = :event", "event", eventId));
  }

  /** The lines of several events the tenant may see. */
  Flux<EventLine> lines(Collection<UUID> eventIds, Tenant tenant) {
    return lines(
        visibleLines(tenant).and("e.id = ANY(:events)", "events", eventIds.toArray(UUID[]::new)));
  }

  /**
   * The lines of the events held within the days that the tenant may see, on the demands of one
   * county if it is named.
   */
  Flux<EventLine> lines(Tenant tenant, LocalDate from, LocalDate until, String county) {
    Where where =
        visibleLines(tenant)
            .and("e.held_on >= :from", "from", from)
            .and("e.held_on < :until", "until", until);
    if (county != null) {
      where.and("p.county = :county", "county", county);
    }
    return lines(where);
  }

  /** Every signed intention of every event, for the gauge. */
  Flux<EventLine> signed() {
    return lines(new Where().and("s.amount IS NOT NULL"));
  }

  /** The lines of the events the tenant sees, on the demands it sees. */
  private static Where visibleLines(Tenant tenant) {
    return visibleEvents(Visibility.of(tenant), tenant);
  }

  private Flux<EventLine> lines(Where where) {
    return where
        .bind(
            database.sql(
                """
                SELECT e.id AS event_id, e.region, e.title AS event_title, e.held_on, i.bank_code,
                  p.id AS project_id, p.county, p.title, s.amount AS signed, s.signed_at,
                  coalesce(m.approved, 0) AS approved, coalesce(m.disbursed, 0) AS disbursed,
                  f.first_approval
                FROM matchmaking_event e
                JOIN matchmaking_agenda a ON a.event_id = e.id
                JOIN matchmaking_invitation i ON i.event_id = e.id
                JOIN project p ON p.id = a.project_id
                LEFT JOIN matchmaking_intention s ON s.event_id = e.id AND s.project_id = p.id
                  AND s.bank_code = i.bank_code
                LEFT JOIN LATERAL (SELECT sum(pm.amount_approved) AS approved,
                    sum(pm.amount_disbursed) AS disbursed
                  FROM project_match pm
                  WHERE pm.project_id = p.id AND pm.bank_code = i.bank_code) m ON TRUE
                LEFT JOIN LATERAL (SELECT min(t.occurred_at) AS first_approval
                  FROM project_timeline t
                  WHERE t.project_id = p.id AND t.bank_code = i.bank_code AND t.step = 'APPROVED'
                    AND t.occurred_at >= (e.held_on::timestamp AT TIME ZONE 'Asia/Shanghai')) f
                  ON TRUE
                WHERE (s.amount IS NOT NULL OR m.approved > 0 OR m.disbursed > 0) AND %s
                ORDER BY e.held_on DESC, e.id, i.bank_code, p.county, a.added_at, p.id
                """
                    .formatted(where.sql())))
        .map(MatchmakingStore::line)
        .all();
  }

  /**
   * Which events a tenant sees: an operator those of its region and inside it, a county those with
   * a demand of its own on the agenda, a bank those it is invited to.
   */
  private static Where visibleEvents(Where where, Tenant tenant) {
    return switch (tenant.type()) {
      case OPERATOR -> where.and("e.region LIKE :eventRegion", "eventRegion", prefix(tenant.id()));
      case COUNTY ->
          where.and(
              """
              EXISTS (SELECT 1 FROM matchmaking_agenda va JOIN project vp ON vp.id = va.project_id
                WHERE va.event_id = e.id AND vp.county = :eventCounty)""",
              "eventCounty",
              tenant.id());
      case BANK ->
          where.and(
              """
              EXISTS (SELECT 1 FROM matchmaking_invitation vi
                WHERE vi.event_id = e.id AND vi.bank_code = :eventBank)""",
              "eventBank",
              tenant.id());
    };
  }

  /** A prefix pattern in which the region's own characters match only themselves. */
  private static String prefix(String region) {
    return region.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static MatchmakingEvent event(Readable row) {
    return new MatchmakingEvent(
        row.get("id", UUID.class),
        row.get("region", String.class),
        row.get("title", String.class),
        row.get("held_on", LocalDate.class),
        row.get("venue", String.class),
        row.get("theme", String.class),
        List.of(row.get("banks", String[].class)),
        Arrays.asList(row.get("agenda", UUID[].class)),
        row.get("created_at", OffsetDateTime.class).toInstant());
  }

  private static EventLine line(Readable row) {
    OffsetDateTime signedAt = row.get("signed_at", OffsetDateTime.class);
    OffsetDateTime approvedAt = row.get("first_approval", OffsetDateTime.class);
    return new EventLine(
        row.get("event_id", UUID.class),
        row.get("region", String.class),
        row.get("event_title", String.class),
        row.get("held_on", LocalDate.class),
        row.get("bank_code", String.class),
        row.get("project_id", UUID.class),
        row.get("county", String.class),
        row.get("title", String.class),
        row.get("signed", BigDecimal.class),
        signedAt == null ? null : signedAt.toInstant(),
        row.get("approved", BigDecimal.class).setScale(2),
        row.get("disbursed", BigDecimal.class).setScale(2),
        approvedAt == null ? null : approvedAt.toInstant());
  }
}
