package io.huoshui.matching.domain;

import static io.huoshui.matching.domain.Examples.CHANGZHI;
import static io.huoshui.matching.domain.Examples.SHANXI;
import static io.huoshui.matching.domain.Examples.TODAY;
import static io.huoshui.matching.domain.Examples.ZHANGZI;
import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.InstrumentKind;
import io.huoshui.vocabulary.Language;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Policy instruments beside the loan: a government guarantee stands for the collateral a small firm
 * lacks, a first-loan subsidy lowers the rate, a risk pool shares the bank's loss — and each is
 * offered only to the demands it serves, while its budget covers what their loans would draw.
 */
class InstrumentsInTheMatchTest {

  private static final UUID SUBSIDY = new UUID(7, 1);
  private static final UUID GUARANTEE_FUND = new UUID(7, 2);
  private static final UUID RISK_POOL = new UUID(7, 3);

  /** A 长子县 mushroom grower with nothing to pledge asks 2 M CNY for two years, its first loan. */
  private static final Demand GROWER =
      Examples.demand()
          .industry(Industry.AGRICULTURE)
          .size(EnterpriseSize.MICRO)
          .amount("2000000.00")
          .term(24)
          .collateral(Collateral.NONE)
          .tags(Tag.FIRST_LOAN)
          .build();

  /** 食用菌产业贷: takes machines or a guarantee, 4.10–6.50 %. */
  private static final Product GUARANTEED_LOAN =
      Examples.product("zhangzi-rcb", ZHANGZI)
          .id(100)
          .amounts("50000.00", "5000000.00")
          .terms(6, 36)
          .rates("4.10", "6.50")
          .collateral(Collateral.EQUIPMENT, Collateral.GUARANTEE)
          .build();

  /** A mortgage loan of the same county: a guarantee is no collateral to it. */
  private static final Product MORTGAGE =
      Examples.product("jincheng-bank", ZHANGZI)
          .id(101)
          .amounts("50000.00", "5000000.00")
          .terms(6, 36)
          .collateral(Collateral.REAL_ESTATE)
          .build();

