package io.huoshui.project.domain;

import java.math.BigDecimal;

/**
 * The headline figures of a demand: what the county asked for and, summed over every bank it was
 * pushed to, what banks signalled they intend to lend, approved (授信) and disbursed (放款).
 */
public record Funnel(
    BigDecimal requested, BigDecimal intended, BigDecimal approved, BigDecimal disbursed) {

  private static final BigDecimal NOTHING = new BigDecimal("0.00");

  static Funnel of(BigDecimal requested) {
    return new Funnel(requested, NOTHING, NOTHING, NOTHING);
  }

  /** The status these figures prove, at least; SUBMITTED when no bank has answered yet. */
  ProjectStatus provenStatus() {
    if (disbursed.signum() > 0) {
      return disbursed.compareTo(requested) >= 0 ? ProjectStatus.CLOSED : ProjectStatus.DISBURSED;
    }
    if (approved.signum() > 0) {
      return ProjectStatus.APPROVED;
    }
    return intended.signum() > 0 ? ProjectStatus.IN_TALKS : ProjectStatus.SUBMITTED;
  }
}
