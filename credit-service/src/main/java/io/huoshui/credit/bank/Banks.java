package io.huoshui.credit.bank;

import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The banks of the network: registered by operators, looked up by every other feature. */
@Service
public class Banks {

  private final DatabaseClient database;
  private final Clock clock;

  Banks(DatabaseClient database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Registers a bank; a code already taken answers 409, whatever the rest of the request. */
  public Mono<Bank> register(NewBank request) {
    Bank bank = new Bank(request.code(), request.name(), request.level(), clock.instant());
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
        .flatMap(
            inserted ->
                inserted == 1
                    ? Mono.just(bank)
                    : Mono.error(
                        ApiProblem.conflict(
                            "BANK_EXISTS",
                            "A bank with the code %s is already registered."
                                .formatted(bank.code()))));
  }

  /** The bank with this code, or empty. */
  public Mono<Bank> find(String code) {
    return database
        .sql("SELECT code, name, level, created_at FROM bank WHERE code = :code")
        .bind("code", code)
        .map(Banks::bank)
        .one();
  }

  Mono<Page<Bank>> list(PageRequest page) {
    Mono<Long> total =
        database.sql("SELECT count(*) FROM bank").map(row -> row.get(0, Long.class)).one();
    return database
        .sql(
            "SELECT code, name, level, created_at FROM bank ORDER BY code LIMIT :limit OFFSET :offset")
        .bind("limit", page.size())
        .bind("offset", page.offset())
        .map(Banks::bank)
        .all()
        .collectList()
        .zipWith(total, (items, count) -> Page.of(items, page, count));
  }

  private static Bank bank(Readable row) {
    return new Bank(
        row.get("code", String.class),
        row.get("name", String.class),
        BankLevel.valueOf(row.get("level", String.class)),
        row.get("created_at", Instant.class));
  }
}
