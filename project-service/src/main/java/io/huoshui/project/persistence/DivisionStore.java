package io.huoshui.project.persistence;

import io.huoshui.project.domain.Division;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The division table that names the places codes stand for. */
@Repository
public class DivisionStore {

  private final DatabaseClient database;

  DivisionStore(DatabaseClient database) {
    this.database = database;
  }

  /** The names of those of the codes the table knows, by code. */
  public Mono<Map<String, String>> names(Collection<String> codes) {
    List<String> wanted = codes.stream().filter(Objects::nonNull).distinct().toList();
    if (wanted.isEmpty()) {
      return Mono.just(Map.of());
    }
    return database
        .sql("SELECT code, name FROM division WHERE code = ANY(:codes)")
        .bind("codes", wanted.toArray(String[]::new))
        .map(row -> new Division(row.get("code", String.class), row.get("name", String.class)))
        .all()
        .collect(Collectors.toMap(Division::code, Division::name));
  }

  /** The places whose code starts with the prefix (all of them for an empty one), by code. */
  public Flux<Division> under(String prefix) {
    return database
        .sql("SELECT code, name FROM division WHERE starts_with(code, :prefix) ORDER BY code")
        .bind("prefix", prefix)
        .map(row -> new Division(row.get("code", String.class), row.get("name", String.class)))
        .all();
  }

  /**
   * The table replaced by these rows; the caller's transaction makes the replacement whole, so that
   * a reader sees the old table or the new one, never a part.
   */
  public Mono<Long> replace(List<Division> rows) {
    Mono<Long> inserted =
        database
            .sql(
                """
                INSERT INTO division (code, name)
                SELECT * FROM unnest(CAST(:codes AS text[]), CAST(:names AS text[]))
                """)
            .bind("codes", rows.stream().map(Division::code).toArray(String[]::new))
            .bind("names", rows.stream().map(Division::name).toArray(String[]::new))
            .fetch()
            .rowsUpdated();
    return database.sql("DELETE FROM division").fetch().rowsUpdated().then(inserted);
  }
}
