package io.huoshui.matching.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The live policy instruments in memory, shelved by each region they serve: a demand in county
 * 140428 reads the shelves of 14, 1404 and 140428 only, so that a thousand instruments cost a
 * demand a handful of checks.
 *
 * <p>Safe for concurrent use: the catalog listener updates it while demand listeners match.
 */
public final class InstrumentIndex {

  private static final Comparator<Instrument> IN_ORDER =
      Comparator.comparing(Instrument::kind).thenComparing(Instrument::instrumentId);

  private final Map<UUID, Instrument> byId = new HashMap<>();
  private final Map<String, List<Instrument>> byRegion = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * Holds the instrument unless a version at least as new is held already; a retired one is
   * dropped.
   *
   * @return whether the index changed
   */
  public boolean put(Instrument instrument) {
    lock.writeLock().lock();
    try {
      Instrument held = byId.get(instrument.instrumentId());
      if (held != null && held.version() >= instrument.version()) {
        return false;
      }
      if (held != null) {
        byId.remove(held.instrumentId());
        for (String region : held.regions()) {
          byRegion.get(region).remove(held);
        }
      }
      if (instrument.active()) {
        byId.put(instrument.instrumentId(), instrument);
        for (String region : instrument.regions()) {
          byRegion.computeIfAbsent(region, code -> new ArrayList<>()).add(instrument);
        }
      }
      return held != null || instrument.active();
    } finally {
      lock.writeLock().unlock();
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

  /** The instruments that serve the demand on the day, subsidies first, each once. */
  public ServingInstruments serving(Demand demand, LocalDate today) {
    List<Instrument> serving = new ArrayList<>();
    lock.readLock().lock();
    try {
      String county = demand.county();
      for (int length = 2; length <= county.length(); length += 2) {
        List<Instrument> shelf = byRegion.get(county.substring(0, length));
        if (shelf == null) {
          continue;
        }
        for (Instrument instrument : shelf) {
          if (!serving.contains(instrument) && instrument.serves(demand, today)) {
            serving.add(instrument);
          }
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    if (serving.isEmpty()) {
      return ServingInstruments.NONE;
    }
    serving.sort(IN_ORDER);
    return new ServingInstruments(serving);
  }
}
