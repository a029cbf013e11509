package io.huoshui.matching.domain;

import io.huoshui.vocabulary.DeclineReason;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.util.List;

/**
 * A demand shared among banks (银团贷款): who leads it and what of it is still to be shared. Its
 * members are the demand's matches that carry a {@link SyndicateShare}.
 */
public final class Syndicate {

  private Syndicate() {}

  /**
   * Whether the demand is shared among banks: it consents to it (its tag SYNDICATION) and has been
   * proposed as a syndicate, or a bank declined it as too large for one bank. A demand that no
   * single product covers is proposed as a syndicate by the matcher in the first place.
   */
  public static boolean shared(Demand demand, List<Match> matches) {
    return demand.tags().contains(Tag.SYNDICATION)
        && matches.stream()
            .anyMatch(
                match ->
                    match.syndicate() != null || match.declinedFor(DeclineReason.AMOUNT_TOO_LARGE));
  }

  /** What of the amount requested no live match stands for: what is still to be shared. */
  public static BigDecimal uncovered(Demand demand, List<Match> matches) {
    BigDecimal held =
        matches.stream()
            .filter(Match::isLive)
            .map(match -> match.holds(demand.amountRequested()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return demand.amountRequested().subtract(held).max(BigDecimal.ZERO);
  }

  /** The bank leading the syndicate, null while no live match leads it. */
  public static String leadOf(List<Match> matches) {
    return matches.stream()
        .filter(Match::isLive)
        .filter(match -> match.syndicate() != null && match.syndicate().leads())
        .map(Match::bankCode)
        .findFirst()
        .orElse(null);
  }
}
