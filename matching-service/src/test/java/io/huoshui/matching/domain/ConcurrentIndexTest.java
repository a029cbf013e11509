package io.huoshui.matching.domain;

import static io.huoshui.matching.domain.Examples.TODAY;
import static io.huoshui.matching.domain.Examples.ZHANGZI;
import static io.huoshui.matching.domain.Examples.demand;
import static io.huoshui.matching.domain.Examples.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The indexes under the threads that use them at once: listener threads writing while others read.
 * Whatever the interleaving, a reader never sees a demand or product twice, and the end state is
 * exactly what the writes make in any order.
 */
class ConcurrentIndexTest {

  private static final int WRITERS = 4;
  private static final int READERS = 2;

  @Test
  void openDemandsChangedFromManyThreadsAreNeitherLostNorDoubled() throws Exception {
    OpenDemandIndex index = new OpenDemandIndex();
    Product everything = product("any-bank", ZHANGZI).amounts("1", "100000000").build();
    List<Set<UUID>> kept = new ArrayList<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Callable<Void>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      Set<UUID> keeps = new HashSet<>();
      kept.add(keeps);
      writers.add(
          () -> {
            List<Demand> held = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
              Demand demand = demand().id(writer * 10_000 + i).amount("7000000.00").build();
              index.add(demand);
              held.add(demand);
            }
            for (int i = 0; i < held.size(); i++) {
              Demand changed = demand().id(writer * 10_000 + i).amount((1 + i) + "0000.00").build();
              index.replace(held.get(i), i % 2 == 0 ? changed : null);
              if (i % 2 == 0) {
                keeps.add(changed.projectId());
              }
            }
            return null;
          });
    }
    List<Callable<Void>> readers = new ArrayList<>();
    for (int r = 0; r < READERS; r++) {
      readers.add(
          () -> {
            while (writing.get()) {
              List<UUID> found = index.fitting(everything, TODAY);
              assertThat(new HashSet<>(found)).as("no demand found twice").hasSize(found.size());
            }
            return null;
          });
    }

    hammer(writers, readers, writing);

    Set<UUID> expected = new HashSet<>();
    kept.forEach(expected::addAll);
    assertThat(index.size()).isEqualTo(expected.size());
    assertThat(index.fitting(everything, TODAY)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void productVersionsArrivingOnManyThreadsLeaveTheNewestShelvedOnce() throws Exception {
    ProductIndex index = new ProductIndex();
    int products = 50;
    int versions = 100;
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Callable<Void>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      Random random = new Random(w);
      writers.add(
          () -> {
            List<Product> arrivals = new ArrayList<>();
            for (int p = 0; p < products; p++) {
              for (int v = 1; v <= versions; v++) {
                Examples.ProductBuilder builder =
                    product("bank-" + p, ZHANGZI).id(500 + p).version(v);
                arrivals.add(v % 2 == 1 ? builder.retired().build() : builder.build());
              }
            }
            Collections.shuffle(arrivals, random);
            arrivals.forEach(index::put);
            return null;
          });
    }
    Demand toyPlant = demand().build();
    List<Callable<Void>> readers = new ArrayList<>();
    for (int r = 0; r < READERS; r++) {
      readers.add(
          () -> {
            while (writing.get()) {
              List<UUID> found =
                  index.candidates(toyPlant).stream().map(p -> p.product().productId()).toList();
              assertThat(new HashSet<>(found)).as("no product found twice").hasSize(found.size());
            }
            return null;
          });
    }

    hammer(writers, readers, writing);

    assertThat(index.size()).isEqualTo(products);
    assertThat(index.candidates(toyPlant))
        .hasSize(products)
        .allSatisfy(placement -> assertThat(placement.product().version()).isEqualTo(versions));
    assertThat(index.coverage(ZHANGZI).serving()).hasSize(products);
  }

  /** Starts every thread at once, lets the readers run until the writers are done. */
  private static void hammer(
      List<Callable<Void>> writers, List<Callable<Void>> readers, AtomicBoolean writing)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(writers.size() + readers.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Void>> read = new ArrayList<>();
      for (Callable<Void> reader : readers) {
        read.add(threads.submit(awaiting(start, reader)));
      }
      List<Future<Void>> written = new ArrayList<>();
      for (Callable<Void> writer : writers) {
        written.add(threads.submit(awaiting(start, writer)));
      }
      start.countDown();
      for (Future<Void> writer : written) {
        writer.get();
      }
      writing.set(false);
      for (Future<Void> reader : read) {
        reader.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static Callable<Void> awaiting(CountDownLatch start, Callable<Void> work) {
    return () -> {
      start.await();
      return work.call();
    };
  }
}
