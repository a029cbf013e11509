package io.huoshui.credit.bank;

import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The banks of the network: registered by operators, looked up by every other feature. */
@Service
public class Banks {

  private final BankStore store;
  private final Clock clock;

  Banks(BankStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Registers a bank; a code already taken answers 409, whatever the rest of the request. */
  public Mono<Bank> register(NewBank request) {
    Bank bank = new Bank(request.code(), request.name(), request.level(), clock.instant());
    return store
        .insertIfNew(bank)
        .flatMap(
            inserted ->
                inserted
                    ? Mono.just(bank)
                    : Mono.error(
                        ApiProblem.conflict(
                            "BANK_EXISTS",
                            "代码为 %s 的银行已登记。".formatted(bank.code()),
                            "A bank with the code %s is already registered."
                                .formatted(bank.code()))));
  }

  /** The bank with this code, or empty. */
  public Mono<Bank> find(String code) {
    return store.find(code);
  }

  Mono<Page<Bank>> list(PageRequest page) {
    return store.page(page).zipWith(store.count(), (items, count) -> Page.of(items, page, count));
  }
}
