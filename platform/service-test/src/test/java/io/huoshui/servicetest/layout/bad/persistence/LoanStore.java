package io.huoshui.servicetest.layout.bad.persistence;

import io.huoshui.servicetest.layout.bad.domain.Loan;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** SQL where it belongs. */
public class LoanStore {

  private final DatabaseClient database;

  LoanStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Void> save(Loan loan) {
    return database
        .sql("INSERT INTO loan (county, amount) VALUES (:county, :amount)")
        .bind("county", loan.county())
        .bind("amount", loan.amount())
        .then();
  }
}
