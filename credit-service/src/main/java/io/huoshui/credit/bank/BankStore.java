package io.huoshui.credit.bank;

import io.huoshui.service.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The banks' table. */
@Repository
class BankStore {

  private final DatabaseClient database;

  BankStore(DatabaseClient database) {
    this.database = database;
  }

  /** Whether the bank was written: false when its code is taken. */
  Mono<Boolean> insertIfNew(Bank bank) {
    return database
        .sql(
            """
            INSERT INTO bank (code, name, level, created_at) VALUES (:code, :name, :level, :at)
            ON CONFLICT (code) DO NOTHING
            """)
        .bind("code", bank.code())
        .bind("name", bank.name())
        .bind("level", bank.level().name())
        .bind("at", bank.createdAt())
        .fetch()
        .rowsUpdated()
        .map(inserted -> inserted == 1);
  }

  Mono<Bank> find(String code) {
    return database
        .sql("SELECT code, name, level, created_at FROM bank WHERE code = :code")
        .bind("code", code)
        .map(BankStore::bank)
        .one();
  }

  Mono<List<Bank>> page(PageRequest page) {
    return database
        .sql(
            "SELECT code, name, level, created_at FROM bank ORDER BY code LIMIT :limit OFFSET :offset")
        .bind("limit", page.size())
        .bind("offset", page.offset())
        .map(BankStore::bank)
        .all()
        .collectList();
  }

  Mono<Long> count() {
    return database.sql("SELECT count(*) FROM bank").map(row -> row.get(0, Long.class)).one();
  }

  private static Bank bank(Readable row) {
    return new Bank(
        row.get("code", String.class),
        row.get("name", String.class),
        BankLevel.valueOf(row.get("level", String.class)),
        row.get("created_at", Instant.class));
  }
}
