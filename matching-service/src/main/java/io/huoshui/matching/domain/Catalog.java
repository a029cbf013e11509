package io.huoshui.matching.domain;

import java.util.Collection;

/** Where the matcher finds products. */
public interface Catalog {

  /**
   * Products that may fit the demand: at least every product that passes REGION, INDUSTRY and
   * AMOUNT, each once, at its most local covering tier. The matcher checks every rule itself.
   */
  Collection<Placement> candidates(Demand demand);

  /** Every product held, for the per-rule failure counts of a demand nothing fits. */
  Collection<Product> all();
}
