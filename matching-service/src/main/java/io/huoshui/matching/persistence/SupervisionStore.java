package io.huoshui.matching.persistence;

import io.huoshui.matching.domain.SupervisionAction;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code supervision_action} table: what the financial offices did, and who. */
@Repository
public class SupervisionStore {

  private final DatabaseClient database;

  SupervisionStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Void> insert(SupervisionAction action) {
    var sql =
        database
            .sql(
                """
                INSERT INTO supervision_action (action_id, project_id, match_id, action, reason,
                  note, operator_region, client_id, request_id, acted_at)
                VALUES (:id, :project, :match, :action, :reason, :note, :region, :client,
                  :request, :at)
                """)
            .bind("id", action.actionId())
            .bind("project", action.projectId())
            .bind("action", action.action().name())
            .bind("region", action.operatorRegion())
            .bind("client", action.clientId())
            .bind("request", action.requestId())
            .bind("at", action.actedAt());
    sql =
        action.matchId() == null
            ? sql.bindNull("match", UUID.class)
            : sql.bind("match", action.matchId());
    sql = optional(sql, "reason", action.reason());
    return optional(sql, "note", action.note()).then();
  }

  /** The actions about these matches, oldest first. */
  public Flux<SupervisionAction> ofMatches(Collection<UUID> matchIds) {
    if (matchIds.isEmpty()) {
      return Flux.empty();
    }
    return database
        .sql(
            """
            SELECT a.action_id, a.project_id, m.county, a.action, a.match_id, m.bank_code,
              m.product_id, a.reason, a.note, a.operator_region, a.client_id, a.request_id,
              a.acted_at
            FROM supervision_action a JOIN match m ON m.match_id = a.match_id
            WHERE a.match_id = ANY(:ids) ORDER BY a.acted_at, a.action_id
            """)
        .bind("ids", matchIds.toArray(UUID[]::new))
        .map(
            (row, meta) ->
                new SupervisionAction(
                    row.get("action_id", UUID.class),
                    row.get("project_id", UUID.class),
                    row.get("county", String.class),
                    SupervisionAction.Kind.valueOf(row.get("action", String.class)),
                    row.get("match_id", UUID.class),
                    row.get("bank_code", String.class),
                    row.get("product_id", UUID.class),
                    row.get("reason", String.class),
                    row.get("note", String.class),
                    row.get("operator_region", String.class),
                    row.get("client_id", String.class),
                    row.get("request_id", String.class),
                    row.get("acted_at", Instant.class)))
        .all();
  }

  private static DatabaseClient.GenericExecuteSpec optional(
      DatabaseClient.GenericExecuteSpec sql, String name, String value) {
    return value == null ? sql.bindNull(name, String.class) : sql.bind(name, value);
  }
}
