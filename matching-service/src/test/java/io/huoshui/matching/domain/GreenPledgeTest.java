package io.huoshui.matching.domain;

import static io.huoshui.matching.domain.Examples.TODAY;
import static io.huoshui.matching.domain.Examples.ZHANGZI;
import static io.huoshui.matching.domain.Examples.product;
import static io.huoshui.matching.domain.Examples.toyPlant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.PledgeValuation;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A water-abstraction permit pledged for a loan, as in the Hubei case: the licensed quantity times
 * the water price is the pledge's value, the bank lends half of it, and only while the permit holds
 * through the loan's term.
 */
class GreenPledgeTest {

  /** 133,333,333.3 m³ × 0.15 CNY = 19,999,999.995, HALF_UP to 20,000,000.00. */
  private static final GreenPledge PERMIT_TO_2030 =
      permit(LocalDate.of(2030, 12, 31), new BigDecimal("0.15"), null);

  private final ProductIndex index = new ProductIndex();

  @Test
  void aPermitValidThroughTheTermThatCoversTheAmountMatchesAndTheProposalNamesItsValue() {
    index.put(waterLoan(1, Set.of(PledgeValuation.UNIT_PRICE)));

    MatchOutcome outcome = match(demand("8000000.00", 36, PERMIT_TO_2030));

    assertThat(outcome).isInstanceOf(MatchOutcome.Proposals.class);
    List<Proposal> picks = ((MatchOutcome.Proposals) outcome).picks();
    assertThat(picks).hasSize(1);
    PledgeCover cover = picks.get(0).pledge();
    assertThat(cover.value()).isEqualTo(new BigDecimal("20000000.00"));
    assertThat(cover.ceiling()).isEqualTo(new BigDecimal("10000000.00"));
    assertThat(cover.pledges())
        .extracting(
            PledgeCover.Pledged::valuedBy,
            PledgeCover.Pledged::value,
            PledgeCover.Pledged::ceiling,
            PledgeCover.Pledged::coversTerm)
        .containsExactly(
            tuple(
                PledgeValuation.UNIT_PRICE,
                new BigDecimal("20000000.00"),
                new BigDecimal("10000000.00"),
                true));
    assertThat(cover.explanation())
        .isEqualTo("质押物价值 20,000,000.00 × 50% 可担保 10,000,000.00，足以覆盖申请金额 8,000,000.00");
    assertThat(cover.english())
        .isEqualTo(
            "pledge worth 20,000,000.00 × 50 % covers 10,000,000.00, enough for 8,000,000.00");
  }

  @Test
  void aPermitEndingOnTheLoansLastDayStillHolds() {
    index.put(waterLoan(1, Set.of(PledgeValuation.UNIT_PRICE)));

    GreenPledge toTheLastDay = permit(TODAY.plusMonths(36), new BigDecimal("0.15"), null);

    assertThat(match(demand("8000000.00", 36, toTheLastDay)))
        .isInstanceOf(MatchOutcome.Proposals.class);
  }

  @Test
  void aPermitThatEndsBeforeTheTermIsNoMatchSayingSo() {
    index.put(waterLoan(1, Set.of(PledgeValuation.UNIT_PRICE)));

    GreenPledge toMarch2027 = permit(LocalDate.of(2027, 3, 31), new BigDecimal("0.15"), null);
    MatchOutcome outcome = match(demand("8000000.00", 36, toMarch2027));

    assertThat(outcome).isInstanceOf(MatchOutcome.NoMatch.class);
    MatchOutcome.NoMatch noMatch = (MatchOutcome.NoMatch) outcome;
    assertThat(noMatch.failures()).isEqualTo(Map.of(FitRule.AMOUNT, 1));
    assertThat(noMatch.explanations())
        .containsExactly(
            new RuleExplanation(
                FitRule.AMOUNT,
                "取水许可证有效期至2027-03-31，早于36个月贷款期限",
                "water-abstraction permit ends 2027-03-31, before the 36-month term"));
  }

  @Test
  void aPledgeTooSmallForTheAmountIsNoMatchWithItsValueTimesTheRatio() {
    index.put(waterLoan(1, Set.of(PledgeValuation.UNIT_PRICE)));
    index.put(waterLoan(2, Set.of(PledgeValuation.UNIT_PRICE)));

    MatchOutcome outcome = match(demand("15000000.00", 36, PERMIT_TO_2030));

    assertThat(outcome).isInstanceOf(MatchOutcome.NoMatch.class);
    MatchOutcome.NoMatch noMatch = (MatchOutcome.NoMatch) outcome;
    assertThat(noMatch.failures()).isEqualTo(Map.of(FitRule.AMOUNT, 2));
    assertThat(noMatch.explanations())
        .containsExactly(
            new RuleExplanation(
                FitRule.AMOUNT,
                "质押物价值 20,000,000.00 × 50% 可担保 10,000,000.00，不足申请金额 15,000,000.00",
                "pledge worth 20,000,000.00 × 50 % covers 10,000,000.00 of 15,000,000.00"));
  }

