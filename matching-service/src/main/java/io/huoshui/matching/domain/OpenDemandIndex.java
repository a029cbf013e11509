package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Tag;
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
import java.util.function.BiConsumer;

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
    if (!FitRule.VALIDITY.passes(product, null, today)) {
      return new ArrayList<>();
    }
    Criteria criteria = new Criteria(product, Shelf.cents(product.minAmount()), ceiling(product));
    return search(product, (shelf, found) -> shelf.collect(criteria, found));
  }

  /**
   * The open demands tagged SYNDICATION the product could take a share of ({@link
   * FitRule#takesShare}) and {@link #fitting} does not find: those above what it lends alone, from
   * its minimum up. Only the demands that consent to a syndicate are collected, and a shelf holding
   * none is skipped whole, so that a product with a low ceiling does not re-match, nor mostly even
   * read, every larger demand of its regions.
   */
  public List<UUID> sharing(Product product, LocalDate today) {
    long low = Shelf.cents(product.minAmount());
    long ceiling = ceiling(product);
    if (!FitRule.VALIDITY.passes(product, null, today) || ceiling < low) {
      return new ArrayList<>();
    }
    Criteria criteria = new Criteria(product, Math.max(low, ceiling + 1), Long.MAX_VALUE);
    return search(product, (shelf, found) -> shelf.collectSyndications(criteria, found));
  }

  /** What the product lends one demand alone, in cents: its ceiling, or less budget left. */
  private static long ceiling(Product product) {
    return Shelf.cents(product.shareCapacity());
  }

  /** Runs the shelf search over the shelves of the product's regions and industries. */
  private List<UUID> search(Product product, BiConsumer<Shelf, List<UUID>> collect) {
    List<UUID> found = new ArrayList<>();
    lock.readLock().lock();
    try {
      for (String region : product.regions()) {
        NavigableMap<String, Map<Industry, Shelf>> counties =
            byCounty.subMap(region, true, region + Character.MAX_VALUE, false);
        for (Map<Industry, Shelf> industries : counties.values()) {
          if (product.industries().isEmpty()) {
            industries.values().forEach(shelf -> collect.accept(shelf, found));
          } else {
            for (Industry industry : product.industries()) {
              Shelf shelf = industries.get(industry);
              if (shelf != null) {
                collect.accept(shelf, found);
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
   * One county's demands of one industry: amount in cents (sorted), id, term, size, offered
   * collateral as a bit mask and whether it is open to a syndicate — 8 + 16 + 2 + 1 + 2 + 1 bytes a
   * demand, plus growth room.
   */
  private static final class Shelf {
    long[] amounts = new long[4];
    long[] idHigh = new long[4];
    long[] idLow = new long[4];
    short[] terms = new short[4];
    byte[] sizes = new byte[4];
    short[] collateral = new short[4];
    boolean[] syndication = new boolean[4];
    int count;
    int syndications;

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
        syndication = Arrays.copyOf(syndication, capacity);
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
      System.arraycopy(syndication, at, syndication, at + 1, tail);
      amounts[at] = amount;
      idHigh[at] = demand.projectId().getMostSignificantBits();
      idLow[at] = demand.projectId().getLeastSignificantBits();
      terms[at] = (short) demand.termMonths();
      sizes[at] = (byte) demand.enterpriseSize().ordinal();
      collateral[at] = (short) mask(demand.collateral());
      syndication[at] = demand.tags().contains(Tag.SYNDICATION);
      if (syndication[at]) {
        syndications++;
      }
      count++;
    }

    boolean remove(Demand demand) {
      long amount = cents(demand.amountRequested());
      long high = demand.projectId().getMostSignificantBits();
      long low = demand.projectId().getLeastSignificantBits();
      for (int i = firstAtLeast(amount); i < count && amounts[i] == amount; i++) {
        if (idHigh[i] == high && idLow[i] == low) {
          if (syndication[i]) {
            syndications--;
          }
          int tail = count - i - 1;
          System.arraycopy(amounts, i + 1, amounts, i, tail);
          System.arraycopy(idHigh, i + 1, idHigh, i, tail);
          System.arraycopy(idLow, i + 1, idLow, i, tail);
          System.arraycopy(terms, i + 1, terms, i, tail);
          System.arraycopy(sizes, i + 1, sizes, i, tail);
          System.arraycopy(collateral, i + 1, collateral, i, tail);
          System.arraycopy(syndication, i + 1, syndication, i, tail);
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

    void collectSyndications(Criteria criteria, List<UUID> found) {
      if (syndications == 0) {
        return;
      }
      for (int i = firstAtLeast(criteria.lowCents);
          i < count && amounts[i] <= criteria.highCents;
          i++) {
        if (syndication[i] && criteria.accepts(terms[i], sizes[i], collateral[i])) {
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
