package io.huoshui.matching.application;

import io.huoshui.matching.domain.Product;
import io.huoshui.matching.domain.ProductIndex;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A new or widened product meets the open demands that still have room (fewer than K live matches,
 * or none fitting before): each such demand it fits is matched again, so the product competes with
 * the rest of the catalog for the free slots rather than taking them by arriving.
 */
@Component
public class ReverseMatching {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ProductIndex products;
  private final OpenDemands openDemands;
  private final Matchmaking matchmaking;

  ReverseMatching(ProductIndex products, OpenDemands openDemands, Matchmaking matchmaking) {
    this.products = products;
    this.openDemands = openDemands;
    this.matchmaking = matchmaking;
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
}
