package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Industry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The live products in memory, shelved so that a demand looks at a few shelves instead of every
 * product: by each region code a product serves, then by eligible industry (a product open to all
 * industries sits on a shelf of its own), each shelf sorted by minimum amount. A demand in county
 * 140428 reads the shelves of 14, 1404 and 140428 for its industry and stops at the first product
 * whose minimum is above its amount.
 *
 * <p>Safe for concurrent use: listener threads update it while others match.
 */
public final class ProductIndex implements Catalog {

  private static final Comparator<Product> BY_MIN_AMOUNT =
      Comparator.comparing(Product::minAmount).thenComparing(Product::productId);

  private final Map<UUID, Product> byId = new HashMap<>();
  private final Map<String, RegionShelves> byRegion = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * Holds the product unless a version at least as new is held already; a retired product is
   * dropped.
   *
   * @return whether the index changed
   */
  public boolean put(Product product) {
    lock.writeLock().lock();
    try {
      Product held = byId.get(product.productId());
      if (held != null && held.version() >= product.version()) {
        return false;
      }
      if (held != null) {
        unshelve(held);
      }
      if (product.active()) {
        byId.put(product.productId(), product);
        for (String region : product.regions()) {
          byRegion.computeIfAbsent(region, code -> new RegionShelves()).add(product);
        }
      } else {
        byId.remove(product.productId());
      }
      return held != null || product.active();
    } finally {
      lock.writeLock().unlock();
    }
  }

  public Optional<Product> get(UUID productId) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(byId.get(productId));
    } finally {
      lock.readLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return byId.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Collection<Placement> candidates(Demand demand) {
    return placed(demand, true);
  }

  @Override
  public Collection<Placement> shareCandidates(Demand demand) {
    return placed(demand, false);
  }

  private Collection<Placement> placed(Demand demand, boolean whole) {
    String county = demand.county();
    List<Placement> found = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    lock.readLock().lock();
    try {
      // Most local first, so that a product serving both 1404 and 140428 is placed at COUNTY.
      for (int length = county.length(); length > 0; length--) {
        RegionShelves shelves = byRegion.get(county.substring(0, length));
        if (shelves != null) {
          Tier tier = Tier.ofRegionCode(length);
          shelves.collect(
              demand,
              whole,
              product -> {
                if (seen.add(product.productId())) {
                  found.add(new Placement(product, tier));
                }
              });
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return found;
  }

  @Override
  public Coverage coverage(String county) {
    Map<UUID, Product> serving = new HashMap<>();
    lock.readLock().lock();
    try {
      for (int length = county.length(); length > 0; length--) {
        RegionShelves shelves = byRegion.get(county.substring(0, length));
        if (shelves != null) {
          shelves.collectAll(product -> serving.putIfAbsent(product.productId(), product));
        }
      }
      return new Coverage(byId.size(), List.copyOf(serving.values()));
    } finally {
      lock.readLock().unlock();
    }
  }

  private void unshelve(Product held) {
    byId.remove(held.productId());
    for (String region : held.regions()) {
      RegionShelves shelves = byRegion.get(region);
      if (shelves != null && shelves.remove(held)) {
        byRegion.remove(region);
      }
    }
  }

  /** The shelves of one region code: one per industry, one for products open to every industry. */
  private static final class RegionShelves {

    private final Map<Industry, List<Product>> byIndustry = new EnumMap<>(Industry.class);
    private final List<Product> anyIndustry = new ArrayList<>();

    void add(Product product) {
      if (product.industries().isEmpty()) {
        insertSorted(anyIndustry, product);
      } else {
        for (Industry industry : product.industries()) {
          insertSorted(byIndustry.computeIfAbsent(industry, i -> new ArrayList<>()), product);
        }
      }
    }

    /**
     * @return whether the region has no product left
     */
    boolean remove(Product product) {
      anyIndustry.remove(product);
      byIndustry.values().forEach(shelf -> shelf.remove(product));
      byIndustry.values().removeIf(List::isEmpty);
      return anyIndustry.isEmpty() && byIndustry.isEmpty();
    }

    /**
     * @param whole whether only products lending the whole amount are wanted
     */
    void collect(Demand demand, boolean whole, Consumer<Product> sink) {
      collect(byIndustry.get(demand.industry()), demand.amountRequested(), whole, sink);
      collect(anyIndustry, demand.amountRequested(), whole, sink);
    }

    void collectAll(Consumer<Product> sink) {
      anyIndustry.forEach(sink);
      byIndustry.values().forEach(shelf -> shelf.forEach(sink));
    }

    private static void collect(
        List<Product> shelf, BigDecimal amount, boolean whole, Consumer<Product> sink) {
      if (shelf == null) {
        return;
      }
      for (Product product : shelf) {
        if (product.minAmount().compareTo(amount) > 0) {
          return; // sorted by minimum: no later product lends this little
        }
        if (!whole || product.maxAmount().compareTo(amount) >= 0) {
          sink.accept(product);
        }
      }
    }

    private static void insertSorted(List<Product> shelf, Product product) {
      int at = Collections.binarySearch(shelf, product, BY_MIN_AMOUNT);
      shelf.add(at < 0 ? -at - 1 : at, product);
    }
  }
}
