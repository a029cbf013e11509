package io.huoshui.matching.domain;

import java.util.List;
import java.util.Map;

/** What matching a demand decided. */
public sealed interface MatchOutcome {

  /**
   * Products to push, best first, each of a different bank; fewer than asked (even none) when no
   * further bank has a fitting product.
   */
  record Proposals(List<Proposal> picks) implements MatchOutcome {
    public Proposals {
      picks = List.copyOf(picks);
    }
  }

  /**
   * Nothing fits: of the products evaluated, how many failed each rule (a product outside the
   * county's region under REGION only, one serving it under each rule it fails), the county's
   * feedback on what to change.
   */
  record NoMatch(int evaluatedProducts, Map<FitRule, Integer> failures) implements MatchOutcome {
    public NoMatch {
      failures = Map.copyOf(failures);
    }
  }
}
