package io.huoshui.matching.application;

import io.huoshui.eventing.AfterCommit;
import io.huoshui.matching.domain.Instrument;
import io.huoshui.matching.domain.InstrumentIndex;
import io.huoshui.matching.domain.Product;
import io.huoshui.matching.persistence.InstrumentStore;
import io.huoshui.matching.persistence.ProductStore;
import java.time.Clock;
import java.util.Collection;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A product or a policy instrument published, changed or retired: kept in the database inside the
 * consumer's transaction (the newest version wins, whatever the order of delivery), then — once
 * committed — taken into this instance's index; a product is also reverse-matched.
 */
@Component
public class CatalogChanges {

  private final ProductStore store;
  private final InstrumentStore instrumentStore;
  private final InstrumentIndex instruments;
  private final ReverseMatching reverseMatching;
  private final Clock clock;

  CatalogChanges(
      ProductStore store,
      InstrumentStore instrumentStore,
      InstrumentIndex instruments,
      ReverseMatching reverseMatching,
      Clock clock) {
    this.store = store;
    this.instrumentStore = instrumentStore;
    this.instruments = instruments;
    this.reverseMatching = reverseMatching;
    this.clock = clock;
  }

  /** Keeps the instrument; once the transaction has committed, the index holds it. */
  public Mono<Void> instrumentReceived(Instrument instrument) {
    return instrumentStore
        .save(instrument)
        .then(AfterCommit.run(() -> instruments.put(instrument)));
  }

  /** Keeps the product; once the transaction has committed, {@code committed} holds it. */
  public Mono<Void> received(Product product, Collection<Product> committed) {
    return store.save(product, clock.instant()).then(AfterCommit.run(() -> committed.add(product)));
  }

  /**
   * Takes committed products into the index, in the order received, and re-matches the open demands
   * each newly fits. Runs on the product listener's thread, which may wait for it.
   */
  public void apply(Collection<Product> committed) {
    committed.forEach(reverseMatching::productChanged);
  }
}
