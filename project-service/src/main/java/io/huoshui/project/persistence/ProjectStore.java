package io.huoshui.project.persistence;

import io.huoshui.project.domain.ClosureReason;
import io.huoshui.project.domain.Demand;
import io.huoshui.project.domain.Funnel;
import io.huoshui.project.domain.GreenPledge;
import io.huoshui.project.domain.NoMatch;
import io.huoshui.project.domain.Project;
import io.huoshui.project.domain.ProjectFilter;
import io.huoshui.project.domain.ProjectStatus;
import io.huoshui.project.domain.TimelineEntry;
import io.huoshui.service.security.Tenant;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.r2dbc.core.RowsFetchSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Demands in PostgreSQL. What a tenant may see is decided by {@link Visibility}, here only. */
@Repository
public class ProjectStore {

  private static final String COLUMNS =
      """
      p.id, p.county, p.title, p.description, p.enterprise_name, p.enterprise_credit_code,
      p.enterprise_size, p.industry, p.purpose, p.total_investment, p.amount_requested,
      p.term_months, p.collateral, p.tags, p.contact_name, p.contact_phone, p.status,
      p.no_match::text AS no_match, p.amount_intended, p.amount_approved, p.amount_disbursed,
      p.submitted_at, p.changed_at, p.withdrawn_at, p.withdrawal_reason, p.closed_at,
      p.closure_reason, p.closure_note, p.version, p.green_pledges::text AS green_pledges
      """;

  private final DatabaseClient database;
  private final JsonMapper json;

  ProjectStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  /**
   * Stores a new demand with its first step, in one statement; false when one with this id exists
   * already (nothing is changed).
   */
  public Mono<Boolean> insert(Project project, TimelineEntry first) {
    return TimelineStore.bind(
            bindState(
                database.sql(
                    """
                WITH inserted AS (
                INSERT INTO project (id, county, title, description, enterprise_name,
                    enterprise_credit_code, enterprise_size, industry, purpose, total_investment,
                    amount_requested, term_months, collateral, tags, contact_name, contact_phone,
                    status, no_match, amount_intended, amount_approved, amount_disbursed,
                    submitted_at, changed_at, withdrawn_at, withdrawal_reason, closed_at,
                    closure_reason, closure_note, version, green_pledges)
                VALUES (:id, :county, :title, :description, :enterpriseName, :creditCode,
                    :enterpriseSize, :industry, :purpose, :totalInvestment, :amountRequested,
                    :termMonths, :collateral, :tags, :contactName, :contactPhone, :status,
                    CAST(:noMatch AS jsonb), :intended, :approved, :disbursed, :submittedAt,
                    :changedAt, :withdrawnAt, :withdrawalReason, :closedAt, :closureReason,
                    :closureNote, :version, CAST(:greenPledges AS jsonb))
                ON CONFLICT (id) DO NOTHING
                RETURNING id)
                INSERT INTO %s SELECT id, %s FROM inserted
                """
                        .formatted(TimelineStore.COLUMNS, TimelineStore.VALUES)),
                project),
            first,
            json)
        .bind("county", project.county())
        .bind("submittedAt", project.submittedAt())
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  /**
   * Writes every mutable member of a demand read with one of the locking reads, and the step that
   * changed it, in one statement.
   */
  public Mono<Void> update(Project project, TimelineEntry step) {
    return TimelineStore.bind(
            bindState(
                database.sql(
                    """
                    WITH changed AS (
                    UPDATE project SET title = :title, description = :description,
                        enterprise_name = :enterpriseName, enterprise_credit_code = :creditCode,
                        enterprise_size = :enterpriseSize, industry = :industry,
                        purpose = :purpose, total_investment = :totalInvestment,
                        amount_requested = :amountRequested, term_months = :termMonths,
                        collateral = :collateral, tags = :tags, contact_name = :contactName,
                        contact_phone = :contactPhone, status = :status,
                        no_match = CAST(:noMatch AS jsonb), amount_intended = :intended,
                        amount_approved = :approved, amount_disbursed = :disbursed,
                        changed_at = :changedAt, withdrawn_at = :withdrawnAt,
                        withdrawal_reason = :withdrawalReason, closed_at = :closedAt,
                        closure_reason = :closureReason, closure_note = :closureNote,
                        version = :version, green_pledges = CAST(:greenPledges AS jsonb)
                    WHERE id = :id RETURNING id)
                    INSERT INTO %s SELECT id, %s FROM changed
                    """
                        .formatted(TimelineStore.COLUMNS, TimelineStore.VALUES)),
                project),
            step,
            json)
        .then();
  }

  public Mono<Project> findVisible(Tenant tenant, UUID id) {
    return select(Visibility.of(tenant).and("p.id = :id", "id", id), "").one();
  }

  /** The demand for a change on the tenant's behalf, locked until the transaction ends. */
  public Mono<Project> lockVisible(Tenant tenant, UUID id) {
    return select(Visibility.of(tenant).and("p.id = :id", "id", id), "FOR UPDATE").one();
  }

  /** The demand for a change the network reports (a match, a bank's answer), locked. */
  public Mono<Project> lock(UUID id) {
    return select(new Where().and("p.id = :id", "id", id), "FOR UPDATE").one();
  }

  /**
   * Writes that come with a change the network reports, run in the statement that locks the demand
   * (one round trip instead of two): common table expressions that read the locked demand from
   * {@code locked}, so that they wait for the lock and write nothing when there is no such demand,
   * and what they add to the statement's one row.
   *
   * @param tables {@code name AS (...)}, comma-separated
   * @param joined what the row joins besides {@code locked}, e.g. {@code CROSS JOIN totals}
   * @param read what the writes answer, read from the statement's row
   */
  public record With<T>(
      String tables, String joined, Map<String, Object> values, Function<Readable, T> read) {}

  /**
   * The demand locked, with the writes that come with its change; the result is made of the demand
   * as it was and what the writes answer. Empty when there is no such demand.
   */
  public <T, R> Mono<R> lock(UUID id, With<T> with, BiFunction<Project, T, R> result) {
    return database
        .sql(
            "WITH locked AS (SELECT "
                + COLUMNS
                + " FROM project p WHERE p.id = :id FOR UPDATE), "
                + with.tables()
                + " SELECT * FROM locked "
                + with.joined())
        .bind("id", id)
        .bindValues(with.values())
        .map(row -> result.apply(project(row), with.read().apply(row)))
        .one();
  }

  /** One page of what the tenant sees, newest first; the id keeps equal times in a fixed order. */
  public Flux<Project> list(Tenant tenant, ProjectFilter filter, long offset, int limit) {
    return select(
            filtered(tenant, filter),
            "ORDER BY p.submitted_at DESC, p.id DESC OFFSET %d LIMIT %d".formatted(offset, limit))
        .all();
  }

  public Mono<Long> count(Tenant tenant, ProjectFilter filter) {
    Where where = filtered(tenant, filter);
    return where
        .bind(database.sql("SELECT count(*) FROM project p WHERE " + where.sql()))
        .map(row -> row.get(0, Long.class))
        .one();
  }

  private static Where filtered(Tenant tenant, ProjectFilter filter) {
    Where where = Visibility.of(tenant);
    if (filter.status() != null) {
      where.and("p.status = :status", "status", filter.status().name());
    }
    if (filter.industry() != null) {
      where.and("p.industry = :industry", "industry", filter.industry().name());
    }
    if (filter.tag() != null) {
      where.and(":tag = ANY(p.tags)", "tag", filter.tag().name());
    }
    if (filter.submittedFrom() != null) {
      where.and("p.submitted_at >= :from", "from", filter.submittedFrom());
    }
    if (filter.submittedBefore() != null) {
      where.and("p.submitted_at < :before", "before", filter.submittedBefore());
    }
    if (filter.county() != null) {
      where.and("p.county = :county", "county", filter.county());
    }
    return where;
  }

  private RowsFetchSpec<Project> select(Where where, String suffix) {
    return where
        .bind(
            database.sql(
                "SELECT " + COLUMNS + " FROM project p WHERE " + where.sql() + " " + suffix))
        .map(this::project);
  }

  private GenericExecuteSpec bindState(GenericExecuteSpec spec, Project project) {
    Demand demand = project.demand();
    Funnel funnel = project.funnel();
    Project.Closure closure = project.closure();
    return spec.bind("id", project.id())
        .bind("title", demand.title())
        .bind("description", demand.description())
        .bind("enterpriseName", demand.enterprise().name())
        .bind("creditCode", demand.enterprise().creditCode())
        .bind("enterpriseSize", demand.enterprise().size().name())
        .bind("industry", demand.industry().name())
        .bind("purpose", demand.purpose().name())
        .bind("totalInvestment", Parameter.fromOrEmpty(demand.totalInvestment(), BigDecimal.class))
        .bind("amountRequested", demand.amountRequested())
        .bind("termMonths", demand.termMonths())
        .bind("collateral", names(demand.collateral()))
        .bind("tags", names(demand.tags()))
        .bind("contactName", demand.contact().name())
        .bind("contactPhone", demand.contact().phone())
        .bind("status", project.status().name())
        .bind(
            "noMatch",
            Parameter.fromOrEmpty(
                project.noMatch() == null ? null : json.writeValueAsString(project.noMatch()),
                String.class))
        .bind("intended", funnel.intended())
        .bind("approved", funnel.approved())
        .bind("disbursed", funnel.disbursed())
        .bind("changedAt", project.changedAt())
        .bind(
            "withdrawnAt",
            Parameter.fromOrEmpty(
                project.withdrawal() == null ? null : project.withdrawal().at(), Instant.class))
        .bind(
            "withdrawalReason",
            Parameter.fromOrEmpty(
                project.withdrawal() == null ? null : project.withdrawal().reason(), String.class))
        .bind(
            "closedAt", Parameter.fromOrEmpty(closure == null ? null : closure.at(), Instant.class))
        .bind(
            "closureReason",
            Parameter.fromOrEmpty(closure == null ? null : closure.reason().name(), String.class))
        .bind(
            "closureNote",
            Parameter.fromOrEmpty(closure == null ? null : closure.note(), String.class))
        .bind("version", project.version())
        .bind("greenPledges", json.writeValueAsString(demand.greenPledges()));
  }

  private static String[] names(List<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).toArray(String[]::new);
  }

