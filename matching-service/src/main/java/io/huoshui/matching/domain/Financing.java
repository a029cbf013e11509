package io.huoshui.matching.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * Financed means stop: once the banks' approvals of a demand cover the amount requested, the banks
 * that approved nothing give their slots back, and once the disbursements cover it, so do those
 * that paid out nothing. The banks that financed it keep their matches.
 */
public final class Financing {

  private Financing() {}

  /** Whether the approvals over all the demand's matches cover the amount requested. */
  public static boolean financed(Demand demand, List<Match> matches) {
    return covers(demand, matches, Match::approved);
  }

  /** The live matches that financing the demand releases (cause FINANCED); none while it is not. */
  public static List<Match> released(Demand demand, List<Match> matches) {
    Function<Match, BigDecimal> measure =
        covers(demand, matches, Match::disbursed) ? Match::disbursed : Match::approved;
    if (!covers(demand, matches, measure)) {
      return List.of();
    }
    return matches.stream()
        .filter(Match::isLive)
        .filter(match -> measure.apply(match).signum() == 0)
        .toList();
  }

  private static boolean covers(
      Demand demand, List<Match> matches, Function<Match, BigDecimal> measure) {
    BigDecimal sum = matches.stream().map(measure).reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.compareTo(demand.amountRequested()) >= 0;
  }
}
