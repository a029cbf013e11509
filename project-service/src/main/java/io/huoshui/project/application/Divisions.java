package io.huoshui.project.application;

import io.huoshui.project.domain.Division;
import io.huoshui.project.domain.DivisionTable;
import io.huoshui.project.domain.PlaceNames;
import io.huoshui.project.persistence.DivisionStore;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The division table: read wherever a place is shown, replaced whole by the network's
 * administrator. Read from the database each time, so that every replica shows a replacement at
 * once.
 */
@Service
public class Divisions {

  private final DivisionStore table;
  private final TransactionalOperator transaction;

  Divisions(DivisionStore table, TransactionalOperator transaction) {
    this.table = table;
    this.transaction = transaction;
  }

  public Mono<PlaceNames> names(Collection<String> codes) {
    return table.names(codes).map(PlaceNames::new);
  }

  /** Every place within the region, the region itself included; all of them for null. */
  public Flux<Division> within(String region) {
    return table.under(region == null ? "" : region);
  }

  /** Replaces the whole table with these rows, once they are checked; answers how many. */
  public Mono<Long> replace(List<Division> rows) {
    return Mono.fromCallable(() -> DivisionTable.checked(rows))
        .flatMap(table::replace)
        .as(transaction::transactional);
  }
}
