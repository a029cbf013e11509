package io.huoshui.matching.domain;

import static io.huoshui.matching.domain.Examples.CHANGZHI;
import static io.huoshui.matching.domain.Examples.SHANXI;
import static io.huoshui.matching.domain.Examples.TODAY;
import static io.huoshui.matching.domain.Examples.XIANGYUAN;
import static io.huoshui.matching.domain.Examples.ZHANGZI;
import static io.huoshui.matching.domain.Examples.product;
import static io.huoshui.matching.domain.Examples.toyPlant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatcherTest {

  private final ProductIndex index = new ProductIndex();

  @Test
  void ranksByTheDocumentedScoreAndExplainsEachPart() {
    index.put(
        product("cheap", ZHANGZI)
            .id(1)
            .rates("3.000", "3.000")
            .amounts("1000000", "10000000")
            .build());
    index.put(
        product("sized", ZHANGZI)
            .id(2)
            .rates("4.000", "5.000")
            .amounts("1000000", "7000000")
            .tags(Tag.KEY_PROJECT)
            .build());
    index.put(
        product("inclusive", ZHANGZI)
            .id(3)
            .rates("5.500", "6.500")
            .category(ProductCategory.INCLUSIVE)
            .build());

    List<Proposal> picks = picks(match(Map.of(), 3));

    assertThat(picks)
        .extracting(p -> p.product().bankCode(), p -> p.score().total())
        .containsExactly(
            tuple("cheap", new BigDecimal("68.00")),
            tuple("sized", new BigDecimal("67.00")),
            tuple("inclusive", new BigDecimal("50.60")));
    assertThat(picks.get(0).score().reasons())
        .extracting(Reason::factor, Reason::points)
        .containsExactly(
            tuple("RATE", new BigDecimal("25.00")),
            tuple("TAGS", new BigDecimal("0.00")),
            tuple("AMOUNT_FIT", new BigDecimal("10.50")),
            tuple("LOCALITY", new BigDecimal("15.00")),
            tuple("TRACK_RECORD", new BigDecimal("7.50")),
            tuple("FAIRNESS", new BigDecimal("10.00")));
    assertThat(picks.get(1).score().reasons())
        .filteredOn(reason -> reason.factor().equals("TAGS"))
        .extracting(Reason::points, Reason::explanation, Reason::english)
        .containsExactly(tuple(new BigDecimal("2.00"), "契合：重点项目", "aligned: key project"));
    assertThat(picks.get(2).score().reasons())
        .filteredOn(reason -> reason.factor().equals("TAGS"))
        .extracting(Reason::explanation, Reason::english)
        .containsExactly(tuple("契合：普惠", "aligned: inclusive"));
  }

  @Test
  void greenDemandMeetsGreenProductBeforeACheaperPlainOne() {
    index.put(product("plain", ZHANGZI).id(1).rates("3.800", "3.800").build());
    index.put(
        product("carbon", ZHANGZI)
            .id(2)
            .rates("4.300", "4.300")
            .category(ProductCategory.GREEN)
            .build());

    Demand green = Examples.demand().tags(Tag.GREEN).build();
    MatchOutcome outcome =
        new Matcher(index, new InstrumentIndex(), new Scoring(bank -> BankStanding.NEW))
            .match(green, TODAY, Set.of(), 3);

    assertThat(picks(outcome))
        .extracting(p -> p.product().bankCode())
        .containsExactly("carbon", "plain");
  }

  @Test
  void aQuickApprovingBankComesFirstAndALoadedBankLast() {
    index.put(product("new-bank", ZHANGZI).id(1).build());
    index.put(product("quick-bank", ZHANGZI).id(2).build());
    index.put(product("loaded-bank", ZHANGZI).id(3).build());
    Map<String, BankStanding> standings =
        Map.of(
            "quick-bank", new BankStanding(4, 0, 3, 0, 0),
            "loaded-bank", new BankStanding(0, 0, 0, 0, 20));

    List<Proposal> picks = picks(match(standings, 3));

    assertThat(picks)
        .extracting(p -> p.product().bankCode(), p -> p.score().total())
        .containsExactly(
            tuple("quick-bank", new BigDecimal("58.10")),
            tuple("new-bank", new BigDecimal("52.10")),
            tuple("loaded-bank", new BigDecimal("44.10")));
  }

  @Test
  void equalScoresAreOrderedByBankCodeSoEveryInstancePicksTheSame() {
    index.put(product("shanxi-bank", ZHANGZI).id(7).build());
    index.put(product("jinshang-bank", ZHANGZI).id(9).build());
    index.put(product("cib-changzhi", ZHANGZI).id(8).build());

    assertThat(picks(match(Map.of(), 3)))
        .extracting(p -> p.product().bankCode())
        .containsExactly("cib-changzhi", "jinshang-bank", "shanxi-bank");
  }

  @Test
  void pushesOneProductPerBankTheBankBestOne() {
    index.put(product("jinshang-bank", ZHANGZI).id(1).rates("3.000", "3.000").build());
    index.put(product("jinshang-bank", ZHANGZI).id(2).rates("3.500", "3.500").build());
    index.put(product("shanxi-bank", ZHANGZI).id(3).rates("6.000", "6.000").build());

    assertThat(picks(match(Map.of(), 3)))
        .extracting(p -> p.product().productId().getLeastSignificantBits())
        .containsExactly(1L, 3L);
  }

  @Test
  void cityTierOnlyFillsWhatTheCountyTierLeavesAndProvinceWhatBothLeave() {
    index.put(product("zhangzi-rcb", ZHANGZI).id(1).rates("6.000", "7.000").build());
    index.put(product("county-2", ZHANGZI).id(2).rates("6.000", "7.000").build());
    // Cheaper, but city level: it only gets the third slot.
    index.put(product("cib-changzhi", CHANGZHI).id(3).rates("3.000", "3.000").build());
    index.put(product("city-2", CHANGZHI).id(4).rates("3.500", "3.500").build());
    index.put(product("jinshang-bank", SHANXI).id(5).rates("3.000", "3.000").build());

    assertThat(picks(match(Map.of(), 3)))
        .extracting(p -> p.product().bankCode(), Proposal::tier)
        .containsExactly(
            tuple("county-2", Tier.COUNTY),
            tuple("zhangzi-rcb", Tier.COUNTY),
            tuple("cib-changzhi", Tier.CITY));
    assertThat(picks(match(Map.of(), 2)))
        .extracting(Proposal::tier)
        .containsExactly(Tier.COUNTY, Tier.COUNTY);
  }

  @Test
  void provinceTierFillsWhenCountyAndCityYieldTooFew() {
    index.put(product("cib-changzhi", CHANGZHI).id(1).build());
    index.put(product("jinshang-bank", SHANXI).id(2).rates("4.000", "4.000").build());
    index.put(product("shanxi-bank", SHANXI).id(3).rates("4.500", "4.500").build());
    index.put(product("far-bank", "61", XIANGYUAN).id(4).build());

    assertThat(picks(match(Map.of(), 3)))
        .extracting(p -> p.product().bankCode(), Proposal::tier)
        .containsExactly(
            tuple("cib-changzhi", Tier.CITY),
            tuple("jinshang-bank", Tier.PROVINCE),
            tuple("shanxi-bank", Tier.PROVINCE));
  }

  @Test
  void aProductServingTheCityAndTheCountyServesAtCountyTier() {
    index.put(product("zhangzi-rcb", CHANGZHI, ZHANGZI).id(1).build());

    assertThat(picks(match(Map.of(), 3))).extracting(Proposal::tier).containsExactly(Tier.COUNTY);
  }

  @Test
  void banksThatHeldAMatchAreSkippedAndTheNextCandidateTakesTheSlot() {
    index.put(product("jinshang-bank", ZHANGZI).id(1).rates("3.000", "3.000").build());
    index.put(product("shanxi-bank", ZHANGZI).id(2).rates("4.000", "4.000").build());
    index.put(product("zhangzi-rcb", ZHANGZI).id(3).rates("5.000", "5.000").build());

    MatchOutcome outcome =
        new Matcher(index, new InstrumentIndex(), new Scoring(bank -> BankStanding.NEW))
            .match(toyPlant(), TODAY, Set.of("jinshang-bank", "shanxi-bank"), 1);

    assertThat(picks(outcome))
        .extracting(p -> p.product().bankCode())
        .containsExactly("zhangzi-rcb");
    assertThat(
            new Matcher(index, new InstrumentIndex(), new Scoring(bank -> BankStanding.NEW))
                .match(toyPlant(), TODAY, Set.of("jinshang-bank", "shanxi-bank", "zhangzi-rcb"), 1))
        .as("products fit, but every bank already had its turn: no NoMatch")
        .isEqualTo(new MatchOutcome.Proposals(List.of()));
  }

  @Test
  void aDemandNothingFitsGetsHowManyProductsFailedEachRule() {
    index.put(product("a", XIANGYUAN).id(1).build());
    index.put(product("b", ZHANGZI).id(2).amounts("10000000", "20000000").terms(60, 120).build());
    index.put(product("c", CHANGZHI).id(3).industries(Industry.AGRICULTURE).build());
    index.put(
        product("d", ZHANGZI)
            .id(4)
            .collateral(Collateral.CARBON_QUOTA)
            .remainingBudget("5000000")
            .build());

    assertThat(match(Map.of(), 3))
        .isEqualTo(
            new MatchOutcome.NoMatch(
                4,
                Map.of(
                    FitRule.REGION, 1,
                    FitRule.AMOUNT, 1,
                    FitRule.TERM, 1,
                    FitRule.INDUSTRY, 1,
                    FitRule.COLLATERAL, 1,
                    FitRule.BUDGET, 1)));
  }

  @Test
  void aProductOutsideTheDemandsRegionCountsUnderRegionAlone() {
    index.put(product("a", XIANGYUAN).id(1).amounts("100000", "200000").build());
    index.put(product("b", ZHANGZI).id(2).amounts("100000", "200000").build());

    assertThat(match(Map.of(), 3))
        .isEqualTo(new MatchOutcome.NoMatch(2, Map.of(FitRule.REGION, 1, FitRule.AMOUNT, 1)));
  }

  @Test
  void aPushToTheNextTierTakesTheBestFitBeyondTheTierReachedOfABankThatHasNotHadIt() {
    index.put(product("county-bank", ZHANGZI).id(1).rates("3.000", "3.000").build());
    index.put(product("city-dear", CHANGZHI).id(2).rates("5.000", "5.000").build());
    index.put(product("city-cheap", CHANGZHI).id(3).rates("3.500", "3.500").build());
    index.put(product("city-tried", CHANGZHI).id(4).rates("3.000", "3.000").build());
    index.put(product("province-bank", SHANXI).id(5).rates("3.000", "3.000").build());
    Matcher matcher =
        new Matcher(index, new InstrumentIndex(), new Scoring(bank -> BankStanding.NEW));

    assertThat(
            matcher
                .bestBeyond(toyPlant(), TODAY, Set.of("county-bank", "city-tried"), Tier.COUNTY)
                .map(p -> p.product().bankCode() + " " + p.tier()))
        .contains("city-cheap CITY");
    assertThat(
            matcher
                .bestBeyond(toyPlant(), TODAY, Set.of("county-bank"), Tier.CITY)
                .map(p -> p.product().bankCode() + " " + p.tier()))
        .contains("province-bank PROVINCE");
    assertThat(matcher.bestBeyond(toyPlant(), TODAY, Set.of(), Tier.PROVINCE)).isEmpty();
  }

  @Test
  void aProductAnOfficeNamesIsScoredAtItsTierOrAsProvinceOutsideItsRegions() {
    Matcher matcher =
        new Matcher(index, new InstrumentIndex(), new Scoring(bank -> BankStanding.NEW));
    Product city = product("city-bank", CHANGZHI).id(1).build();
    Product elsewhere = product("far-bank", "6110").id(2).build();

    assertThat(matcher.named(toyPlant(), city, TODAY).tier()).isEqualTo(Tier.CITY);
    Proposal far = matcher.named(toyPlant(), elsewhere, TODAY);
    assertThat(far.tier()).isEqualTo(Tier.PROVINCE);
    assertThat(far.score().reasons()).hasSize(6);
  }

  private MatchOutcome match(Map<String, BankStanding> standings, int slots) {
    Scoring scoring = new Scoring(bank -> standings.getOrDefault(bank, BankStanding.NEW));
    return new Matcher(index, new InstrumentIndex(), scoring)
        .match(toyPlant(), TODAY, Set.of(), slots);
  }

  private static List<Proposal> picks(MatchOutcome outcome) {
    assertThat(outcome).isInstanceOf(MatchOutcome.Proposals.class);
    return ((MatchOutcome.Proposals) outcome).picks();
  }
}
