package io.huoshui.matching.application;

import io.huoshui.matching.domain.Product;
import io.huoshui.matching.domain.ProductIndex;
import io.huoshui.matching.persistence.ProductStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
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
   * Takes the product into this instance's index and re-matches the open demands that it fits and
   * its previous version did not: a change that admits no new demand (a rate, a name, an approval
   * lowering the remaining budget) re-matches nothing, and a wider budget only the demands it now
   * admits. A demand with room that the previous version fitted already had its chance at it. The
   * demands open to a syndicate that the product could take a share of are re-matched alike, so
   * that one the catalog could not share out when it was decided is shared once enough products
   * have arrived. Runs on the product listener's thread, the index's only writer after start-up,
   * which may wait.
   */
  void productChanged(Product product) {
    Product before = products.get(product.productId()).orElse(null);
    if (!products.put(product)
        || !product.active()
        || before != null && product.admitsNothingBeyond(before)) {
      return;
    }
    LocalDate today = matchmaking.today();
    Set<UUID> reached = reached(product, today);
    if (before != null && !reached.isEmpty()) {
      reached.removeAll(reached(before, today));
    }
    for (UUID projectId : reached) {
      // The product is applied already: a demand that fails to refill waits for its next change
      // (or the next catch-up) rather than failing the product's batch.
      matchmaking
          .refill(projectId)
          .onErrorResume(error -> skipped(projectId, error))
          .block(PATIENCE);
    }
  }

  /** The set keeps a demand reached from two regions once. */
  private Set<UUID> reached(Product product, LocalDate today) {
    return new LinkedHashSet<>(openDemands.reached(product, today));
  }

  private static Mono<Void> skipped(UUID projectId, Throwable error) {
    log.warn(
        "Re-matching demand {} failed; its next change retries: {}", projectId, error.toString());
    return Mono.empty();
  }

  /**
   * For a partition of demands this instance has just taken over: its former owner may not have
   * applied the products received shortly before (it was behind on the product topic, or it died),
   * so the partition's open demands meet the products received within the catch-up window, those
   * open to a syndicate also the products that could take a share of them. Runs in the background,
   * so that the rebalance is not held up; each demand is re-matched in its own transaction under
   * its row lock, as any other decision.
   */
  void catchUp(int partition) {
    LocalDate today = matchmaking.today();
    store
        .activeReceivedSince(clock.instant().minus(settings.catchUpWindow()))
        .concatMapIterable(product -> openDemands.reached(partition, product, today))
        .distinct()
        .concatMap(
            projectId ->
                matchmaking.refill(projectId).onErrorResume(error -> skipped(projectId, error)))
        .subscribeOn(Schedulers.boundedElastic())
        .subscribe(
            null,
            error -> log.warn("Catch-up of partition {} failed: {}", partition, error.toString()));
  }
}
