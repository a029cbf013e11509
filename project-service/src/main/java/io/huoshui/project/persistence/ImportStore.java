package io.huoshui.project.persistence;

import io.huoshui.project.domain.ImportedRow;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The reports of the demand lists a county uploaded, by the SHA-256 of each file. */
@Repository
public class ImportStore {

  private static final TypeReference<List<ImportedRow>> ROWS = new TypeReference<>() {};

  private final DatabaseClient database;
  private final JsonMapper json;

  ImportStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  public Mono<List<ImportedRow>> find(String county, String sha256) {
    return database
        .sql("SELECT report::text FROM demand_import WHERE county = :county AND sha256 = :sha")
        .bind("county", county)
        .bind("sha", sha256)
        .map(row -> json.readValue(row.get(0, String.class), ROWS))
        .one();
  }

  /** Keeps the first report: a concurrent upload of the same file submitted the same demands. */
  public Mono<Void> save(String county, String sha256, List<ImportedRow> rows, Instant at) {
    return database
        .sql(
            """
            INSERT INTO demand_import (county, sha256, report, imported_at)
            VALUES (:county, :sha, CAST(:report AS jsonb), :at)
            ON CONFLICT DO NOTHING
            """)
        .bind("county", county)
        .bind("sha", sha256)
        .bind("report", json.writeValueAsString(rows))
        .bind("at", at)
        .then();
  }
}