  private Project project(Readable row) {
    BigDecimal requested = row.get("amount_requested", BigDecimal.class);
    Demand demand =
        new Demand(
            row.get("title", String.class),
            row.get("description", String.class),
            new Demand.Enterprise(
                row.get("enterprise_name", String.class),
                row.get("enterprise_credit_code", String.class),
                EnterpriseSize.valueOf(row.get("enterprise_size", String.class))),
            Industry.valueOf(row.get("industry", String.class)),
            Purpose.valueOf(row.get("purpose", String.class)),
            row.get("total_investment", BigDecimal.class),
            requested,
            row.get("term_months", Integer.class),
            values(row.get("collateral", String[].class), Collateral::valueOf),
            values(row.get("tags", String[].class), Tag::valueOf),
            new Demand.Contact(
                row.get("contact_name", String.class), row.get("contact_phone", String.class)),
            List.of(json.readValue(row.get("green_pledges", String.class), GreenPledge[].class)));
    String noMatch = row.get("no_match", String.class);
    Instant withdrawnAt = row.get("withdrawn_at", Instant.class);
    Instant closedAt = row.get("closed_at", Instant.class);
    return new Project(
        row.get("id", UUID.class),
        row.get("county", String.class),
        demand,
        ProjectStatus.valueOf(row.get("status", String.class)),
        noMatch == null ? null : json.readValue(noMatch, NoMatch.class),
        new Funnel(
            requested,
            row.get("amount_intended", BigDecimal.class),
            row.get("amount_approved", BigDecimal.class),
            row.get("amount_disbursed", BigDecimal.class)),
        row.get("submitted_at", Instant.class),
        row.get("changed_at", Instant.class),
        withdrawnAt == null
            ? null
            : new Project.Withdrawal(row.get("withdrawal_reason", String.class), withdrawnAt),
        closedAt == null
            ? null
            : new Project.Closure(
                ClosureReason.valueOf(row.get("closure_reason", String.class)),
                row.get("closure_note", String.class),
                closedAt),
        row.get("version", Integer.class));
  }

  private static <E> List<E> values(String[] names, Function<String, E> parse) {
    return Arrays.stream(names).map(parse).toList();
  }
}
