package io.huoshui.servicetest.layout.good.application;

import io.huoshui.servicetest.layout.good.domain.Loan;
import io.huoshui.servicetest.layout.good.persistence.LoanStore;
import java.time.Clock;
import reactor.core.publisher.Mono;

/** An application service: domain and persistence, time from the clock. */
public class Loans {

  private final LoanStore store;
  private final Clock clock;

  Loans(LoanStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Mono<Void> grant(Loan loan) {
    return clock.instant() == null ? Mono.empty() : store.save(loan);
  }
}
