package io.huoshui.load;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Whether a step's rate is sustainable: no error, a backlog that stayed bounded, every accepted
 * demand proposed before the drain ended, and accepted → bank topic p99 within {@link
 * #TO_BANK_P99_LIMIT_MS}. The reasons say which condition failed.
 */
record Verdict(boolean sustainable, List<String> reasons) {

  static final double TO_BANK_P99_LIMIT_MS = 1_000;

  /**
   * A backlog grows when the time to matching's decision in the last third of a step is more than
   * this many times that of the first third: at a rate matching keeps, the two are alike; above it,
   * every demand waits behind all the earlier ones and the time grows with the step.
   */
  static final double BACKLOG_GROWTH = 2;

  /**
   * Below this growth in milliseconds a change is noise, not a backlog: 20 ms becoming 60 ms is a
   * third of a GC pause, not a queue.
   */
  static final double BACKLOG_SLACK_MS = 200;

  /** Compares the medians of the time to decision in the first and the last third of a step. */
  static boolean bounded(PathStats.Percentiles firstThird, PathStats.Percentiles lastThird) {
    if (firstThird.count() == 0 || lastThird.count() == 0) {
      return false;
    }
    return lastThird.p50()
        <= Math.max(BACKLOG_GROWTH * firstThird.p50(), firstThird.p50() + BACKLOG_SLACK_MS);
  }

  static Verdict of(long errors, boolean bounded, long undrained, double toBankP99Ms) {
    List<String> reasons = new ArrayList<>();
    if (errors > 0) {
      reasons.add(errors + " error(s)");
    }
    if (!bounded) {
      reasons.add("backlog growing");
    }
    if (undrained > 0) {
      reasons.add(undrained + " demand(s) without a proposal after the drain");
    }
    if (Double.isNaN(toBankP99Ms)) {
      reasons.add("no proposal reached a bank");
    } else if (toBankP99Ms > TO_BANK_P99_LIMIT_MS) {
      reasons.add(
          "accepted → bank topic p99 %.0f ms > %.0f ms"
              .formatted(toBankP99Ms, TO_BANK_P99_LIMIT_MS));
    }
    return new Verdict(reasons.isEmpty(), List.copyOf(reasons));
  }

  /** The rate of the highest sustainable step, whatever the steps below it did. */
  static OptionalDouble highestSustainable(List<Double> rates, List<Verdict> verdicts) {
    OptionalDouble highest = OptionalDouble.empty();
    for (int i = 0; i < rates.size(); i++) {
      if (verdicts.get(i).sustainable()
          && (highest.isEmpty() || rates.get(i) > highest.getAsDouble())) {
        highest = OptionalDouble.of(rates.get(i));
      }
    }
    return highest;
  }
}
