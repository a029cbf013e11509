package io.huoshui.credit.product;

import static io.huoshui.credit.values.EnumArrays.names;
import static io.huoshui.credit.values.EnumArrays.parse;

import io.huoshui.credit.bank.BankLevel;
import io.huoshui.credit.values.Decimals;
import io.huoshui.service.security.Actor;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.ProductCategory;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The product tables. Every write names the owning bank in its WHERE clause: this is the one place
 * where a bank is kept to its own products.
 */
@Repository
class ProductStore {

  private static final String SELECT =
      """
      SELECT p.id, p.bank_code, b.name AS bank_name, b.level AS bank_level, p.name, p.category,
             p.min_amount, p.max_amount, p.min_term_months, p.max_term_months,
             p.min_annual_rate, p.max_annual_rate, p.industries, p.enterprise_sizes, p.regions,
             p.collateral, p.tags, p.valid_from, p.valid_to, p.budget, p.remaining_budget,
             p.committed, p.status, p.version, p.decision_working_days,
             p.disbursement_working_days, p.green_terms::text AS green_terms
      FROM product p JOIN bank b ON b.code = p.bank_code
      """;

  /**
   * A region filter matches a product that serves the region whole (one of its regions is the code
   * or an ancestor of it: "1404" serves 140428) or serves part of it (a county bank's county inside
   * a city), so that a city's catalog also lists its county banks.
   */
  private static final String SERVES_REGION =
      """
      EXISTS (SELECT 1 FROM unnest(p.regions) AS served(code)
              WHERE :region LIKE served.code || '%' OR served.code LIKE :region || '%')
      """;

  private final DatabaseClient database;
  private final JsonMapper json;

  ProductStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  Mono<Void> insert(UUID id, String bankCode, ProductRequest request, Instant now) {
    return database
        .sql(
            """
            INSERT INTO product (id, bank_code, name, category, min_amount, max_amount,
                min_term_months, max_term_months, min_annual_rate, max_annual_rate, industries,
                enterprise_sizes, regions, collateral, tags, valid_from, valid_to, budget,
                decision_working_days, disbursement_working_days, status, version, created_at,
                updated_at, green_terms)
            VALUES (:id, :bank, :name, :category, :minAmount, :maxAmount, :minTerm, :maxTerm,
                :minRate, :maxRate, :industries, :sizes, :regions, :collateral, :tags, :validFrom,
                :validTo, :budget, :decisionDays, :disbursementDays, 'ACTIVE', 1, :now, :now,
                CAST(:greenTerms AS jsonb))
            """)
        .bindValues(columns(request))
        .bind("id", id)
        .bind("bank", bankCode)
        .bind("now", now)
        .then();
  }

  /** The bank's own product, locked until the transaction ends; empty for anyone else's. */
  Mono<Stored> lockOwned(UUID id, String bankCode) {
    return database
        .sql(SELECT + " WHERE p.id = :id AND p.bank_code = :bank FOR UPDATE OF p")
        .bind("id", id)
        .bind("bank", bankCode)
        .map(this::stored)
        .one();
  }

