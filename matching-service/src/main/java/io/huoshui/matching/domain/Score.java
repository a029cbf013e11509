package io.huoshui.matching.domain;

import java.math.BigDecimal;
import java.util.List;

/** A product's score for a demand, 0 to 100, with the parts it is the sum of. */
public record Score(BigDecimal total, List<Reason> reasons) {

  public Score {
    reasons = List.copyOf(reasons);
  }
}
