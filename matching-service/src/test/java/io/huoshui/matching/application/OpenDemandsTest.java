package io.huoshui.matching.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.Product;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Purpose;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The partitions' indexes as the listener threads use them at once: each demand partition's thread
 * updating its own, a rebalance assigning and revoking another, reverse matching reading them all.
 */
class OpenDemandsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 9, 25);

  @Test
  void partitionsUpdatedAssignedAndReadAtOnceKeepEveryCommittedChange() throws Exception {
    OpenDemands open = new OpenDemands();
    for (int partition = 0; partition < 3; partition++) {
      open.assign(partition, List.of());
    }
    Product everything = product();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(5);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<CompletableFuture<Set<UUID>>> updaters = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        int partition = p;
        updaters.add(
            CompletableFuture.supplyAsync(
                () -> {
                  await(start);
                  Set<UUID> withRoom = new HashSet<>();
                  for (int i = 0; i < 1_000; i++) {
                    Demand demand = demand(partition, i, "7000000.00");
                    open.update(partition, null, demand, true);
                    Demand changed = demand(partition, i, "8000000.00");
                    boolean hasRoom = i % 3 != 0;
                    open.update(partition, demand, changed, hasRoom);
                    if (hasRoom) {
                      withRoom.add(changed.projectId());
                    }
                  }
                  return withRoom;
                },
                threads));
      }
      CompletableFuture<Void> rebalances =
          CompletableFuture.runAsync(
              () -> {
                await(start);
                while (running.get()) {
                  open.assign(3, List.of(demand(3, 1, "7000000.00")));
                  open.revoke(3);
                }
              },
              threads);
      CompletableFuture<Void> reader =
          CompletableFuture.runAsync(
              () -> {
                await(start);
                while (running.get()) {
                  List<UUID> found = open.reached(everything, TODAY);
                  assertThat(new HashSet<>(found)).hasSize(found.size());
                }
              },
              threads);
      start.countDown();
      Set<UUID> expected = new HashSet<>();
      for (CompletableFuture<Set<UUID>> updater : updaters) {
        expected.addAll(updater.get());
      }
      running.set(false);
      rebalances.get();
      reader.get();

      assertThat(open.owned()).containsExactlyInAnyOrder(0, 1, 2);
      assertThat(open.reached(everything, TODAY)).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      threads.shutdownNow();
    }
  }

  private static void await(CountDownLatch start) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Demand demand(int partition, int i, String amount) {
    return new Demand(
        new UUID(partition, i),
        "140428",
        Industry.INDUSTRY_AND_SOFTWARE,
        EnterpriseSize.SMALL,
        Purpose.FIXED_ASSETS,
        new BigDecimal(amount),
        36,
        Set.of(Collateral.REAL_ESTATE),
        Set.of(),
        List.of());
  }

  private static Product product() {
    return new Product(
        new UUID(9, 9),
        "zhangzi-rcb",
        "兴优贷",
        ProductCategory.WORKING_CAPITAL,
        new BigDecimal("1000000.00"),
        new BigDecimal("50000000.00"),
        12,
        60,
        new BigDecimal("4.000"),
        new BigDecimal("5.000"),
        Set.of(),
        Set.of(),
        List.of("14"),
        Set.of(),
        Set.of(),
        LocalDate.of(2026, 1, 1),
        null,
        null,
        true,
        1,
        null,
        null,
        List.of());
  }
}
