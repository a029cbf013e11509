package io.huoshui.matching.persistence;

import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.DemandDecision;
import io.huoshui.matching.domain.DemandStatus;
import io.huoshui.matching.domain.DemandSummary;
import io.huoshui.matching.domain.DemandWritten;
import io.huoshui.matching.domain.MatchOutcome;
import io.huoshui.matching.domain.StoredDemand;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The {@code demand} table. */
@Repository
public class DemandStore {

  private static final String COLUMNS =
      "project_id, version, status, partition_no, data::text AS data";

  private final DatabaseClient database;
  private final JsonMapper json;

  DemandStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  /**
   * The demand, its row locked until the transaction ends: every change to a demand and its matches
   * takes this lock first, so that a listener, the supervision sweep and reverse matching never
   * decide about one demand at the same time.
   */
  public Mono<StoredDemand> lock(UUID projectId) {
    return database
        .sql("SELECT " + COLUMNS + " FROM demand WHERE project_id = :id FOR UPDATE")
        .bind("id", projectId)
        .map((row, meta) -> read(row))
        .one();
  }

  /**
   * Writes a submitted or changed demand unless a version at least as new is held or it was
   * withdrawn or closed (a financed one stays financed) — in one statement that also locks the row
   * (as {@link #lock} does) and reads what it replaced. A new demand is written as decided
   * beforehand, its matches with it, so that it costs one round trip; a changed one is written OPEN
   * without a NoMatch, for the caller to decide again with its matches in view.
   *
   * @param ifNew the decision about the demand were it new
   * @return whether it was new and what was held before; empty when the demand was kept as held
   */
  public Mono<DemandWritten> write(StoredDemand stored, Instant submittedAt, DemandDecision ifNew) {
    Demand demand = stored.demand();
    String proposed =
        ifNew.matches().isEmpty()
            ? ""
            : """
              , proposed AS (
                INSERT INTO match (%s)
                SELECT * FROM (VALUES %s) AS v(%s)
                WHERE EXISTS (SELECT FROM written WHERE inserted)
              )
              """
                .formatted(
                    MatchStore.INSERT_COLUMNS,
                    MatchStore.values(ifNew.matches()),
                    MatchStore.INSERT_COLUMNS);
    var sql =
        database
            .sql(
                """
                WITH held AS (
                  SELECT project_id, version, status, partition_no, data FROM demand
                  WHERE project_id = :id FOR UPDATE
                ), written AS (
                  INSERT INTO demand (project_id, county, version, status, partition_no, data,
                    no_match, submitted_at)
                  VALUES (:id, :county, :version, :status, :partition, CAST(:data AS jsonb),
                    CAST(:noMatch AS jsonb), :submittedAt)
                  ON CONFLICT (project_id) DO UPDATE SET county = excluded.county,
                    version = excluded.version,
                    status = CASE demand.status WHEN 'FINANCED' THEN 'FINANCED' ELSE 'OPEN' END,
                    partition_no = excluded.partition_no, data = excluded.data, no_match = NULL
                  WHERE demand.version < excluded.version
                    AND demand.status NOT IN ('WITHDRAWN', 'CLOSED')
                  RETURNING project_id, xmax = 0 AS inserted
                )
                """
                    + proposed
                    + """
                    SELECT w.inserted, h.version, h.status, h.partition_no, h.data::text AS data
                    FROM written w LEFT JOIN held h ON h.project_id = w.project_id
                    """)
            .bind("id", demand.projectId())
            .bind("county", demand.county())
            .bind("version", stored.version())
            .bind("status", ifNew.status().name())
            .bind("partition", stored.partition())
            .bind("data", json.writeValueAsString(demand))
            .bind("submittedAt", submittedAt);
    sql =
        ifNew.noMatch() == null
            ? sql.bindNull("noMatch", String.class)
            : sql.bind("noMatch", json.writeValueAsString(ifNew.noMatch()));
    return MatchStore.bindRows(sql, ifNew.matches(), json)
        .map(
            (row, meta) ->
                new DemandWritten(
                    Boolean.TRUE.equals(row.get("inserted", Boolean.class)),
                    row.get("data", String.class) == null ? null : read(row)))
        .one();
  }

  public Mono<Void> setStatus(UUID projectId, DemandStatus status, long version) {
    return database
        .sql("UPDATE demand SET status = :status, version = :version WHERE project_id = :id")
        .bind("status", status.name())
        .bind("version", version)
        .bind("id", projectId)
        .then();
  }

  /** Records what the county learns when nothing fits; cleared once something does. */
  public Mono<Void> setOutcome(UUID projectId, DemandStatus status, MatchOutcome.NoMatch noMatch) {
    var sql =
        database
            .sql(
                "UPDATE demand SET status = :status, no_match = CAST(:noMatch AS jsonb) WHERE project_id = :id")
            .bind("status", status.name())
            .bind("id", projectId);
    sql =
        noMatch == null
            ? sql.bindNull("noMatch", String.class)
            : sql.bind("noMatch", json.writeValueAsString(noMatch));
    return sql.then();
  }

  /**
   * The demands of these partitions that may still be routed and hold fewer live matches than K.
   */
  public Flux<StoredDemand> withRoom(Collection<Integer> partitions, int banksPerDemand) {
    return database
        .sql(
            """
            SELECT project_id, version, status, partition_no, data::text AS data FROM demand d
            WHERE partition_no = ANY(:partitions) AND status IN ('OPEN', 'NO_MATCH', 'EXHAUSTED')
              AND (SELECT count(*) FROM match m
                   WHERE m.project_id = d.project_id AND m.status <> 'RELEASED') < :k
            """)
        .bind("partitions", partitions.toArray(Integer[]::new))
        .bind("k", banksPerDemand)
        .map((row, meta) -> read(row))
        .all();
  }

  /** The county of a demand and whether it exists, for the API's visibility rule. */
  public Mono<DemandSummary> summary(UUID projectId) {
    return database
        .sql("SELECT county, status, no_match::text AS no_match FROM demand WHERE project_id = :id")
        .bind("id", projectId)
        .map(
            (row, meta) ->
                new DemandSummary(
                    projectId,
                    row.get("county", String.class),
                    DemandStatus.valueOf(row.get("status", String.class)),
                    row.get("no_match", String.class) == null
                        ? null
                        : json.readValue(
                            row.get("no_match", String.class), MatchOutcome.NoMatch.class)))
        .one();
  }

  private StoredDemand read(io.r2dbc.spi.Readable row) {
    return new StoredDemand(
        json.readValue(row.get("data", String.class), Demand.class),
        row.get("version", Long.class),
        DemandStatus.valueOf(row.get("status", String.class)),
        row.get("partition_no", Integer.class));
  }
}
