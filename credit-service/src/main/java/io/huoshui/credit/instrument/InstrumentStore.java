package io.huoshui.credit.instrument;

import static io.huoshui.credit.values.EnumArrays.names;
import static io.huoshui.credit.values.EnumArrays.parse;

import io.huoshui.credit.values.Decimals;
import io.huoshui.service.security.Actor;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.InstrumentKind;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The instrument tables. Every write names the issuer region the operator may manage in its WHERE
 * clause: this is the one place where an office is kept to its own region's instruments.
 */
@Repository
class InstrumentStore {

  private static final String SELECT =
      """
      SELECT i.id, i.kind, i.issuer_region, i.name, i.regions, i.industries, i.enterprise_sizes,
             i.purposes, i.tags, i.max_amount, i.max_term_months, i.subsidy_points,
             i.subsidy_ceiling, i.coverage_ratio, i.fee_rate, i.loss_share, i.budget, i.drawn,
             i.remaining_budget, i.valid_from, i.valid_to, i.status, i.version
      FROM instrument i
      """;

  /** As a product's region filter: the region whole, a region around it or a region inside it. */
  private static final String SERVES_REGION =
      """
      EXISTS (SELECT 1 FROM unnest(i.regions) AS served(code)
              WHERE :region LIKE served.code || '%' OR served.code LIKE :region || '%')
      """;

  /** A county is served by a region that is the county or contains it, never by a neighbour. */
  private static final String SERVES_COUNTY =
      """
      EXISTS (SELECT 1 FROM unnest(i.regions) AS served(code) WHERE :county LIKE served.code || '%')
      """;

  private final DatabaseClient database;

  InstrumentStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> insert(UUID id, InstrumentRequest request, Instant now) {
    return database
        .sql(
            """
            INSERT INTO instrument (id, kind, issuer_region, name, regions, industries,
                enterprise_sizes, purposes, tags, max_amount, max_term_months, subsidy_points,
                subsidy_ceiling, coverage_ratio, fee_rate, loss_share, budget, valid_from,
                valid_to, status, version, created_at, updated_at)
            VALUES (:id, :kind, :issuer, :name, :regions, :industries, :sizes, :purposes, :tags,
                :maxAmount, :maxTerm, :subsidyPoints, :subsidyCeiling, :coverageRatio, :feeRate,
                :lossShare, :budget, :validFrom, :validTo, 'ACTIVE', 1, :now, :now)
            """)
        .bindValues(columns(request))
        .bind("id", id)
        .bind("now", now)
        .then();
  }

  /**
   * The instrument if it was issued inside the operator's region, locked until the transaction
   * ends; empty for any other.
   */
  Mono<Stored> lockManaged(UUID id, String operatorRegion) {
    return database
        .sql(SELECT + " WHERE i.id = :id AND i.issuer_region LIKE :region || '%' FOR UPDATE")
        .bind("id", id)
        .bind("region", operatorRegion)
        .map(InstrumentStore::stored)
        .one();
  }

  Mono<Void> replace(UUID id, InstrumentRequest request, Instant now) {
    return database
        .sql(
            """
            UPDATE instrument SET kind = :kind, issuer_region = :issuer, name = :name,
                regions = :regions, industries = :industries, enterprise_sizes = :sizes,
                purposes = :purposes, tags = :tags, max_amount = :maxAmount,
                max_term_months = :maxTerm, subsidy_points = :subsidyPoints,
                subsidy_ceiling = :subsidyCeiling, coverage_ratio = :coverageRatio,
                fee_rate = :feeRate, loss_share = :lossShare, budget = :budget,
                valid_from = :validFrom, valid_to = :validTo, version = version + 1,
                updated_at = :now
            WHERE id = :id
            """)
        .bindValues(columns(request))
        .bind("id", id)
        .bind("now", now)
        .then();
  }

  Mono<Void> retire(UUID id, Instant now) {
    return database
        .sql(
            "UPDATE instrument SET status = 'RETIRED', version = version + 1, updated_at = :now"
                + " WHERE id = :id")
        .bind("id", id)
        .bind("now", now)
        .then();
  }

