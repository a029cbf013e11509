package io.huoshui.project.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectTest {

  private static final Instant SUBMITTED_AT = Instant.parse("2026-11-25T08:00:00Z");

  private final Project submitted =
      Project.submitted(UUID.randomUUID(), "140428", demand("70000000.00"), SUBMITTED_AT);

  @Test
  void aStatusNeverMovesBackAndAFinalOneStays() {
    Project approved = submitted.financed(funnel("70000000.00", "70000000.00", "0"), false);
    assertThat(approved.status()).isEqualTo(ProjectStatus.APPROVED);
    assertThat(approved.pushed().status()).isEqualTo(ProjectStatus.APPROVED);
    assertThat(approved.financed(funnel("70000000.00", "0", "0"), true).status())
        .isEqualTo(ProjectStatus.APPROVED);

    Project closed = approved.financed(funnel("70000000.00", "70000000.00", "70000000.00"), false);
    assertThat(closed.status()).isEqualTo(ProjectStatus.CLOSED);
    assertThat(closed.unmatched(new NoMatch(3, List.of())).status())
        .isEqualTo(ProjectStatus.CLOSED);
  }

  @Test
  void anExhaustedDemandStaysSoUntilAProposalReopensItAndMoneyStillCounts() {
    Project talks = submitted.pushed().financed(funnel("0", "0", "0"), true);
    Project exhausted = talks.exhausted();
    assertThat(exhausted.status()).isEqualTo(ProjectStatus.EXHAUSTED);
    assertThat(exhausted.financed(funnel("0", "0", "0"), true).status())
        .isEqualTo(ProjectStatus.EXHAUSTED);
    assertThat(exhausted.unmatched(new NoMatch(3, List.of())).status())
        .isEqualTo(ProjectStatus.EXHAUSTED);
    assertThat(exhausted.pushed().status()).isEqualTo(ProjectStatus.PUSHED);
    assertThat(exhausted.financed(funnel("70000000.00", "70000000.00", "0"), false).status())
        .isEqualTo(ProjectStatus.APPROVED);

    Project approved = submitted.financed(funnel("70000000.00", "70000000.00", "0"), false);
    assertThat(approved.exhausted().status()).isEqualTo(ProjectStatus.APPROVED);
  }

  @Test
  void theCountyClosesAnyDemandButAWithdrawnOrClosedOne() {
    Instant at = SUBMITTED_AT.plusSeconds(3600);
    Project closed = submitted.pushed().exhausted().close(ClosureReason.NO_LONGER_NEEDED, null, at);
    assertThat(closed.status()).isEqualTo(ProjectStatus.CLOSED);
    assertThat(closed.closure())
        .isEqualTo(new Project.Closure(ClosureReason.NO_LONGER_NEEDED, null, at));
    assertThat(closed.version()).isEqualTo(2);
    assertThat(closed.pushed().status()).isEqualTo(ProjectStatus.CLOSED);
    assertThatThrownBy(() -> closed.close(ClosureReason.FINANCED_ELSEWHERE, null, at))
        .isInstanceOf(ProjectStateException.class)
        .extracting("code")
        .isEqualTo("PROJECT_NOT_CLOSABLE");
    assertThatThrownBy(
            () -> submitted.withdraw("不要了", at).close(ClosureReason.NO_LONGER_NEEDED, null, at))
        .isInstanceOf(ProjectStateException.class);
  }

  @Test
  void interestWithoutAnAmountStillMeansTalks() {
    assertThat(submitted.financed(funnel("0", "0", "0"), true).status())
        .isEqualTo(ProjectStatus.IN_TALKS);
  }

  @Test
  void aChangeRestartsMatchingFromSubmitted() {
    Project unmatched =
        submitted.unmatched(new NoMatch(12, List.of(new NoMatch.Failure("AMOUNT", 12))));
    assertThat(unmatched.status()).isEqualTo(ProjectStatus.NO_MATCH);
    assertThat(unmatched.pushed().status()).isEqualTo(ProjectStatus.PUSHED);
    assertThat(unmatched.pushed().noMatch()).isNull();

    Project revised = unmatched.revise(demand("20000000.00"), SUBMITTED_AT.plusSeconds(60));
    assertThat(revised.status()).isEqualTo(ProjectStatus.SUBMITTED);
    assertThat(revised.noMatch()).isNull();
    assertThat(revised.version()).isEqualTo(2);
    assertThat(revised.changedAt()).isEqualTo(SUBMITTED_AT.plusSeconds(60));
    assertThat(revised.funnel().requested()).isEqualByComparingTo("20000000.00");
  }

  @Test
  void interestEndsChangesAndDisbursementEndsWithdrawal() {
    Project talks = submitted.financed(funnel("10.00", "0", "0"), true);
    assertThatThrownBy(() -> talks.revise(demand("1.00"), SUBMITTED_AT))
        .isInstanceOf(ProjectStateException.class)
        .extracting("code")
        .isEqualTo("PROJECT_NOT_REVISABLE");
    Project disbursed = talks.financed(funnel("10.00", "10.00", "10.00"), false);
    assertThatThrownBy(() -> disbursed.withdraw("不要了", SUBMITTED_AT))
        .isInstanceOf(ProjectStateException.class)
        .extracting("code")
        .isEqualTo("PROJECT_NOT_WITHDRAWABLE");
  }

  private Funnel funnel(String intended, String approved, String disbursed) {
    return new Funnel(
        submitted.demand().amountRequested(),
        new BigDecimal(intended),
        new BigDecimal(approved),
        new BigDecimal(disbursed));
  }

  private static Demand demand(String requested) {
    return new Demand(
        "年产110万件玩具项目",
        "…",
        new Demand.Enterprise("山西德儒教育装备有限公司", "91140428MA0JX12346", EnterpriseSize.MEDIUM),
        Industry.INDUSTRY_AND_SOFTWARE,
        Purpose.FIXED_ASSETS,
        new BigDecimal("200000000.00"),
        new BigDecimal(requested),
        36,
        List.of(Collateral.REAL_ESTATE),
        List.of(Tag.KEY_PROJECT),
        new Demand.Contact("王宇", "13800000000"),
        List.of());
  }
}
