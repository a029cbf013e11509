package io.huoshui.matching.domain;

import static io.huoshui.matching.domain.Examples.CHANGZHI;
import static io.huoshui.matching.domain.Examples.SHANXI;
import static io.huoshui.matching.domain.Examples.TODAY;
import static io.huoshui.matching.domain.Examples.XIANGYUAN;
import static io.huoshui.matching.domain.Examples.ZHANGZI;
import static io.huoshui.matching.domain.Examples.demand;
import static io.huoshui.matching.domain.Examples.product;
import static io.huoshui.matching.domain.Examples.toyPlant;
import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FitRuleTest {

  @Test
  void aPlainProductOfTheCountyFitsTheToyPlant() {
    assertThat(failed(product("zhangzi-rcb", ZHANGZI).build(), toyPlant())).isEmpty();
  }

  @Test
  void regionCoversEveryCountyItsCodePrefixesAndNoOther() {
    assertThat(failed(product("b", CHANGZHI).build(), toyPlant())).isEmpty();
    assertThat(failed(product("b", SHANXI).build(), toyPlant())).isEmpty();
    assertThat(failed(product("b", XIANGYUAN).build(), toyPlant())).containsOnly(FitRule.REGION);
    assertThat(failed(product("b", "1407").build(), toyPlant())).containsOnly(FitRule.REGION);
    assertThat(failed(product("b", "61").build(), toyPlant())).containsOnly(FitRule.REGION);
    assertThat(failed(product("b").build(), toyPlant())).containsOnly(FitRule.REGION);
  }

  @Test
  void amountMustLieWithinTheRangeBoundsIncluded() {
    assertThat(
            failed(product("b", ZHANGZI).amounts("7000000.00", "7000000.00").build(), toyPlant()))
        .isEmpty();
    assertThat(failed(product("b", ZHANGZI).amounts("7000000.01", "9000000").build(), toyPlant()))
        .containsOnly(FitRule.AMOUNT);
    assertThat(failed(product("b", ZHANGZI).amounts("100000", "6999999.99").build(), toyPlant()))
        .containsOnly(FitRule.AMOUNT);
  }

  @Test
  void termMustLieWithinTheRangeBoundsIncluded() {
    assertThat(failed(product("b", ZHANGZI).terms(36, 36).build(), toyPlant())).isEmpty();
    assertThat(failed(product("b", ZHANGZI).terms(6, 24).build(), toyPlant()))
        .containsOnly(FitRule.TERM);
    assertThat(failed(product("b", ZHANGZI).terms(48, 120).build(), toyPlant()))
        .containsOnly(FitRule.TERM);
  }

  @Test
  void industryMustBeEligibleUnlessTheProductNamesNone() {
    assertThat(
            failed(
                product("b", ZHANGZI)
                    .industries(Industry.AGRICULTURE, Industry.INDUSTRY_AND_SOFTWARE)
                    .build(),
                toyPlant()))
        .isEmpty();
    assertThat(failed(product("b", ZHANGZI).industries(Industry.AGRICULTURE).build(), toyPlant()))
        .containsOnly(FitRule.INDUSTRY);
  }

  @Test
  void enterpriseSizeMustBeEligibleUnlessTheProductNamesNone() {
    assertThat(
            failed(
                product("b", ZHANGZI).sizes(EnterpriseSize.MICRO, EnterpriseSize.SMALL).build(),
                toyPlant()))
        .isEmpty();
    assertThat(failed(product("b", ZHANGZI).sizes(EnterpriseSize.LARGE).build(), toyPlant()))
        .containsOnly(FitRule.ENTERPRISE_SIZE);
  }

  @Test
  void oneOfferedCollateralMustBeAcceptedUnlessItIsACreditLoan() {
    assertThat(
            failed(
                product("b", ZHANGZI)
                    .collateral(Collateral.EQUIPMENT, Collateral.RECEIVABLES)
                    .build(),
                toyPlant()))
        .isEmpty();
    assertThat(
            failed(product("b", ZHANGZI).collateral(Collateral.WATER_RIGHTS).build(), toyPlant()))
        .containsOnly(FitRule.COLLATERAL);
    Demand offeringNothing = demand().collateral(Collateral.NONE).build();
    assertThat(failed(product("b", ZHANGZI).build(), offeringNothing)).isEmpty();
    assertThat(
            failed(product("b", ZHANGZI).collateral(Collateral.GUARANTEE).build(), offeringNothing))
        .containsOnly(FitRule.COLLATERAL);
  }

  @Test
  void validityNeedsAnActiveProductWithinItsDatesOnTheClocksDay() {
    assertThat(failed(product("b", ZHANGZI).valid(TODAY, TODAY).build(), toyPlant())).isEmpty();
    assertThat(failed(product("b", ZHANGZI).valid(TODAY.plusDays(1), null).build(), toyPlant()))
        .containsOnly(FitRule.VALIDITY);
    assertThat(
            failed(
                product("b", ZHANGZI).valid(LocalDate.of(2025, 1, 1), TODAY.minusDays(1)).build(),
                toyPlant()))
        .containsOnly(FitRule.VALIDITY);
    assertThat(failed(product("b", ZHANGZI).retired().build(), toyPlant()))
        .containsOnly(FitRule.VALIDITY);
  }

  @Test
  void budgetLeftMustCoverTheAmountUnlessUnlimited() {
    assertThat(failed(product("b", ZHANGZI).remainingBudget("7000000.00").build(), toyPlant()))
        .isEmpty();
    assertThat(failed(product("b", ZHANGZI).remainingBudget("6999999.99").build(), toyPlant()))
        .containsOnly(FitRule.BUDGET);
  }

  private static Set<FitRule> failed(Product product, Demand demand) {
    Set<FitRule> failed = EnumSet.noneOf(FitRule.class);
    for (FitRule rule : FitRule.values()) {
      if (!rule.passes(product, demand, TODAY)) {
        failed.add(rule);
      }
    }
    assertThat(FitRule.fits(product, demand, TODAY)).isEqualTo(failed.isEmpty());
    return failed;
  }
}