  /**
   * Adds the draw to what the instrument has drawn if what remains covers it and it is still
   * active: one conditional statement, so that concurrent approvals never overdraw it together.
   *
   * @return what remains after the draw, or empty if the instrument did not cover it
   */
  Mono<BigDecimal> draw(UUID id, BigDecimal draw, Instant now) {
    return database
        .sql(
            """
            UPDATE instrument SET drawn = drawn + :draw, version = version + 1, updated_at = :now
            WHERE id = :id AND status = 'ACTIVE' AND remaining_budget >= :draw
            RETURNING remaining_budget
            """)
        .bind("id", id)
        .bind("draw", draw)
        .bind("now", now)
        .map(row -> row.get("remaining_budget", BigDecimal.class))
        .one();
  }

  /**
   * The active instruments' budgets by kind and issuer, and how many of them have less than a tenth
   * of their budget left: a handful of rows (three kinds by the network's regions) for the
   * dashboards, never one per instrument.
   */
  Flux<InstrumentBudgets> budgets() {
    return database
        .sql(
            """
            SELECT kind, issuer_region, sum(budget) AS budget,
                   sum(remaining_budget) AS remaining,
                   count(*) FILTER (WHERE remaining_budget * 10 < budget) AS low
            FROM instrument WHERE status = 'ACTIVE'
            GROUP BY kind, issuer_region
            """)
        .map(
            row ->
                new InstrumentBudgets(
                    InstrumentKind.valueOf(row.get("kind", String.class)),
                    row.get("issuer_region", String.class),
                    row.get("budget", BigDecimal.class),
                    row.get("remaining", BigDecimal.class),
                    row.get("low", Long.class)))
        .all();
  }

  Mono<Void> recordChange(UUID id, String change, Instant at, Actor actor) {
    return database
        .sql(
            """
            INSERT INTO instrument_change (instrument_id, change, changed_at, actor_client_id,
                actor_request_id)
            VALUES (:id, :change, :at, :client, :request)
            """)
        .bind("id", id)
        .bind("change", change)
        .bind("at", at)
        .bind("client", actor.clientId())
        .bind("request", Parameter.fromOrEmpty(actor.requestId(), String.class))
        .then();
  }

  Mono<Instrument> find(UUID id) {
    return database
        .sql(SELECT + " WHERE i.id = :id")
        .bind("id", id)
        .map(row -> stored(row).instrument())
        .one();
  }

  Flux<Instrument> search(InstrumentQuery query, long limit, long offset) {
    Filter filter = filter(query);
    return database
        .sql(
            SELECT
                + filter.where()
                + " ORDER BY i.updated_at DESC, i.id LIMIT :limit OFFSET :offset")
        .bindValues(filter.binds())
        .bind("limit", limit)
        .bind("offset", offset)
        .map(row -> stored(row).instrument())
        .all();
  }

  Mono<Long> count(InstrumentQuery query) {
    Filter filter = filter(query);
    return database
        .sql("SELECT count(*) FROM instrument i" + filter.where())
        .bindValues(filter.binds())
        .map(row -> row.get(0, Long.class))
        .one();
  }

  private static Map<String, Object> columns(InstrumentRequest request) {
    Eligibility eligibility = request.eligibility().complete();
    Benefit benefit = request.benefit();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("kind", request.kind().name());
    values.put("issuer", request.issuerRegion());
    values.put("name", request.name());
    values.put("regions", eligibility.regions().toArray(String[]::new));
    values.put("industries", names(eligibility.industries()));
    values.put("sizes", names(eligibility.enterpriseSizes()));
    values.put("purposes", names(eligibility.purposes()));
    values.put("tags", names(eligibility.tags()));
    values.put("maxAmount", optional(eligibility.maxAmount()));
    values.put("maxTerm", Parameter.fromOrEmpty(eligibility.maxTermMonths(), Integer.class));
    values.put("subsidyPoints", optional(benefit.subsidyPoints()));
    values.put("subsidyCeiling", optional(benefit.subsidyCeiling()));
    values.put("coverageRatio", optional(benefit.coverageRatio()));
    values.put("feeRate", optional(benefit.feeRate()));
    values.put("lossShare", optional(benefit.lossShare()));
    values.put("budget", request.budget());
    values.put("validFrom", request.validFrom());
    values.put("validTo", Parameter.fromOrEmpty(request.validTo(), LocalDate.class));
    return values;
  }

