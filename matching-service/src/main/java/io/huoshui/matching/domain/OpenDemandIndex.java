package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Industry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Open demands that still have room for a match, for reverse matching: which of them does a new or
 * widened product fit? Held by county code (sorted, so that a product's region 1404 reads the
 * counties 1404xx as one range), then by industry, each shelf in parallel primitive arrays sorted
 * by amount — a few dozen bytes per demand, because a national network holds millions of them.
 *
 * <p>Safe for concurrent use.
 */
public final class OpenDemandIndex {

  private final NavigableMap<String, Map<Industry, Shelf>> byCounty = new TreeMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private int size;

  /** Holds the demand; the caller adds a demand once and removes it with the same values. */
  public void add(Demand demand) {
    lock.writeLock().lock();
    try {
      byCounty
          .computeIfAbsent(demand.county(), county -> new EnumMap<>(Industry.class))
          .computeIfAbsent(demand.industry(), industry -> new Shelf())
          .add(demand);
      size++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * @return whether it was held
   */
  public boolean remove(Demand demand) {
    lock.writeLock().lock();
    try {
      Map<Industry, Shelf> industries = byCounty.get(demand.county());
      Shelf shelf = industries == null ? null : industries.get(demand.industry());
      if (shelf == null || !shelf.remove(demand)) {
        return false;
      }
      size--;
      if (shelf.count == 0) {
        industries.remove(demand.industry());
        if (industries.isEmpty()) {
          byCounty.remove(demand.county());
        }
      }
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Replaces what the index holds of one demand in one step, so that a reader never sees it twice
   * or not at all while it changes.
   *
   * @param before the demand as held, null when it was not
   * @param after the demand to hold, null when it has no room any more
   */
  public void replace(Demand before, Demand after) {
    lock.writeLock().lock();
    try {
      if (before != null) {
        remove(before);
      }
      if (after != null) {
        add(after);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The open demands the product fits on every rule, as project ids. VALIDITY depends on the
   * product alone and is checked once; BUDGET caps the amount range searched.
   */
  public List<UUID> fitting(Product product, LocalDate today) {
    List<UUID> found = new ArrayList<>();
    if (!FitRule.VALIDITY.passes(product, null, today)) {
      return found;
    }
    long low = Shelf.cents(product.minAmount());
    long high = Shelf.cents(product.maxAmount());
    if (product.remainingBudget() != null) {
      high = Math.min(high, Shelf.cents(product.remainingBudget()));
    }
    Criteria criteria = new Criteria(product, low, high);
    lock.readLock().lock();
    try {
      for (String region : product.regions()) {
        NavigableMap<String, Map<Industry, Shelf>> counties =
            byCounty.subMap(region, true, region + Character.MAX_VALUE, false);
        for (Map<Industry, Shelf> industries : counties.values()) {
          if (product.industries().isEmpty()) {
            industries.values().forEach(shelf -> shelf.collect(criteria, found));
          } else {
            for (Industry industry : product.industries()) {
              Shelf shelf = industries.get(industry);
              if (shelf != null) {
                shelf.collect(criteria, found);
              }
            }
          }
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    // A product serving both 14 and 1404 reaches the counties of 1404 twice.
    return product.regions().size() > 1 ? found.stream().distinct().toList() : found;
  }

  /** The product's rules in the form the shelves store demands in. */
  private static final class Criteria {
    /** A product asking no collateral: the mask every offer passes. */
    static final int CREDIT_LOAN = -1;

    final long lowCents;
    final long highCents;
    final int minTerm;
    final int maxTerm;
    final int sizes;
    final int collateral;

    Criteria(Product product, long lowCents, long highCents) {
      this.lowCents = lowCents;
      this.highCents = highCents;
      this.minTerm = product.minTermMonths();
      this.maxTerm = product.maxTermMonths();
      this.sizes = product.enterpriseSizes().isEmpty() ? -1 : mask(product.enterpriseSizes());
      this.collateral = product.collateral().isEmpty() ? CREDIT_LOAN : mask(product.collateral());
    }

    boolean accepts(int term, byte size, short offered) {
      return minTerm <= term
          && term <= maxTerm
          && (sizes & (1 << size)) != 0
          && (collateral == CREDIT_LOAN || (collateral & offered) != 0);
    }
  }

  private static int mask(Iterable<? extends Enum<?>> values) {
    int mask = 0;
    for (Enum<?> value : values) {
      mask |= 1 << value.ordinal();
    }
    return mask;
  }

  /**
   * One county's demands of one industry: amount in cents (sorted), id, term, size and offered
   * collateral as a bit mask — 8 + 16 + 2 + 1 + 2 bytes a demand, plus growth room.
   */
  private static final class Shelf {
    long[] amounts = new long[4];
    long[] idHigh = new long[4];
    long[] idLow = new long[4];
    short[] terms = new short[4];
    byte[] sizes = new byte[4];
    short[] collateral = new short[4];
    int count;

    static long cents(BigDecimal amount) {
      return amount.movePointRight(2).longValue();
    }

    void add(Demand demand) {
      if (count == amounts.length) {
        int capacity = count + (count >> 1) + 1;
        amounts = Arrays.copyOf(amounts, capacity);
        idHigh = Arrays.copyOf(idHigh, capacity);
        idLow = Arrays.copyOf(idLow, capacity);
        terms = Arrays.copyOf(terms, capacity);
        sizes = Arrays.copyOf(sizes, capacity);
        collateral = Arrays.copyOf(collateral, capacity);
      }
      long amount = cents(demand.amountRequested());
      int at = firstAtLeast(amount);
      int tail = count - at;
      System.arraycopy(amounts, at, amounts, at + 1, tail);
      System.arraycopy(idHigh, at, idHigh, at + 1, tail);
      System.arraycopy(idLow, at, idLow, at + 1, tail);
      System.arraycopy(terms, at, terms, at + 1, tail);
      System.arraycopy(sizes, at, sizes, at + 1, tail);
      System.arraycopy(collateral, at, collateral, at + 1, tail);
      amounts[at] = amount;
      idHigh[at] = demand.projectId().getMostSignificantBits();
      idLow[at] = demand.projectId().getLeastSignificantBits();
      terms[at] = (short) demand.termMonths();
      sizes[at] = (byte) demand.enterpriseSize().ordinal();
      collateral[at] = (short) mask(demand.collateral());
      count++;
    }

    boolean remove(Demand demand) {
      long amount = cents(demand.amountRequested());
      long high = demand.projectId().getMostSignificantBits();
      long low = demand.projectId().getLeastSignificantBits();
      for (int i = firstAtLeast(amount); i < count && amounts[i] == amount; i++) {
        if (idHigh[i] == high && idLow[i] == low) {
          int tail = count - i - 1;
          System.arraycopy(amounts, i + 1, amounts, i, tail);
          System.arraycopy(idHigh, i + 1, idHigh, i, tail);
          System.arraycopy(idLow, i + 1, idLow, i, tail);
          System.arraycopy(terms, i + 1, terms, i, tail);
          System.arraycopy(sizes, i + 1, sizes, i, tail);
          System.arraycopy(collateral, i + 1, collateral, i, tail);
          count--;
          return true;
        }
      }
      return false;
    }

    void collect(Criteria criteria, List<UUID> found) {
      for (int i = firstAtLeast(criteria.lowCents);
          i < count && amounts[i] <= criteria.highCents;
          i++) {
        if (criteria.accepts(terms[i], sizes[i], collateral[i])) {
          found.add(new UUID(idHigh[i], idLow[i]));
        }
      }
    }

    private int firstAtLeast(long amount) {
      int low = 0;
      int high = count;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (amounts[middle] < amount) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low;
    }
  }
}
