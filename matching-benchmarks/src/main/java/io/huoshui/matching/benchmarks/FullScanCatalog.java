package io.huoshui.matching.benchmarks;

import io.huoshui.matching.domain.Catalog;
import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.Placement;
import io.huoshui.matching.domain.Product;
import io.huoshui.matching.domain.Tier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The naive catalog the index is measured against: every product looked at for every demand. */
final class FullScanCatalog implements Catalog {

  private final List<Product> products;

  FullScanCatalog(List<Product> products) {
    this.products = List.copyOf(products);
  }

  @Override
  public Collection<Placement> candidates(Demand demand) {
    List<Placement> placements = new ArrayList<>();
    for (Product product : products) {
      Optional<Tier> tier = Tier.covering(product, demand.county());
      tier.ifPresent(covering -> placements.add(new Placement(product, covering)));
    }
    return placements;
  }

  @Override
  public Collection<Placement> shareCandidates(Demand demand) {
    return candidates(demand);
  }

  @Override
  public Coverage coverage(String county) {
    return new Coverage(
        products.size(),
        products.stream().filter(product -> Tier.covering(product, county).isPresent()).toList());
  }
}
