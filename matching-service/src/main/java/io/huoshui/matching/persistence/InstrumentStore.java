package io.huoshui.matching.persistence;

import io.huoshui.matching.domain.Instrument;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The {@code instrument} table: the latest version of every policy instrument. */
@Repository
public class InstrumentStore {

  private final DatabaseClient database;
  private final JsonMapper json;

  InstrumentStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  /** Keeps the instrument unless a version at least as new is held. */
  public Mono<Void> save(Instrument instrument) {
    return database
        .sql(
            """
            INSERT INTO instrument (instrument_id, version, active, data)
            VALUES (:id, :version, :active, CAST(:data AS jsonb))
            ON CONFLICT (instrument_id) DO UPDATE SET version = excluded.version,
              active = excluded.active, data = excluded.data
            WHERE instrument.version < excluded.version
            """)
        .bind("id", instrument.instrumentId())
        .bind("version", instrument.version())
        .bind("active", instrument.active())
        .bind("data", json.writeValueAsString(instrument))
        .then();
  }

  public Flux<Instrument> active() {
    return database
        .sql("SELECT data::text AS data FROM instrument WHERE active")
        .map((row, meta) -> json.readValue(row.get("data", String.class), Instrument.class))
        .all();
  }
}
