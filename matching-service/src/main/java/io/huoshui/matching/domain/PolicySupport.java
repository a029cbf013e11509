package io.huoshui.matching.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What public money goes with one proposal: the instruments the demand is eligible for with the
 * product, and the interest after subsidy.
 *
 * @param annualRate the middle of the product's rate band, in percent a year
 * @param effectiveAnnualRate what the enterprise pays after the subsidy offered, if any
 * @param guaranteeInPlaceOfCollateral whether the product fits only because a guarantee instrument
 *     stands for the collateral the demand does not offer
 */
public record PolicySupport(
    List<InstrumentOffer> instruments,
    BigDecimal annualRate,
    BigDecimal effectiveAnnualRate,
    boolean guaranteeInPlaceOfCollateral) {

  public PolicySupport {
    instruments = List.copyOf(instruments);
  }
}
