package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Approvals charged to one product's budget at the same moment: whatever the interleaving, the
 * budget is never overdrawn and every refused approval leaves nothing behind.
 */
class BudgetRaceTest extends CreditApiTest {

  private static final int RACES = 20;
  private static final int RIVALS = 3;

  @Test
  void concurrentApprovalsNeverOverdrawAProductsBudget() throws Exception {
    String bank = newBank("PROVINCIAL");
    ExecutorService pool = Executors.newFixedThreadPool(RIVALS);
    try {
      for (int race = 0; race < RACES; race++) {
        String productId =
            publish(bank, product("name", "兴优贷 " + race, "budget", "100000000.00"))
                .get("productId")
                .asString();
        List<UUID> matches = new ArrayList<>();
        for (int i = 0; i < RIVALS; i++) {
          UUID matchId = pushMatch(bank, productId, "40000000.00");
          answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "40000000.00"))
              .expectStatus()
              .isCreated();
          matches.add(matchId);
        }

        CyclicBarrier start = new CyclicBarrier(RIVALS);
        List<CompletableFuture<Integer>> approvals = new ArrayList<>();
        for (UUID matchId : matches) {
          approvals.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    await(start);
                    return answer(
                            bank,
                            matchId,
                            Map.of(
                                "answer", "APPROVAL",
                                "amount", "40000000.00",
                                "annualRate", "4.35",
                                "termMonths", 24))
                        .returnResult(String.class)
                        .getStatus()
                        .value();
                  },
                  pool));
        }
        List<Integer> statuses = approvals.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).as("race %d", race).containsExactlyInAnyOrder(201, 201, 409);
        assertThat(
                get(TestTokens.bank(bank), "/api/v1/products/" + productId)
                    .get("remainingBudget")
                    .asString())
            .as("race %d", race)
            .isEqualTo("20000000.00");
        assertThat(approvedResponses(matches)).as("race %d", race).isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private long approvedResponses(List<UUID> matches) {
    return database
        .sql(
            "SELECT count(*) FROM bank_response WHERE answer = 'APPROVAL' AND match_id = ANY(:ids)")
        .bind("ids", matches.toArray(UUID[]::new))
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private static void await(CyclicBarrier start) {
    try {
      start.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
