package io.huoshui.project.domain;

import java.util.List;

/**
 * Why matching found no product for the demand: how many products it weighed and, per fit rule
 * (REGION, AMOUNT, TERM, ...), how many of them failed it.
 */
public record NoMatch(int evaluatedProducts, List<Failure> failures) {

  public NoMatch {
    failures = List.copyOf(failures);
  }

  public record Failure(String rule, int failedProducts) {}
}
