package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.PledgeValuation;
import java.math.BigDecimal;
import java.util.Set;

/**
 * What a product lends on one kind of green pledge.
 *
 * @param pledgeRatio the percent of the pledge's value it lends (质押率), e.g. 50.00
 * @param valuations how it takes the value: quantity × unit price, the enterprise's valuation, or
 *     either
 */
public record GreenTerms(Collateral kind, BigDecimal pledgeRatio, Set<PledgeValuation> valuations) {

  public GreenTerms {
    valuations = Set.copyOf(valuations);
  }
}
