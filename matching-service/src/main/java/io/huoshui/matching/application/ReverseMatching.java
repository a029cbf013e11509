package io.huoshui.matching.application;

import io.huoshui.matching.config.MatchingProperties;
import io.huoshui.matching.domain.Product;
import io.huoshui.matching.domain.ProductIndex;
import io.huoshui.matching.persistence.ProductStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A new or widened product meets the open demands that still have room (fewer than K live matches,
 * or none fitting before): each such demand it fits is matched again, so the product competes with
 * the rest of the catalog for the free slots rather than taking them by arriving.
 */
@Component
public class ReverseMatching {

  private static final Logger log = LoggerFactory.getLogger(ReverseMatching.class);
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ProductIndex products;
  private final OpenDemands openDemands;
  private final Matchmaking matchmaking;
  private final ProductStore store;
  private final MatchingProperties settings;
  private final Clock clock;

  ReverseMatching(
      ProductIndex products,
      OpenDemands openDemands,
      Matchmaking matchmaking,
      ProductStore store,
      MatchingProperties settings,
      Clock clock) {
    this.products = products;
    this.openDemands = openDemands;
    this.matchmaking = matchmaking;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Takes the product into this instance's index and, when that changed it and it is active,
   * re-matches the open demands it fits. Runs on a listener thread, which may wait.
   */
  public void productChanged(Product product) {
    if (!products.put(product) || !product.active()) {
      return;
    }
    for (UUID projectId : openDemands.fitting(product, matchmaking.today())) {
      matchmaking.refill(projectId).block(PATIENCE);
    }
  }

  /**
   * For a partition of demands this instance has just taken over: its former owner may not have
   * applied the products received shortly before (it was behind on the product topic, or it died),
   * so the partition's open demands meet the products received within the catch-up window. Runs in
   * the background, so that the rebalance is not held up; each demand is re-matched in its own
   * transaction under its row lock, as any other decision.
   */
  public void catchUp(int partition) {
    LocalDate today = matchmaking.today();
    store
        .activeReceivedSince(clock.instant().minus(settings.catchUpWindow()))
        .concatMapIterable(product -> openDemands.fitting(partition, product, today))
        .distinct()
        .concatMap(
            projectId ->
                matchmaking
                    .refill(projectId)
                    .onErrorResume(
                        error -> {
                          log.warn(
                              "Catching up demand {} failed; its next change retries: {}",
                              projectId,
                              error.toString());
                          return Mono.empty();
                        }))
        .subscribeOn(Schedulers.boundedElastic())
        .subscribe(
            null,
            error -> log.warn("Catch-up of partition {} failed: {}", partition, error.toString()));
  }
}
