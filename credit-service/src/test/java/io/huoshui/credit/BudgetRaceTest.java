package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.testsupport.TestTokens;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Approvals charged to one product's budget, drawn on one instrument's, or shared among the banks
 * of one demand, at the same moment: whatever the interleaving, no budget is overdrawn and every
 * refused approval leaves nothing behind.
 */
class BudgetRaceTest extends CreditApiTest {

  private static final int RACES = 20;
  private static final int RIVALS = 3;

  private ExecutorService pool;

  @BeforeEach
  void rivals() {
    pool = Executors.newFixedThreadPool(RIVALS + 1);
  }

  @AfterEach
  void noRivals() {
    pool.shutdownNow();
  }

  @Test
  void concurrentApprovalsNeverOverdrawAProductsBudget() {
    String bank = newBank("PROVINCIAL");
    for (int race = 0; race < RACES; race++) {
      String productId =
          publish(bank, product("name", "兴优贷 " + race, "budget", "100000000.00"))
              .get("productId")
              .asString();
      List<UUID> matches = interestedMatches(bank, productId, RIVALS, "40000000.00");

      List<Integer> statuses =
          approveTogether(
              bank,
              matches,
              Map.of(
                  "answer", "APPROVAL",
                  "amount", "40000000.00",
                  "annualRate", "4.35",
                  "termMonths", 24));

      assertThat(statuses).as("race %d", race).containsExactlyInAnyOrder(201, 201, 409);
      assertThat(
              get(TestTokens.bank(bank), "/api/v1/products/" + productId)
                  .get("remainingBudget")
                  .asString())
          .as("race %d", race)
          .isEqualTo("20000000.00");
      assertThat(approvedResponses(matches)).as("race %d", race).isEqualTo(2);
    }
  }

  /**
   * Four approvals each drawing 4,000,000 (40 % of 10,000,000) on a pool of 10,000,000: exactly two
   * fit, and the others are refused whole.
   */
  @Test
  void concurrentApprovalsNeverOverdrawAnInstrumentsBudget() {
    String bank = newBank("PROVINCIAL");
    String productId = publish(bank, product()).get("productId").asString();
    int rivals = RIVALS + 1;
    for (int race = 0; race < RACES / 4; race++) {
      String instrumentId =
          body(post(
                      TestTokens.operator(CHANGZHI),
                      "/api/v1/instruments",
                      instrument("RISK_COMPENSATION", "budget", "10000000.00"))
                  .expectStatus()
                  .isCreated())
              .get("instrumentId")
              .asString();
      List<UUID> matches = interestedMatches(bank, productId, rivals, "10000000.00");

      List<Integer> statuses =
          approveTogether(
              bank, matches, InstrumentDrawTest.approval("10000000.00", List.of(instrumentId)));

      assertThat(statuses).as("race %d", race).containsExactlyInAnyOrder(201, 201, 409, 409);
      JsonNode instrument = get(TestTokens.bank(bank), "/api/v1/instruments/" + instrumentId);
      assertThat(instrument.get("drawn").asString()).as("race %d", race).isEqualTo("8000000.00");
      assertThat(instrument.get("remainingBudget").asString())
          .as("race %d", race)
          .isEqualTo("2000000.00");
      assertThat(approvedResponses(matches)).as("race %d", race).isEqualTo(2);
    }
  }

  /**
   * A syndicate of four banks over one demand of 190,000,000, approving 80, 60, 50 and 30 million
   * at once: any three fit the amount requested and all four do not, so exactly one approval is
   * refused whatever the interleaving, and what the banks approved never exceeds the request.
   */
  @Test
  void concurrentApprovalsOfOneDemandByItsBanksNeverExceedTheAmountRequested() {
    List<String> banks = new ArrayList<>();
    List<String> products = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String bank = newBank("PROVINCIAL");
      banks.add(bank);
      products.add(
          publish(bank, product("maxAmount", "200000000.00", "budget", "9000000000.00"))
              .get("productId")
              .asString());
    }
    List<String> shares = List.of("80000000.00", "60000000.00", "50000000.00", "30000000.00");
    for (int race = 0; race < RACES; race++) {
      UUID projectId = UUID.randomUUID();
      submitDemand(projectId, ZHANGZI, "190000000.00");
      List<UUID> matches = new ArrayList<>();
      for (int i = 0; i < banks.size(); i++) {
        UUID matchId = UUID.randomUUID();
        propose(matchId, projectId, banks.get(i), products.get(i), "190000000.00");
        awaitMatch(matchId);
        answer(banks.get(i), matchId, Map.of("answer", "INTEREST", "amount", shares.get(i)))
            .expectStatus()
            .isCreated();
        matches.add(matchId);
      }

      List<BankAnswer> approvals = new ArrayList<>();
      for (int i = 0; i < matches.size(); i++) {
        approvals.add(
            new BankAnswer(
                banks.get(i),
                matches.get(i),
                Map.of(
                    "answer",
                    "APPROVAL",
                    "amount",
                    shares.get(i),
                    "annualRate",
                    "3.95",
                    "termMonths",
                    60)));
      }
      List<Integer> statuses = answerTogether(approvals);

      assertThat(statuses).as("race %d", race).containsExactlyInAnyOrder(201, 201, 201, 409);
      BigDecimal refused = new BigDecimal(shares.get(statuses.indexOf(409)));
      BigDecimal approved = new BigDecimal("220000000.00").subtract(refused);
      assertThat(approvedOf(matches)).as("race %d", race).isEqualByComparingTo(approved);
      assertThat(approved).isLessThanOrEqualTo(new BigDecimal("190000000.00"));
      assertThat(approvedResponses(matches)).as("race %d", race).isEqualTo(3);
    }
  }

  /** What the banks' matches record as approved, together. */
  private BigDecimal approvedOf(List<UUID> matches) {
    return database
        .sql("SELECT sum(approved) FROM bank_match WHERE match_id = ANY(:ids)")
        .bind("ids", matches.toArray(UUID[]::new))
        .map(row -> row.get(0, BigDecimal.class))
        .one()
        .block();
  }

  /** Matches of the product that the bank has each declared interest in. */
  private List<UUID> interestedMatches(String bank, String productId, int count, String amount) {
    List<UUID> matches = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UUID matchId = pushMatch(bank, productId, amount);
      answer(bank, matchId, Map.of("answer", "INTEREST", "amount", amount))
          .expectStatus()
          .isCreated();
      matches.add(matchId);
    }
    return matches;
  }

  /** The statuses of the approval sent to every match at once. */
  private List<Integer> approveTogether(
      String bank, List<UUID> matches, Map<String, Object> approval) {
    return answerTogether(
        matches.stream().map(matchId -> new BankAnswer(bank, matchId, approval)).toList());
  }

  /** A bank's answer to one of its matches. */
  private record BankAnswer(String bank, UUID matchId, Map<String, Object> body) {}

  /** The statuses of the answers, all sent at once. */
  private List<Integer> answerTogether(List<BankAnswer> answers) {
    CyclicBarrier start = new CyclicBarrier(answers.size());
    List<CompletableFuture<Integer>> sent = new ArrayList<>();
    for (BankAnswer sending : answers) {
      sent.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                return answer(sending.bank(), sending.matchId(), sending.body())
                    .returnResult(String.class)
                    .getStatus()
                    .value();
              },
              pool));
    }
    return sent.stream().map(CompletableFuture::join).toList();
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
