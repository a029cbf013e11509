package io.huoshui.matching.domain;

import java.util.List;

/**
 * What was decided about a demand: its status, why nothing fitted when nothing did, and its new
 * matches.
 */
public record DemandDecision(
    DemandStatus status, MatchOutcome.NoMatch noMatch, List<Match> matches) {

  public DemandDecision {
    matches = List.copyOf(matches);
  }
}