  @Test
  void theEnterprisesValuationCountsOnlyWithAProductThatAcceptsIt() {
    GreenPledge valued = permit(LocalDate.of(2030, 12, 31), null, new BigDecimal("30000000.00"));
    index.put(waterLoan(1, Set.of(PledgeValuation.UNIT_PRICE)));

    MatchOutcome refused = match(demand("12000000.00", 36, valued));

    assertThat(((MatchOutcome.NoMatch) refused).explanations())
        .extracting(RuleExplanation::english)
        .containsExactly(
            "the water-abstraction permit is valued by the enterprise's valuation, which the"
                + " product does not accept");

    index.put(
        waterLoan(2, Set.of(PledgeValuation.UNIT_PRICE, PledgeValuation.ENTERPRISE_VALUATION)));
    MatchOutcome accepted = match(demand("12000000.00", 36, valued));
    assertThat(accepted).isInstanceOf(MatchOutcome.Proposals.class);
    PledgeCover cover = ((MatchOutcome.Proposals) accepted).picks().get(0).pledge();
    assertThat(cover.ceiling()).isEqualTo(new BigDecimal("15000000.00"));
  }

  @Test
  void aProductStatingNoGreenTermsLendsOnTheKindAsBefore() {
    index.put(
        product("plain", ZHANGZI)
            .id(1)
            .collateral(Collateral.WATER_RIGHTS)
            .amounts("1000000", "50000000")
            .build());

    MatchOutcome outcome =
        match(
            demand(
                "15000000.00",
                36,
                permit(LocalDate.of(2027, 3, 31), new BigDecimal("0.15"), null)));

    assertThat(((MatchOutcome.Proposals) outcome).picks())
        .extracting(Proposal::pledge)
        .containsExactly((PledgeCover) null);
  }

  @Test
  void aSyndicateMemberLendingOnThePledgeTakesNoMoreOfTheDemandThanThePledgeCarries() {
    Product lead =
        waterLoan(
            product("bank1", ZHANGZI).id(1).category(ProductCategory.SYNDICATED),
            Set.of(PledgeValuation.UNIT_PRICE));
    index.put(lead);
    index.put(product("plain", ZHANGZI).id(2).amounts("1000000.00", "20000000.00").build());
    Demand shared = demand("30000000.00", 36, PERMIT_TO_2030, Set.of(Tag.SYNDICATION));

    MatchOutcome outcome = match(shared);

    assertThat(((MatchOutcome.Proposals) outcome).picks())
        .extracting(pick -> pick.product().bankCode(), pick -> pick.syndicate().share())
        .containsExactly(
            tuple("bank1", new BigDecimal("10000000.00")),
            tuple("plain", new BigDecimal("20000000.00")));
    assertThat(matcher().largestShare(shared, lead, TODAY)).isEqualByComparingTo("10000000.00");
  }

  private MatchOutcome match(Demand demand) {
    return matcher().match(demand, TODAY, Set.of(), 3);
  }

  private Matcher matcher() {
    return new Matcher(index, new InstrumentIndex(), new Scoring(bank -> BankStanding.NEW));
  }

  private static GreenPledge permit(LocalDate validUntil, BigDecimal unitPrice, BigDecimal total) {
    return new GreenPledge(
        Collateral.WATER_RIGHTS, new BigDecimal("133333333.3"), "m³", validUntil, unitPrice, total);
  }

  /** The toy plant offering its water permit, with the amount and term asked. */
  private static Demand demand(String amount, int termMonths, GreenPledge pledge) {
    return demand(amount, termMonths, pledge, toyPlant().tags());
  }

  private static Demand demand(String amount, int termMonths, GreenPledge pledge, Set<Tag> tags) {
    Demand plant = toyPlant();
    return new Demand(
        plant.projectId(),
        plant.county(),
        plant.industry(),
        plant.enterpriseSize(),
        plant.purpose(),
        new BigDecimal(amount),
        termMonths,
        Set.of(Collateral.WATER_RIGHTS),
        tags,
        List.of(pledge));
  }

  private static Product waterLoan(int id, Set<PledgeValuation> valuations) {
    return waterLoan(product("bank" + id, ZHANGZI).id(id), valuations);
  }

  /** A green loan of 1–50 M CNY lending 50 % of a water permit's value. */
  private static Product waterLoan(
      Examples.ProductBuilder product, Set<PledgeValuation> valuations) {
    Product base =
        product.collateral(Collateral.WATER_RIGHTS).amounts("1000000", "50000000").build();
    return new Product(
        base.productId(),
        base.bankCode(),
        base.name(),
        base.category(),
        base.minAmount(),
        base.maxAmount(),
        base.minTermMonths(),
        base.maxTermMonths(),
        base.minAnnualRate(),
        base.maxAnnualRate(),
        base.industries(),
        base.enterpriseSizes(),
        base.regions(),
        base.collateral(),
        base.tags(),
        base.validFrom(),
        base.validTo(),
        base.remainingBudget(),
        base.active(),
        base.version(),
        base.decisionWorkingDays(),
        base.disbursementWorkingDays(),
        List.of(new GreenTerms(Collateral.WATER_RIGHTS, new BigDecimal("50.00"), valuations)));
  }
}
