package io.huoshui.credit.catalog;

import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The digest runs: which windows have been told, and who runs the next one. */
@Repository
class DigestStore {

  private final DatabaseClient database;

  DigestStore(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Whether this transaction holds the digest's advisory lock, until it ends: of several replicas
   * only one runs a digest at a time.
   */
  Mono<Boolean> lockForRun() {
    return database
        .sql("SELECT pg_try_advisory_xact_lock(hashtext('huoshui.catalog_digest')) AS mine")
        .map(row -> Boolean.TRUE.equals(row.get("mine", Boolean.class)))
        .one();
  }

  /** Where the last run's window ended; empty before the first run. */
  Mono<Optional<Instant>> lastWindowEnd() {
    return database
        .sql("SELECT max(window_to) AS last FROM catalog_digest_run")
        .map(row -> Optional.ofNullable(row.get("last", Instant.class)))
        .one();
  }

  Mono<Void> recordRun(Instant from, Instant to, int digests) {
    return database
        .sql(
            "INSERT INTO catalog_digest_run (window_to, window_from, digests) VALUES (:to, :from, :n)")
        .bind("to", to)
        .bind("from", from)
        .bind("n", digests)
        .then();
  }
}
