package io.huoshui.matching.domain;

import static io.huoshui.matching.domain.Examples.CHANGZHI;
import static io.huoshui.matching.domain.Examples.ZHANGZI;
import static io.huoshui.matching.domain.Examples.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.vocabulary.Industry;
import org.junit.jupiter.api.Test;

/** Which product changes can bring a demand with room a new fit, so that reverse matching runs. */
class ProductTest {

  @Test
  void aNewRateOrALowerBudgetAdmitsNoNewDemand() {
    Product before = product("zhangzi-rcb", ZHANGZI).id(1).remainingBudget("9000000").build();

    assertThat(
            product("zhangzi-rcb", ZHANGZI)
                .id(1)
                .rates("3.000", "3.500")
                .remainingBudget("9000000.00")
                .version(2)
                .build()
                .admitsNothingBeyond(before))
        .isTrue();
    assertThat(
            product("zhangzi-rcb", ZHANGZI)
                .id(1)
                .remainingBudget("2000000")
                .version(2)
                .build()
                .admitsNothingBeyond(before))
        .as("an approval lowered the budget")
        .isTrue();
  }

  @Test
  void aWiderBudgetRangeRegionOrEligibilityMayAdmitNewDemands() {
    Product before = product("zhangzi-rcb", ZHANGZI).id(1).remainingBudget("9000000").build();

    assertThat(
            product("zhangzi-rcb", ZHANGZI)
                .id(1)
                .remainingBudget("12000000")
                .build()
                .admitsNothingBeyond(before))
        .isFalse();
    assertThat(product("zhangzi-rcb", ZHANGZI).id(1).build().admitsNothingBeyond(before))
        .as("an unlimited budget")
        .isFalse();
    assertThat(
            product("zhangzi-rcb", ZHANGZI, CHANGZHI)
                .id(1)
                .remainingBudget("9000000")
                .build()
                .admitsNothingBeyond(before))
        .isFalse();
    assertThat(
            product("zhangzi-rcb", ZHANGZI)
                .id(1)
                .amounts("500000", "50000000")
                .remainingBudget("9000000")
                .build()
                .admitsNothingBeyond(before))
        .isFalse();
    assertThat(
            product("zhangzi-rcb", ZHANGZI)
                .id(1)
                .industries(Industry.AGRICULTURE)
                .remainingBudget("9000000")
                .build()
                .admitsNothingBeyond(before))
        .isFalse();
  }
}