  private static Parameter optional(BigDecimal value) {
    return Parameter.fromOrEmpty(value, BigDecimal.class);
  }

  private static Filter filter(InstrumentQuery query) {
    StringBuilder where = new StringBuilder(" WHERE true");
    Map<String, Object> binds = new LinkedHashMap<>();
    if (query.region() != null) {
      where.append(" AND ").append(SERVES_REGION);
      binds.put("region", query.region());
    }
    if (query.county() != null) {
      where.append(" AND ").append(SERVES_COUNTY);
      binds.put("county", query.county());
    }
    if (query.issuer() != null) {
      where.append(" AND i.issuer_region LIKE :issuer || '%'");
      binds.put("issuer", query.issuer());
    }
    if (query.kind() != null) {
      where.append(" AND i.kind = :kind");
      binds.put("kind", query.kind().name());
    }
    open(where, binds, "industries", "industry", query.industry());
    open(where, binds, "enterprise_sizes", "size", query.enterpriseSize());
    open(where, binds, "purposes", "purpose", query.purpose());
    if (query.tag() != null) {
      where.append(" AND :tag = ANY(i.tags)");
      binds.put("tag", query.tag().name());
    }
    if (query.amount() != null) {
      where.append(" AND (i.max_amount IS NULL OR i.max_amount >= :amount)");
      binds.put("amount", query.amount());
    }
    if (query.validOn() != null) {
      where.append(" AND i.valid_from <= :day AND (i.valid_to IS NULL OR i.valid_to >= :day)");
      binds.put("day", query.validOn());
    }
    if (query.status() != null) {
      where.append(" AND i.status = :status");
      binds.put("status", query.status().name());
    }
    return new Filter(where.toString(), binds);
  }

  /** An eligibility dimension the instrument leaves open (an empty list) or names the value in. */
  private static void open(
      StringBuilder where, Map<String, Object> binds, String column, String bind, Enum<?> value) {
    if (value != null) {
      where
          .append(" AND (cardinality(i.")
          .append(column)
          .append(") = 0 OR :")
          .append(bind)
          .append(" = ANY(i.")
          .append(column)
          .append("))");
      binds.put(bind, value.name());
    }
  }

  private static Stored stored(Readable row) {
    Instrument instrument =
        new Instrument(
            row.get("id", UUID.class),
            InstrumentKind.valueOf(row.get("kind", String.class)),
            row.get("issuer_region", String.class),
            row.get("name", String.class),
            new Eligibility(
                List.of(row.get("regions", String[].class)),
                parse(row.get("industries", String[].class), Industry::valueOf),
                parse(row.get("enterprise_sizes", String[].class), EnterpriseSize::valueOf),
                parse(row.get("purposes", String[].class), Purpose::valueOf),
                parse(row.get("tags", String[].class), Tag::valueOf),
                row.get("max_amount", BigDecimal.class),
                row.get("max_term_months", Integer.class)),
            new Benefit(
                Decimals.rate(row.get("subsidy_points", BigDecimal.class)),
                row.get("subsidy_ceiling", BigDecimal.class),
                row.get("coverage_ratio", BigDecimal.class),
                Decimals.rate(row.get("fee_rate", BigDecimal.class)),
                row.get("loss_share", BigDecimal.class)),
            row.get("budget", BigDecimal.class),
            row.get("drawn", BigDecimal.class),
            row.get("remaining_budget", BigDecimal.class),
            row.get("valid_from", LocalDate.class),
            row.get("valid_to", LocalDate.class),
            InstrumentStatus.valueOf(row.get("status", String.class)),
            row.get("version", Integer.class));
    return new Stored(instrument, row.get("drawn", BigDecimal.class));
  }

  /** An instrument with what drawings have taken of its budget. */
  record Stored(Instrument instrument, BigDecimal drawn) {}

  private record Filter(String where, Map<String, Object> binds) {}
}
