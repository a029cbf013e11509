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
   *
   * @param explanations why, in words, where a rule has more to say than a count (a green pledge's
   *     licence or value), each sentence once; empty in decisions from before they were given
   */
  record NoMatch(
      int evaluatedProducts, Map<FitRule, Integer> failures, List<RuleExplanation> explanations)
      implements MatchOutcome {
    public NoMatch {
      failures = Map.copyOf(failures);
      explanations = explanations == null ? List.of() : List.copyOf(explanations);
    }

    public NoMatch(int evaluatedProducts, Map<FitRule, Integer> failures) {
      this(evaluatedProducts, failures, List.of());
    }
  }
}