  @Test
  void
      aGuaranteeLetsAFirmWithoutCollateralFitAProductThatLendsOnGuaranteesWithTheRateAfterSubsidy() {
    InstrumentIndex instruments = new InstrumentIndex();
    instruments.put(subsidy(SHANXI, "1.00", "200000000.00"));
    instruments.put(guarantee(CHANGZHI, "1000000000.00"));
    instruments.put(riskPool(ZHANGZI));

    MatchOutcome outcome =
        matcher(instruments, GUARANTEED_LOAN, MORTGAGE).match(GROWER, TODAY, Set.of(), 3);

    assertThat(outcome).isInstanceOf(MatchOutcome.Proposals.class);
    List<Proposal> picks = ((MatchOutcome.Proposals) outcome).picks();
    assertThat(picks)
        .extracting(pick -> pick.product().productId())
        .containsExactly(GUARANTEED_LOAN.productId());
    PolicySupport support = picks.get(0).support();
    assertThat(support.guaranteeInPlaceOfCollateral()).isTrue();
    assertThat(support.annualRate()).isEqualByComparingTo("5.30");
    assertThat(support.effectiveAnnualRate()).isEqualTo(new BigDecimal("4.30"));
    assertThat(support.instruments())
        .extracting(InstrumentOffer::instrumentId, InstrumentOffer::kind, InstrumentOffer::draw)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                SUBSIDY, InstrumentKind.INTEREST_SUBSIDY, new BigDecimal("40000.00")),
            org.assertj.core.groups.Tuple.tuple(
                GUARANTEE_FUND, InstrumentKind.GUARANTEE, new BigDecimal("1600000.00")),
            org.assertj.core.groups.Tuple.tuple(
                RISK_POOL, InstrumentKind.RISK_COMPENSATION, new BigDecimal("800000.00")));
    assertThat(support.instruments().get(1).explanation(Language.ZH))
        .isEqualTo("长治市政府性融资担保基金：担保贷款的80.00%，担保费每年1.00%，以担保代替抵押");
    assertThat(support.instruments().get(0).explanation(Language.EN))
        .isEqualTo(
            "山西省首贷贴息: pays 1.00 points of the interest, about 4.30% a year, 40000.00 CNY in all");
  }

  @Test
  void withoutAGuaranteeTheSameFirmFitsNothingForWantOfCollateral() {
    MatchOutcome outcome =
        matcher(new InstrumentIndex(), GUARANTEED_LOAN, MORTGAGE).match(GROWER, TODAY, Set.of(), 3);

    assertThat(outcome)
        .isEqualTo(new MatchOutcome.NoMatch(2, java.util.Map.of(FitRule.COLLATERAL, 2)));
  }

  @Test
  void aGuaranteeFundWhoseBudgetCannotCoverTheGuaranteeIsNotOffered() {
    InstrumentIndex instruments = new InstrumentIndex();
    // 80 % of 2 M is 1.6 M: a fund with 1,599,999.99 left cannot take it on.
    instruments.put(guarantee(CHANGZHI, "1599999.99"));

    MatchOutcome outcome = matcher(instruments, GUARANTEED_LOAN).match(GROWER, TODAY, Set.of(), 3);

    assertThat(outcome).isInstanceOf(MatchOutcome.NoMatch.class);
  }

  @Test
  void anInstrumentServesOnlyTheDemandsOfItsRegionsTagsAndDays() {
    Demand notAFirstLoan =
        Examples.demand()
            .industry(Industry.AGRICULTURE)
            .size(EnterpriseSize.MICRO)
            .amount("2000000.00")
            .term(24)
            .build();
    Demand elsewhere =
        Examples.demand()
            .county("610102")
            .tags(Tag.FIRST_LOAN)
            .size(EnterpriseSize.MICRO)
            .amount("2000000.00")
            .term(24)
            .build();
    Instrument subsidy = subsidy(SHANXI, "1.00", "200000000.00");

    assertThat(subsidy.serves(GROWER, TODAY)).isTrue();
    assertThat(subsidy.serves(notAFirstLoan, TODAY))
        .as("a first-loan subsidy needs a first loan")
        .isFalse();
    assertThat(subsidy.serves(elsewhere, TODAY)).as("Shanxi's money serves Shanxi").isFalse();
    assertThat(subsidy.serves(GROWER, LocalDate.of(2028, 1, 1))).as("after its last day").isFalse();
    assertThat(
            subsidy.serves(
                Examples.demand()
                    .tags(Tag.FIRST_LOAN)
                    .size(EnterpriseSize.MICRO)
                    .amount("12000000.00")
                    .term(24)
                    .build(),
                TODAY))
        .as("above its ceiling of 10 M")
        .isFalse();
  }

  @Test
  void ofTwoSubsidiesTheLargerIsOfferedAndNoRateFallsBelowZero() {
    InstrumentIndex instruments = new InstrumentIndex();
    instruments.put(subsidy(SHANXI, "1.00", "200000000.00"));
    Instrument countySubsidy =
        new Instrument(
            new UUID(7, 9),
            InstrumentKind.INTEREST_SUBSIDY,
            ZHANGZI,
            "长子县贴息",
            List.of(ZHANGZI),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            null,
            null,
            new BigDecimal("6.00"),
            null,
            null,
            null,
            null,
            new BigDecimal("50000000.00"),
            LocalDate.of(2026, 1, 1),
            null,
            true,
            1);
    instruments.put(countySubsidy);

    PolicySupport support = instruments.serving(GROWER, TODAY).with(GROWER, GUARANTEED_LOAN);

    assertThat(support.instruments())
        .extracting(InstrumentOffer::instrumentId)
        .containsExactly(countySubsidy.instrumentId());
    assertThat(support.effectiveAnnualRate()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void aNewerVersionReplacesTheHeldOneAndARetiredOneIsOfferedNoMore() {
    InstrumentIndex instruments = new InstrumentIndex();
    instruments.put(guarantee(CHANGZHI, "1000000000.00"));
    Instrument exhausted = withBudgetAndVersion(guarantee(CHANGZHI, "0.00"), 2, true);

    assertThat(instruments.put(exhausted)).isTrue();
    assertThat(instruments.put(guarantee(CHANGZHI, "1000000000.00")))
        .as("an older version")
        .isFalse();
    assertThat(instruments.serving(GROWER, TODAY).instruments()).isEmpty();
    assertThat(instruments.put(withBudgetAndVersion(exhausted, 3, false))).isTrue();
    assertThat(instruments.size()).isZero();
  }

  private static Matcher matcher(InstrumentIndex instruments, Product... products) {
    ProductIndex index = new ProductIndex();
    for (Product product : products) {
      index.put(product);
    }
    return new Matcher(index, instruments, new Scoring(bank -> BankStanding.NEW));
  }

  private static Instrument subsidy(String region, String points, String budget) {
    return new Instrument(
        SUBSIDY,
        InstrumentKind.INTEREST_SUBSIDY,
        region,
        "山西省首贷贴息",
        List.of(region),
        Set.of(),
        Set.of(EnterpriseSize.MICRO, EnterpriseSize.SMALL),
        Set.of(),
        Set.of(Tag.FIRST_LOAN),
        new BigDecimal("10000000.00"),
        36,
        new BigDecimal(points),
        new BigDecimal("100000.00"),
        null,
        null,
        null,
        new BigDecimal(budget),
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2027, 12, 31),
        true,
        1);
  }

  private static Instrument guarantee(String region, String budget) {
    return new Instrument(
        GUARANTEE_FUND,
        InstrumentKind.GUARANTEE,
        region,
        "长治市政府性融资担保基金",
        List.of(region),
        Set.of(Industry.AGRICULTURE, Industry.INDUSTRY_AND_SOFTWARE),
        Set.of(),
        Set.of(),
        Set.of(),
        new BigDecimal("10000000.00"),
        36,
        null,
        null,
        new BigDecimal("80.00"),
        new BigDecimal("1.00"),
        null,
        new BigDecimal(budget),
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2027, 12, 31),
        true,
        1);
  }

  private static Instrument riskPool(String region) {
    return new Instrument(
        RISK_POOL,
        InstrumentKind.RISK_COMPENSATION,
        region,
        "长子县小微企业贷款风险补偿资金池",
        List.of(region),
        Set.of(),
        Set.of(EnterpriseSize.MICRO, EnterpriseSize.SMALL),
        Set.of(),
        Set.of(),
        new BigDecimal("5000000.00"),
        null,
        null,
        null,
        null,
        null,
        new BigDecimal("40.00"),
        new BigDecimal("20000000.00"),
        LocalDate.of(2026, 1, 1),
        null,
        true,
        1);
  }

  private static Instrument withBudgetAndVersion(
      Instrument instrument, long version, boolean active) {
    return new Instrument(
        instrument.instrumentId(),
        instrument.kind(),
        instrument.issuerRegion(),
        instrument.name(),
        instrument.regions(),
        instrument.industries(),
        instrument.enterpriseSizes(),
        instrument.purposes(),
        instrument.tags(),
        instrument.maxAmount(),
        instrument.maxTermMonths(),
        instrument.subsidyPoints(),
        instrument.subsidyCeiling(),
        instrument.coverageRatio(),
        instrument.feeRate(),
        instrument.lossShare(),
        instrument.remainingBudget(),
        instrument.validFrom(),
        instrument.validTo(),
        active,
        version);
  }
}
