package io.huoshui.matching.domain;

import java.util.Collection;

/** Where the matcher finds products. */
public interface Catalog {

  /**
   * Products that may fit the demand: at least every product that passes REGION, INDUSTRY and
   * AMOUNT, each once, at its most local covering tier. The matcher checks every rule itself.
   */
  Collection<Placement> candidates(Demand demand);

  /**
   * Products that may take a share of the demand in a syndicate: as {@link #candidates}, but
   * whatever their ceiling, since a share is below the amount requested.
   */
  Collection<Placement> shareCandidates(Demand demand);

  /**
   * How many products are held, and those whose regions cover the county, for the per-rule failure
   * counts of a demand nothing fits: the products outside its region fail REGION, and only those
   * inside need their rules checked.
   */
  Coverage coverage(String county);

  /**
   * @param held every product held
   * @param serving the products of a region that covers the county, each once
   */
  record Coverage(int held, Collection<Product> serving) {}
}
