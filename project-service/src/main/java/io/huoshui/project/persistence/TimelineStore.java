package io.huoshui.project.persistence;

import io.huoshui.project.domain.Step;
import io.huoshui.project.domain.TimelineEntry;
import io.huoshui.service.security.Actor;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The steps of each demand. Callers check that the tenant may see the demand first. */
@Repository
public class TimelineStore {

  private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

  private final DatabaseClient database;
  private final JsonMapper json;

  TimelineStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  /** The columns a step is written to, for the stores that write a step with another change. */
  static final String COLUMNS =
      "project_timeline (project_id, step, occurred_at, bank_code, product_id, product_name,"
          + " amount, details, actor_client_id, actor_request_id, actor_service)";

  /** The values of {@link #COLUMNS} but the demand's id, as bound by {@link #bind}. */
  static final String VALUES =
      ":step, :at, :bank, :product, :name, :amount, CAST(:details AS jsonb), :actorClient,"
          + " :actorRequest, :actorService";

  public Mono<Void> append(UUID projectId, TimelineEntry entry) {
    return bind(
            database
                .sql("INSERT INTO " + COLUMNS + " VALUES (:project, " + VALUES + ")")
                .bind("project", projectId),
            entry,
            json)
        .then();
  }

  static GenericExecuteSpec bind(GenericExecuteSpec spec, TimelineEntry entry, JsonMapper json) {
    return spec.bind("step", entry.step().name())
        .bind("at", entry.at())
        .bind("bank", Parameter.fromOrEmpty(entry.bankCode(), String.class))
        .bind("product", Parameter.fromOrEmpty(entry.productId(), UUID.class))
        .bind("name", Parameter.fromOrEmpty(entry.productName(), String.class))
        .bind("amount", Parameter.fromOrEmpty(entry.amount(), BigDecimal.class))
        .bind("details", json.writeValueAsString(entry.details()))
        .bind(
            "actorClient",
            Parameter.fromOrEmpty(
                entry.actor() == null ? null : entry.actor().clientId(), String.class))
        .bind(
            "actorRequest",
            Parameter.fromOrEmpty(
                entry.actor() == null ? null : entry.actor().requestId(), String.class))
        .bind("actorService", Parameter.fromOrEmpty(entry.service(), String.class));
  }

  /** Every step in the order it happened; steps of the same instant in the order recorded. */
  public Flux<TimelineEntry> of(UUID projectId) {
    return database
        .sql(
            """
            SELECT step, occurred_at, bank_code, product_id, product_name, amount,
                details::text AS details, actor_client_id, actor_request_id, actor_service
            FROM project_timeline WHERE project_id = :project ORDER BY occurred_at, seq
            """)
        .bind("project", projectId)
        .map(
            row ->
                new TimelineEntry(
                    Step.valueOf(row.get("step", String.class)),
                    row.get("occurred_at", Instant.class),
                    row.get("bank_code", String.class),
                    row.get("product_id", UUID.class),
                    row.get("product_name", String.class),
                    row.get("amount", BigDecimal.class),
                    json.readValue(row.get("details", String.class), DETAILS),
                    actorOf(row),
                    row.get("actor_service", String.class)))
        .all();
  }

  private static Actor actorOf(Readable row) {
    String client = row.get("actor_client_id", String.class);
    return client == null ? null : new Actor(client, row.get("actor_request_id", String.class));
  }
}