  Mono<Void> replace(UUID id, ProductRequest request, Instant now) {
    return database
        .sql(
            """
            UPDATE product SET name = :name, category = :category, min_amount = :minAmount,
                max_amount = :maxAmount, min_term_months = :minTerm, max_term_months = :maxTerm,
                min_annual_rate = :minRate, max_annual_rate = :maxRate, industries = :industries,
                enterprise_sizes = :sizes, regions = :regions, collateral = :collateral,
                tags = :tags, valid_from = :validFrom, valid_to = :validTo, budget = :budget,
                decision_working_days = :decisionDays,
                disbursement_working_days = :disbursementDays,
                green_terms = CAST(:greenTerms AS jsonb),
                version = version + 1, updated_at = :now
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
            "UPDATE product SET status = 'RETIRED', version = version + 1, updated_at = :now WHERE id = :id")
        .bind("id", id)
        .bind("now", now)
        .then();
  }

  /**
   * Charges an approved amount to the product in one conditional statement: concurrent approvals
   * queue on the row and each re-checks what is left after the one before, so the budget cannot be
   * overdrawn. A product without a budget takes any amount and keeps its version.
   *
   * @return whether the product has a budget that was lowered; empty when too little is left
   */
  Mono<Boolean> charge(UUID id, BigDecimal amount, Instant now) {
    return database
        .sql(
            """
            UPDATE product SET committed = committed + :amount,
                version = CASE WHEN budget IS NULL THEN version ELSE version + 1 END,
                updated_at = CASE WHEN budget IS NULL THEN updated_at ELSE :now END
            WHERE id = :id AND (budget IS NULL OR remaining_budget >= :amount)
            RETURNING budget IS NOT NULL AS budgeted
            """)
        .bind("id", id)
        .bind("amount", amount)
        .bind("now", now)
        .map(row -> row.get("budgeted", Boolean.class))
        .one();
  }

  Mono<Void> recordChange(UUID id, String change, Instant at, Actor actor) {
    return database
        .sql(
            """
            INSERT INTO product_change (product_id, change, changed_at, actor_client_id,
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

  Mono<Product> find(UUID id) {
    return database
        .sql(SELECT + " WHERE p.id = :id")
        .bind("id", id)
        .map(row -> stored(row).product())
        .one();
  }

  Flux<Product> search(ProductQuery query, String order, long limit, long offset) {
    Filter filter = filter(query);
    return database
        .sql(SELECT + filter.where() + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
        .bindValues(filter.binds())
        .bind("limit", limit)
        .bind("offset", offset)
        .map(row -> stored(row).product())
        .all();
  }

  Mono<Long> count(ProductQuery query) {
    Filter filter = filter(query);
    return database
        .sql("SELECT count(*) FROM product p" + filter.where())
        .bindValues(filter.binds())
        .map(row -> row.get(0, Long.class))
        .one();
  }

  /** The last catalog change of each product changed in [from, to), with its regions. */
  Flux<CatalogChange> changesBetween(Instant from, Instant to) {
    return database
        .sql(
            """
            SELECT DISTINCT ON (c.product_id) c.product_id, c.change, first.change AS first_change,
                   p.bank_code, b.name AS bank_name, p.name, p.category, p.regions
            FROM product_change c
            JOIN product p ON p.id = c.product_id JOIN bank b ON b.code = p.bank_code
            JOIN LATERAL (SELECT f.change FROM product_change f
                          WHERE f.product_id = c.product_id AND f.changed_at >= :from
                          ORDER BY f.seq LIMIT 1) first ON true
            WHERE c.changed_at >= :from AND c.changed_at < :to
            ORDER BY c.product_id, c.seq DESC
            """)
        .bind("from", from)
        .bind("to", to)
        .map(
            row ->
                new CatalogChange(
                    row.get("product_id", UUID.class),
                    row.get("bank_code", String.class),
                    row.get("bank_name", String.class),
                    row.get("name", String.class),
                    ProductCategory.valueOf(row.get("category", String.class)),
                    digestChange(
                        row.get("first_change", String.class), row.get("change", String.class)),
                    List.of(row.get("regions", String[].class))))
        .all();
  }

  /**
   * A product published and changed within one window is still new to the county; one retired
   * within it is gone, whatever happened before.
   */
  private static String digestChange(String first, String last) {
    if ("RETIRED".equals(last)) {
      return last;
    }
    return "NEW".equals(first) ? first : last;
  }

  private Map<String, Object> columns(ProductRequest request) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", request.name());
    values.put("category", request.category().name());
    values.put("minAmount", request.minAmount());
    values.put("maxAmount", request.maxAmount());
    values.put("minTerm", request.minTermMonths());
    values.put("maxTerm", request.maxTermMonths());
    values.put("minRate", request.minAnnualRate());
    values.put("maxRate", request.maxAnnualRate());
    values.put("industries", names(request.industries()));
    values.put("sizes", names(request.enterpriseSizes()));
    values.put("regions", request.regions().stream().distinct().toArray(String[]::new));
    values.put("collateral", names(request.collateral()));
    values.put("tags", names(request.tagsOrNone()));
    values.put("validFrom", request.validFrom());
    values.put("validTo", Parameter.fromOrEmpty(request.validTo(), LocalDate.class));
    values.put("budget", Parameter.fromOrEmpty(request.budget(), BigDecimal.class));
    values.put("decisionDays", Parameter.fromOrEmpty(request.decisionWorkingDays(), Integer.class));
    values.put(
        "disbursementDays",
        Parameter.fromOrEmpty(request.disbursementWorkingDays(), Integer.class));
    values.put("greenTerms", json.writeValueAsString(request.greenTermsOrNone()));
    return values;
  }

  private static Filter filter(ProductQuery query) {
    StringBuilder where = new StringBuilder(" WHERE true");
    Map<String, Object> binds = new LinkedHashMap<>();
    if (query.region() != null) {
      where.append(" AND ").append(SERVES_REGION);
      binds.put("region", query.region());
    }
    if (query.industry() != null) {
      where.append(" AND :industry = ANY(p.industries)");
      binds.put("industry", query.industry().name());
    }
    if (query.category() != null) {
      where.append(" AND p.category = :category");
      binds.put("category", query.category().name());
    }
    if (query.amount() != null) {
      where.append(" AND p.min_amount <= :amount AND p.max_amount >= :amount");
      binds.put("amount", query.amount());
    }
    if (query.tag() != null) {
      where.append(" AND :tag = ANY(p.tags)");
      binds.put("tag", query.tag().name());
    }
    if (query.bankCode() != null) {
      where.append(" AND p.bank_code = :bank");
      binds.put("bank", query.bankCode());
    }
    if (query.status() != null) {
      where.append(" AND p.status = :status");
      binds.put("status", query.status().name());
    }
    return new Filter(where.toString(), binds);
  }

  private Stored stored(Readable row) {
    Product product =
        new Product(
            row.get("id", UUID.class),
            row.get("bank_code", String.class),
            row.get("bank_name", String.class),
            BankLevel.valueOf(row.get("bank_level", String.class)),
            row.get("name", String.class),
            ProductCategory.valueOf(row.get("category", String.class)),
            row.get("min_amount", BigDecimal.class),
            row.get("max_amount", BigDecimal.class),
            row.get("min_term_months", Integer.class),
            row.get("max_term_months", Integer.class),
            Decimals.rate(row.get("min_annual_rate", BigDecimal.class)),
            Decimals.rate(row.get("max_annual_rate", BigDecimal.class)),
            parse(row.get("industries", String[].class), Industry::valueOf),
            parse(row.get("enterprise_sizes", String[].class), EnterpriseSize::valueOf),
            List.of(row.get("regions", String[].class)),
            parse(row.get("collateral", String[].class), Collateral::valueOf),
            parse(row.get("tags", String[].class), Tag::valueOf),
            row.get("valid_from", LocalDate.class),
            row.get("valid_to", LocalDate.class),
            row.get("budget", BigDecimal.class),
            row.get("remaining_budget", BigDecimal.class),
            ProductStatus.valueOf(row.get("status", String.class)),
            row.get("version", Integer.class),
            row.get("decision_working_days", Integer.class),
            row.get("disbursement_working_days", Integer.class),
            List.of(json.readValue(row.get("green_terms", String.class), GreenTerms[].class)));
    return new Stored(product, row.get("committed", BigDecimal.class));
  }

  /** A product with what approvals have committed of it. */
  record Stored(Product product, BigDecimal committed) {}

  private record Filter(String where, Map<String, Object> binds) {}
}
