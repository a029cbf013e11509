package io.huoshui.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Financed means stop, and what each answer does to a match's clock. */
class FinancingTest {

  private final Demand toyPlant = Examples.toyPlant(); // 7 M CNY
  private final Instant at = Instant.parse("2026-11-25T02:00:00Z");

  @Test
  void approvalsThatCoverTheAmountReleaseTheBanksThatApprovedNothing() {
    Match first = match("bank-a", "4000000.00", "0.00");
    Match second = match("bank-b", "3000000.00", "0.00");
    Match silent = match("bank-c", "0.00", "0.00");
    Match declined = match("bank-d", "0.00", "0.00").released(Match.ReleaseCause.DECLINED, at);

    assertThat(Financing.financed(toyPlant, List.of(first, silent))).isFalse();
    assertThat(Financing.released(toyPlant, List.of(first, silent))).isEmpty();
    List<Match> all = List.of(first, second, silent, declined);
    assertThat(Financing.financed(toyPlant, all)).isTrue();
    assertThat(Financing.released(toyPlant, all)).containsExactly(silent);
  }

  @Test
  void disbursementsThatCoverTheAmountAlsoReleaseTheBanksThatPaidOutNothing() {
    Match payer = match("bank-a", "7000000.00", "7000000.00");
    Match approver = match("bank-b", "2000000.00", "0.00");

    assertThat(Financing.released(toyPlant, List.of(payer, approver))).containsExactly(approver);
  }

  @Test
  void eachAnswerMovesTheClockOnlyForward() {
    assertThat(Stage.after(Stage.FIRST_ANSWER, Match.Answer.INTEREST)).isEqualTo(Stage.DECISION);
    assertThat(Stage.after(Stage.FIRST_ANSWER, Match.Answer.APPROVAL))
        .isEqualTo(Stage.DISBURSEMENT);
    assertThat(Stage.after(Stage.DECISION, Match.Answer.INTEREST)).isEqualTo(Stage.DECISION);
    assertThat(Stage.after(Stage.DISBURSEMENT, Match.Answer.INTEREST))
        .isEqualTo(Stage.DISBURSEMENT);
    assertThat(Stage.after(Stage.DISBURSEMENT, Match.Answer.DISBURSEMENT)).isNull();
    assertThat(Stage.after(null, Match.Answer.APPROVAL)).isNull();
  }

  private Match match(String bankCode, String approved, String disbursed) {
    Product product = Examples.product(bankCode, "140428").build();
    Match proposed =
        Match.proposed(
            toyPlant,
            new Proposal(product, Tier.COUNTY, new Score(BigDecimal.TEN, List.of()), null),
            1,
            Examples.TODAY,
            new StageDays(10, 10),
            at);
    return new Match(
        proposed.matchId(),
        proposed.projectId(),
        proposed.county(),
        proposed.bankCode(),
        proposed.productId(),
        proposed.productName(),
        proposed.tier(),
        proposed.rank(),
        proposed.score(),
        proposed.reasons(),
        Match.Status.ANSWERED,
        proposed.deadline(),
        null,
        proposed.proposedAt(),
        at,
        Match.Answer.APPROVAL,
        null,
        null,
        new BigDecimal(approved),
        new BigDecimal(disbursed),
        null,
        Stage.DISBURSEMENT,
        null,
        null,
        null,
        false,
        false,
        null,
        null,
        proposed.stageDays(),
        proposed.support(),
        proposed.pledge(),
        proposed.syndicate());
  }
}
